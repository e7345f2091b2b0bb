import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateOrder } from '../../api/order-queries';
import { useMe, usePriceQuote } from '../../api/queries';
import type { ProductDetail } from '../../api/types';
import { useIdempotencyKey } from '../../api/use-idempotency-key';
import { FormError } from '../../components/form-error';
import { useFormat } from '../../format/use-format';
import { useReference } from '../../reference/use-reference';
import { OrderTermsFields, showServerIssues, useOrderTerms } from './order-terms';

/** "Order now" on a product page: a buyer orders at the list price for the quantity, under trade assurance. */
export const OrderNow = ({ product }: { product: ProductDetail }) => {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { open, close }] = useDisclosure(false);
  if (me.data?.company?.kind !== 'buyer') return null;
  return (
    <>
      <Button onClick={open} variant="filled" color="teal.9" fullWidth data-testid="order-now">
        {t('orderNow.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('orderNow.title', { supplier: product.supplier.name })}
        size="lg"
      >
        {opened && <OrderNowForm product={product} onCancel={close} />}
      </Modal>
    </>
  );
};

const leadTimeFor = (product: ProductDetail, quantity: number) =>
  product.leadTimeTiers.find((tier) => tier.maxQuantity === null || quantity <= tier.maxQuantity)?.days ?? 30;

const OrderNowForm = ({ product, onCancel }: { product: ProductDetail; onCancel: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const navigate = useNavigate();
  const create = useCreateOrder();
  const intent = useIdempotencyKey();
  const [quantity, setQuantity] = useState<number | ''>(product.moq);
  const [quantityError, setQuantityError] = useState<string | undefined>();
  const [debounced] = useDebouncedValue(quantity, 300);
  const wanted = typeof debounced === 'number' && debounced > 0 ? Math.floor(debounced) : null;
  const price = usePriceQuote(product.id, wanted);
  const terms = useOrderTerms({ leadTimeDays: leadTimeFor(product, product.moq) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = terms.check();
    if (quantity === '' || !Number.isInteger(quantity) || quantity < product.moq) {
      setQuantityError(
        t('product.price.belowMoq', {
          quantity: format.number(product.moq),
          unit: ref.unitLabel(product.unit, product.moq),
        }),
      );
      return;
    }
    if (!input) return;
    create.mutate(
      { ...input, lines: [{ productId: product.id, quantity }], idempotencyKey: intent.key },
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
    <form onSubmit={submit} noValidate data-testid="order-now-form">
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          {t('orderNow.hint')}
        </Text>
        <FormError error={create.error} />
        <Group gap="lg" align="flex-end" wrap="wrap">
          <NumberInput
            label={t('product.price.quantity', { unit: ref.unitLabel(product.unit, 2) })}
            min={product.moq}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={false}
            value={quantity}
            onChange={(value) => {
              setQuantity(typeof value === 'number' ? value : value === '' ? '' : Number(value));
              setQuantityError(undefined);
            }}
            error={quantityError}
            w={200}
            data-autofocus
            data-testid="order-now-quantity"
          />
          {price.data && !price.isError && (
            <Text fz="sm" data-testid="order-now-price">
              {t('orderNow.price', {
                unit: format.money(price.data.unitPrice),
                total: format.money(price.data.total),
              })}
            </Text>
          )}
        </Group>
        <OrderTermsFields terms={terms} total={price.data && !price.isError ? price.data.total : null} />
        <Group gap="sm">
          <Button type="submit" loading={create.isPending} data-testid="order-now-submit">
            {t('orderNow.submit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('forms.back')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
