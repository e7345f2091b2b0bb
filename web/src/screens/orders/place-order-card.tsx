import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { usePlaceOrderFromQuote } from '../../api/order-queries';
import type { Quote } from '../../api/types';
import { useIdempotencyKey } from '../../api/use-idempotency-key';
import { FormError } from '../../components/form-error';
import { OrderTermsFields, showServerIssues, useOrderTerms } from './order-terms';

/** The order a 409 says this quote already became, if the server named it. */
const existingOrderId = (error: unknown): string | null => {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null;
  const orderId = (error.details as { orderId?: unknown } | null)?.orderId;
  return typeof orderId === 'string' ? orderId : null;
};

/** On an accepted quote, the buyer turns it into an order on terms of its choosing. */
export const PlaceOrderCard = ({ quote }: { quote: Quote }) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="place-order"
      data-testid="place-order-card"
    >
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ flex: '1 1 16rem' }}>
          <Title order={2} fz="h4" id="place-order">
            {t('placeOrder.title')}
          </Title>
          <Text fz="sm" c="dimmed" mt={4}>
            {t('placeOrder.hint')}
          </Text>
        </div>
        {!open && (
          <Button onClick={() => setOpen(true)} aria-controls="place-order-form" data-testid="place-order">
            {t('placeOrder.open')}
          </Button>
        )}
      </Group>
      {open && <PlaceOrderForm quote={quote} onCancel={() => setOpen(false)} />}
    </Card>
  );
};

const PlaceOrderForm = ({ quote, onCancel }: { quote: Quote; onCancel: () => void }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const place = usePlaceOrderFromQuote(quote.id);
  const intent = useIdempotencyKey();
  const terms = useOrderTerms({ leadTimeDays: quote.offer.leadTimeDays });
  const conflictOrder = existingOrderId(place.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = terms.check();
    if (!input) return;
    place.mutate(
      { ...input, idempotencyKey: intent.key },
      {
        onSuccess: (order) => {
          intent.renew();
          navigate(`/orders/${order.id}`);
        },
        onError: (error) => showServerIssues(terms, error),
      },
    );
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      id="place-order-form"
      aria-labelledby="place-order"
      data-testid="place-order-form"
    >
      <Stack gap="md" mt="md">
        {place.isError && (
          <Stack gap={4}>
            <FormError error={place.error} testId="place-order-error" />
            {conflictOrder && (
              <Alert color="gray" p="xs">
                <Anchor component={Link} to={`/orders/${conflictOrder}`} fz="sm" data-testid="existing-order">
                  {t('placeOrder.openExisting')}
                </Anchor>
              </Alert>
            )}
          </Stack>
        )}
        <OrderTermsFields terms={terms} total={quote.offer.total} />
        <Group gap="sm">
          <Button type="submit" loading={place.isPending} data-testid="submit-order">
            {t('placeOrder.submit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('forms.back')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
