import { Button, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecideDispute } from '../../api/order-queries';
import type { Dispute, DisputeDecision } from '../../api/types';
import { useIdempotencyKey } from '../../api/use-idempotency-key';
import { FormError } from '../../components/form-error';
import { toMinorUnits } from '../../format/money';
import { useFormat } from '../../format/use-format';

const DECISIONS: DisputeDecision[] = ['full_refund', 'partial_refund', 'rejected'];

/** The operator's decision on an escalated dispute; a refund moves money, so it carries an Idempotency-Key. */
export const DecideForm = ({ dispute, onDone }: { dispute: Dispute; onDone?: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const intent = useIdempotencyKey();
  const decide = useDecideDispute(dispute.id);
  const [decision, setDecision] = useState<DisputeDecision>('full_refund');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; note?: string }>({});
  const currency = dispute.amount.currency;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    const minor = decision === 'partial_refund' ? toMinorUnits(amount, currency) : null;
    if (decision === 'partial_refund' && minor === null) next.amount = t('forms.amount');
    else if (decision === 'partial_refund' && minor !== null && BigInt(minor) === 0n)
      next.amount = t('forms.positive');
    if (!note.trim()) next.note = t('decide.errors.note');
    setErrors(next);
    if (next.amount || next.note) return;
    decide.mutate(
      {
        decision,
        ...(decision === 'partial_refund' && minor !== null ? { refundAmount: minor } : {}),
        note: note.trim(),
        idempotencyKey: intent.key,
      },
      {
        onSuccess: () => {
          intent.renew();
          onDone?.();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('decide.title')} data-testid="decide-form">
      <Stack gap="sm">
        <FormError error={decide.error} testId="decide-error" />
        <Radio.Group
          label={t('decide.decision')}
          value={decision}
          onChange={(value) => setDecision(value as DisputeDecision)}
        >
          <Stack gap={6} mt={6}>
            {DECISIONS.map((value) => (
              <Radio
                key={value}
                value={value}
                label={t(`disputeDecision.${value}`)}
                description={t(`decide.hint.${value}`, { amount: format.money(dispute.amount) })}
                data-testid={`decision-${value}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        {decision === 'partial_refund' && (
          <TextInput
            label={t('decide.amount', { currency })}
            description={t('decide.amountHint', { amount: format.money(dispute.amount) })}
            inputMode="decimal"
            maw={280}
            value={amount}
            onChange={(event) => {
              setAmount(event.currentTarget.value);
              setErrors((e) => ({ ...e, amount: undefined }));
            }}
            error={errors.amount}
            data-testid="decide-amount"
          />
        )}
        <Textarea
          label={t('decide.note')}
          description={t('decide.noteHint')}
          required
          autosize
          minRows={2}
          maxLength={5000}
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setErrors((e) => ({ ...e, note: undefined }));
          }}
          error={errors.note}
          data-testid="decide-note"
        />
        <Text fz="xs" c="dimmed">
          {t('decide.final')}
        </Text>
        <div>
          <Button type="submit" loading={decide.isPending} data-testid="decide-submit">
            {t('decide.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
