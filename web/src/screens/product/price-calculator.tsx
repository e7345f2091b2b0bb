import { Card, Group, Loader, NumberInput, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PromotedPriceQuote } from '../../api/ads-types';
import { ApiError } from '../../api/client';
import { usePriceQuote } from '../../api/queries';
import type { PriceQuote } from '../../api/types';
import { useFormat } from '../../format/use-format';
import { useReference } from '../../reference/use-reference';

type Props = {
  productId: string;
  moq: number;
  unit: string;
  onQuote?: (quote: PriceQuote | undefined) => void;
};

/** Asks the server for the price: tier rules live there, and the UI must never disagree with an order. */
export const PriceCalculator = ({ productId, moq, unit, onQuote }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const [quantity, setQuantity] = useState<number | ''>(moq);
  const [debounced] = useDebouncedValue(quantity, 300);
  const wanted = typeof debounced === 'number' && debounced > 0 ? Math.floor(debounced) : null;
  const quote = usePriceQuote(productId, wanted);

  const current = quote.isError ? undefined : quote.data;
  const promoted = current as PromotedPriceQuote | undefined;
  const listPrice =
    promoted?.promotion &&
    promoted.listUnitPrice &&
    promoted.listUnitPrice.amount !== promoted.unitPrice.amount
      ? promoted.listUnitPrice
      : null;
  useEffect(() => {
    onQuote?.(current);
  }, [current, onQuote]);

  const errorMessage = (() => {
    if (!quote.isError) return null;
    const error = quote.error;
    // Below MOQ is the common case: say it in the reader's language with the MOQ.
    if (error instanceof ApiError && error.code === 'BELOW_MOQ') {
      return t('product.price.belowMoq', { quantity: format.number(moq), unit: ref.unitLabel(unit, moq) });
    }
    return error instanceof ApiError ? error.message : t('errors.loadFailed');
  })();

  return (
    <Card withBorder padding="md" bg="gray.0" component="section" aria-labelledby="price-calc-heading">
      <Stack gap="sm">
        <Text component="h2" id="price-calc-heading" fw={700} fz="md" m={0}>
          {t('product.price.title')}
        </Text>
        <NumberInput
          label={t('product.price.quantity', { unit: ref.unitLabel(unit, 2) })}
          value={quantity}
          onChange={(value) =>
            setQuantity(typeof value === 'number' ? value : value === '' ? '' : Number(value))
          }
          min={1}
          step={moq > 10 ? 10 : 1}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator={false}
          error={errorMessage}
          data-testid="quantity-input"
          rightSection={quote.isFetching ? <Loader size="xs" /> : undefined}
          maw={280}
        />
        <div aria-live="polite">
          {quote.data && !quote.isError && (
            <Group gap="xl" data-testid="price-quote">
              <div>
                <Text fz="xs" c="dimmed">
                  {t('product.price.unitPrice')}
                </Text>
                <Text fw={700} fz="lg" c={listPrice ? 'red.9' : undefined}>
                  {format.money(quote.data.unitPrice)}
                  {listPrice && (
                    <Text span fz="sm" fw={400} c="dimmed" td="line-through" ml={6} data-testid="list-price">
                      {format.money(listPrice)}
                    </Text>
                  )}
                </Text>
              </div>
              <div>
                <Text fz="xs" c="dimmed">
                  {t('product.price.total')}
                </Text>
                <Text fw={700} fz="lg" c="lane.8">
                  {format.money(quote.data.total)}
                </Text>
              </div>
            </Group>
          )}
          {listPrice && promoted?.promotion && (
            <Text fz="xs" c="red.9" fw={600} mt={4} data-testid="quote-promotion">
              {t('promotions.product.quoteNote', {
                percent: format.percent(promoted.promotion.percentOff / 100),
                name: promoted.promotion.name,
                date: format.date(promoted.promotion.endsAt),
              })}
            </Text>
          )}
        </div>
      </Stack>
    </Card>
  );
};
