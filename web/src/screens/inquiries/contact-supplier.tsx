import { Button, Grid, Modal, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { issuesByField, validationIssues } from '../../api/field-errors';
import { useMe, useOpenInquiry } from '../../api/queries';
import type { ProductDetail } from '../../api/types';
import { AttachmentPicker, useAttachments } from '../../components/attachment-picker';
import { FormError } from '../../components/form-error';
import { CurrencySelect } from '../../components/trade-selects';
import { toMinorUnits } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { useReference } from '../../reference/use-reference';

type Errors = Partial<Record<'subject' | 'message' | 'quantity' | 'targetPrice' | 'currency', string>>;
const FIELDS = ['subject', 'message', 'quantity', 'targetPrice', 'currency'];

/**
 * "Contact supplier" on a product page: opens an inquiry about this product.
 * Signed-out readers are sent to sign in first; suppliers don't inquire.
 */
export const ContactSupplier = ({ product }: { product: ProductDetail }) => {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const [opened, { open, close }] = useDisclosure(false);

  if (me.isPending) return null;
  if (!me.data) {
    return (
      <Button
        component={Link}
        to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}
        variant="light"
        fullWidth
        data-testid="contact-supplier"
      >
        {t('contact.signInToContact')}
      </Button>
    );
  }
  // Only buyers open inquiries; a supplier reading its own (or a rival's) listing has no use for it.
  if (me.data.company?.kind !== 'buyer') return null;
  return (
    <>
      <Button onClick={open} fullWidth data-testid="contact-supplier">
        {t('contact.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('contact.title', { supplier: product.supplier.name })}
        size="lg"
      >
        {opened && <ContactForm product={product} onCancel={close} />}
      </Modal>
    </>
  );
};

const ContactForm = ({ product, onCancel }: { product: ProductDetail; onCancel: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const navigate = useNavigate();
  const openInquiry = useOpenInquiry();
  const attachments = useAttachments();
  const [subject, setSubject] = useState(format.localized(product.title));
  const [message, setMessage] = useState('');
  const [quantity, setQuantity] = useState<number | ''>(product.moq);
  const [price, setPrice] = useState('');
  const [currency, setCurrency] = useState<string | null>(product.currency);
  const [errors, setErrors] = useState<Errors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    if (!subject.trim()) next.subject = t('forms.required');
    else if (subject.length > 200) next.subject = t('forms.tooLong', { max: 200 });
    if (!message.trim()) next.message = t('contact.errors.message');
    if (quantity !== '' && (!Number.isInteger(quantity) || quantity < 1))
      next.quantity = t('forms.wholeNumber');
    let targetPrice: string | null = null;
    if (price.trim()) {
      if (!currency) next.currency = t('forms.required');
      else {
        targetPrice = toMinorUnits(price, currency);
        if (targetPrice === null) next.targetPrice = t('forms.amount');
      }
    }
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    if (!attachments.ready()) return;
    openInquiry.mutate(
      {
        productId: product.id,
        subject: subject.trim(),
        message: message.trim(),
        quantity: quantity === '' ? null : quantity,
        targetPrice,
        currency: targetPrice ? currency : null,
        attachmentIds: attachments.ids,
      },
      {
        onSuccess: (thread) => navigate(`/inquiries/${thread.id}`),
        onError: (error) => {
          const byField = issuesByField(error, (key) => FIELDS.includes(key));
          const mapped: Errors = {};
          for (const [key, text] of Object.entries(byField))
            mapped[(key || 'message') as keyof Errors] = t('forms.serverIssue', { message: text });
          setErrors(mapped);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="contact-form">
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          {t('contact.hint')}
        </Text>
        {openInquiry.isError && validationIssues(openInquiry.error).length === 0 && (
          <FormError error={openInquiry.error} />
        )}
        <TextInput
          label={t('contact.subject')}
          required
          value={subject}
          onChange={(event) => setSubject(event.currentTarget.value)}
          error={errors.subject}
          maxLength={200}
        />
        <Textarea
          label={t('contact.message')}
          placeholder={t('contact.placeholder')}
          required
          autosize
          minRows={4}
          maxRows={10}
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
          error={errors.message}
          data-autofocus
          data-testid="contact-message"
        />
        <Grid gutter="sm">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NumberInput
              label={t('contact.quantity', { unit: ref.unitLabel(product.unit, 2) })}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={false}
              value={quantity}
              onChange={(value) =>
                setQuantity(typeof value === 'number' ? value : value === '' ? '' : Number(value))
              }
              error={errors.quantity}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <TextInput
              label={t('inquiries.priceLabel')}
              placeholder={t('rfqNew.fields.optional')}
              inputMode="decimal"
              value={price}
              onChange={(event) => setPrice(event.currentTarget.value)}
              error={errors.targetPrice}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <CurrencySelect
              label={t('rfqNew.fields.currency')}
              value={currency}
              onChange={setCurrency}
              allowDeselect={false}
              error={errors.currency}
            />
          </Grid.Col>
        </Grid>
        <AttachmentPicker attachments={attachments} disabled={openInquiry.isPending} />
        <Stack gap="xs" mt="xs">
          <Button type="submit" loading={openInquiry.isPending} data-testid="send-inquiry">
            {t('contact.send')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('forms.back')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
};
