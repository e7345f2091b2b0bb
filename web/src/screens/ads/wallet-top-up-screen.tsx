import { Alert, Button, Card, Container, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSupplierTiers, useTopUpWallet } from '../../api/ads-queries';
import { AD_CURRENCY } from '../../api/ads-types';
import { ApiError } from '../../api/client';
import { issuesByField } from '../../api/field-errors';
import { useIdempotencyKey } from '../../api/use-idempotency-key';
import { FormError, focusFirstInvalid } from '../../components/form-error';
import { OperatorOnly } from '../../components/operator-only';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { toMinorUnits } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';

const FIELDS = ['supplierId', 'amount', 'bankReference'];
type Errors = Record<string, string | undefined>;

/** The operator books a wire received for a supplier's ad wallet (T/T), once per bank reference. */
export const WalletTopUpScreen = () => <SignedInGate>{(me) => <TopUp me={me} />}</SignedInGate>;

const TopUp = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const operator = me.company.kind === 'operator';
  const suppliers = useSupplierTiers(operator);
  const topUp = useTopUpWallet();
  const intent = useIdempotencyKey();
  const formRef = useRef<HTMLFormElement>(null);
  const [supplierId, setSupplierId] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [booked, setBooked] = useState<string | null>(null);
  useDocumentTitle(t('ads.topUp.title'));
  if (!operator) return <OperatorOnly title="ads.topUp.title" />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    const minor = toMinorUnits(amount, AD_CURRENCY);
    if (!supplierId) next.supplierId = t('forms.required');
    if (minor === null || minor === '0') next.amount = t('ads.form.errors.amount');
    if (!reference.trim()) next.bankReference = t('forms.required');
    setErrors(next);
    setFormError(null);
    setBooked(null);
    if (Object.values(next).some(Boolean) || !supplierId || !minor) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const name = suppliers.data?.items.find((s) => s.id === supplierId)?.name ?? supplierId;
    topUp.mutate(
      {
        input: { supplierId, amount: minor, currency: AD_CURRENCY, bankReference: reference.trim() },
        idempotencyKey: intent.key,
      },
      {
        onSuccess: () => {
          setBooked(
            t('ads.topUp.booked', { amount: format.money({ amount: minor, currency: AD_CURRENCY }), name }),
          );
          setAmount('');
          setReference('');
          intent.renew();
        },
        onError: (error) => {
          const byField = issuesByField(error, (key) => FIELDS.includes(key));
          const { '': general, ...fields } = byField;
          if (error instanceof ApiError && error.code === 'CONFLICT') fields.bankReference = error.message;
          setErrors(fields);
          if (general || Object.keys(fields).length === 0) setFormError(error);
        },
      },
    );
  };

  return (
    <Container size="sm" py="lg">
      <Stack gap="lg">
        <div>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('ads.topUp.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('ads.topUp.subtitle')}
          </Text>
        </div>
        {suppliers.isError && <QueryError error={suppliers.error} onRetry={() => suppliers.refetch()} />}
        <Card withBorder padding="lg">
          <form ref={formRef} onSubmit={submit} noValidate data-testid="top-up-form">
            <Stack gap="sm">
              <Select
                label={t('ads.topUp.supplier')}
                data={(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
                value={supplierId}
                onChange={(v) => {
                  setSupplierId(v);
                  setErrors((e) => ({ ...e, supplierId: undefined }));
                }}
                searchable
                nothingFoundMessage={t('forms.nothingFound')}
                disabled={suppliers.isPending}
                error={errors.supplierId}
                data-testid="top-up-supplier"
              />
              <TextInput
                label={t('ads.topUp.amount')}
                value={amount}
                onChange={(e) => {
                  setAmount(e.currentTarget.value);
                  setErrors((x) => ({ ...x, amount: undefined }));
                }}
                inputMode="decimal"
                leftSection={<Text fz="sm">$</Text>}
                error={errors.amount}
                data-testid="top-up-amount"
              />
              <TextInput
                label={t('ads.topUp.reference')}
                description={t('ads.topUp.referenceHint')}
                value={reference}
                onChange={(e) => {
                  setReference(e.currentTarget.value);
                  setErrors((x) => ({ ...x, bankReference: undefined }));
                }}
                maxLength={100}
                error={errors.bankReference}
                data-testid="top-up-reference"
              />
              <FormError error={formError} />
              {booked && (
                <Alert color="teal" role="status" data-testid="top-up-booked">
                  {booked}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button type="submit" loading={topUp.isPending} data-testid="top-up-submit">
                  {t('ads.topUp.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      </Stack>
    </Container>
  );
};
