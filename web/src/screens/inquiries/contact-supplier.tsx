import { Button, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { issuesByField, validationIssues } from '../../api/field-errors';
import { useMe, useOpenInquiry } from '../../api/queries';
import type { ProductDetail } from '../../api/types';
import { AttachmentPicker, useAttachments } from '../../components/attachment-picker';
import { FormError } from '../../components/form-error';
import { useFormat } from '../../format/use-format';
import { useReference } from '../../reference/use-reference';
import { InquiryTermsFields, useInquiryTerms } from './inquiry-terms';

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
  const terms = useInquiryTerms({ quantity: product.moq, currency: product.currency });
  const [errors, setErrors] = useState<Errors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    if (!subject.trim()) next.subject = t('forms.required');
    else if (subject.length > 200) next.subject = t('forms.tooLong', { max: 200 });
    if (!message.trim()) next.message = t('contact.errors.message');
    const checked = terms.check();
    Object.assign(next, checked.errors);
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    if (!attachments.ready()) return;
    openInquiry.mutate(
      {
        productId: product.id,
        subject: subject.trim(),
        message: message.trim(),
        ...checked.values,
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
        <InquiryTermsFields
          terms={terms}
          errors={errors}
          quantityLabel={t('contact.quantity', { unit: ref.unitLabel(product.unit, 2) })}
          pricePlaceholder={t('rfqNew.fields.optional')}
        />
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
