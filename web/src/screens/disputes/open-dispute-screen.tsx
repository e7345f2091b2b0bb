import {
  Alert,
  Anchor,
  Button,
  Card,
  Container,
  Group,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { issuesByField, validationIssues } from '../../api/field-errors';
import { useOpenDispute, useOrder } from '../../api/order-queries';
import type { DisputeReason, Order } from '../../api/types';
import { AttachmentPicker, useAttachments } from '../../components/attachment-picker';
import { FormError } from '../../components/form-error';
import { NotFound } from '../../components/not-found';
import { isNotFound, QueryError } from '../../components/query-error';
import { SignedInGate } from '../../components/signed-in-gate';
import { toMajorInput, toMinorUnits } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';

export const DISPUTE_REASONS: DisputeReason[] = [
  'not_received',
  'not_as_described',
  'quality',
  'quantity',
  'late',
  'other',
];

export const OpenDisputeScreen = () => <SignedInGate>{() => <OpenDisputeLoader />}</SignedInGate>;

const OpenDisputeLoader = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const order = useOrder(id);
  useDocumentTitle(t('disputeForm.title'));
  if (order.isError && isNotFound(order.error)) return <NotFound />;
  if (order.isError) {
    return (
      <Container size="md" py="lg">
        <QueryError error={order.error} onRetry={() => order.refetch()} />
      </Container>
    );
  }
  if (!order.data) {
    return (
      <Container size="md" py="lg" aria-busy="true">
        <Skeleton height={32} width="60%" />
        <Skeleton height={320} mt="lg" />
      </Container>
    );
  }
  return <OpenDispute order={order.data} />;
};

type Errors = Partial<Record<'reason' | 'description' | 'amount', string>>;

/** The buyer asks for money back from escrow, with the reason and evidence. */
const OpenDispute = ({ order }: { order: Order }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const open = useOpenDispute(order.id);
  const attachments = useAttachments();
  const held = order.escrow.held;
  const [reason, setReason] = useState<DisputeReason | null>(null);
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState(toMajorInput(held));
  const [errors, setErrors] = useState<Errors>({});
  const allowed = order.viewer.actions.includes('dispute');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    const minor = toMinorUnits(amount, order.currency);
    if (!reason) next.reason = t('disputeForm.errors.reason');
    if (description.trim().length < 10) next.description = t('disputeForm.errors.description');
    if (minor === null) next.amount = t('forms.amount');
    else if (BigInt(minor) === 0n) next.amount = t('forms.positive');
    else if (BigInt(minor) > BigInt(held.amount))
      next.amount = t('disputeForm.errors.tooMuch', { held: format.money(held) });
    setErrors(next);
    if (Object.values(next).some(Boolean) || !reason || minor === null) return;
    if (!attachments.ready()) return;
    open.mutate(
      { reason, description: description.trim(), amount: minor, evidenceIds: attachments.ids },
      {
        onSuccess: (dispute) => navigate(`/disputes/${dispute.id}`),
        onError: (error) => {
          const byField = issuesByField(error, (key) => ['reason', 'description', 'amount'].includes(key));
          const mapped: Errors = {};
          for (const [key, text] of Object.entries(byField))
            if (key) mapped[key as keyof Errors] = t('forms.serverIssue', { message: text });
          setErrors(mapped);
        },
      },
    );
  };

  return (
    <Container size="md" py="lg">
      <Stack gap="lg">
        <div>
          <Anchor component={Link} to={`/orders/${order.id}`} fz="sm">
            {t('disputeForm.back')}
          </Anchor>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} mt={4}>
            {t('disputeForm.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('disputeForm.subtitle', { supplier: order.supplier.name })}
          </Text>
        </div>
        {!allowed && (
          <Alert color="gray" data-testid="dispute-not-allowed">
            {t('disputeForm.notAllowed')}
          </Alert>
        )}
        {allowed && (
          <Card withBorder padding="lg">
            <form onSubmit={submit} noValidate data-testid="dispute-form">
              <Stack gap="md">
                <Text fz="sm">{t('disputeForm.howItWorks')}</Text>
                {open.isError && validationIssues(open.error).length === 0 && (
                  <FormError error={open.error} />
                )}
                <Select
                  label={t('disputeForm.reason')}
                  required
                  placeholder={t('disputeForm.reasonPlaceholder')}
                  data={DISPUTE_REASONS.map((value) => ({ value, label: t(`disputeReason.${value}`) }))}
                  value={reason}
                  onChange={(value) => {
                    setReason(value as DisputeReason | null);
                    setErrors((e) => ({ ...e, reason: undefined }));
                  }}
                  error={errors.reason}
                  allowDeselect={false}
                  data-testid="dispute-reason"
                />
                <Textarea
                  label={t('disputeForm.description')}
                  description={t('disputeForm.descriptionHint')}
                  required
                  autosize
                  minRows={4}
                  maxRows={12}
                  maxLength={5000}
                  value={description}
                  onChange={(event) => {
                    setDescription(event.currentTarget.value);
                    setErrors((e) => ({ ...e, description: undefined }));
                  }}
                  error={errors.description}
                  data-testid="dispute-description"
                />
                <TextInput
                  label={t('disputeForm.amount', { currency: order.currency })}
                  description={t('disputeForm.amountHint', { held: format.money(held) })}
                  required
                  inputMode="decimal"
                  maw={280}
                  value={amount}
                  onChange={(event) => {
                    setAmount(event.currentTarget.value);
                    setErrors((e) => ({ ...e, amount: undefined }));
                  }}
                  error={errors.amount}
                  data-testid="dispute-amount"
                />
                <AttachmentPicker attachments={attachments} disabled={open.isPending} />
                <Group gap="sm">
                  <Button type="submit" color="red.9" loading={open.isPending} data-testid="dispute-submit">
                    {t('disputeForm.submit')}
                  </Button>
                  <Button component={Link} to={`/orders/${order.id}`} variant="default">
                    {t('forms.back')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Card>
        )}
      </Stack>
    </Container>
  );
};
