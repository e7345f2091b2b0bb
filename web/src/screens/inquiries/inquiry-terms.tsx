import { Grid, NumberInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CurrencySelect } from '../../components/trade-selects';
import { toMinorUnits } from '../../format/money';

export type InquiryTermsErrors = Partial<Record<'quantity' | 'targetPrice' | 'currency', string>>;

/** The optional quantity and target price a buyer or supplier can put on an inquiry message. */
export const useInquiryTerms = (initial: { quantity: number | ''; currency: string | null }) => {
  const { t } = useTranslation();
  const [quantity, setQuantity] = useState<number | ''>(initial.quantity);
  const [price, setPrice] = useState('');
  const [currency, setCurrency] = useState<string | null>(initial.currency);

  /** The field errors, and the values as the API takes them (price in minor units, currency only with a price). */
  const check = () => {
    const errors: InquiryTermsErrors = {};
    if (quantity !== '' && (!Number.isInteger(quantity) || quantity < 1))
      errors.quantity = t('forms.wholeNumber');
    let targetPrice: string | null = null;
    if (price.trim()) {
      if (!currency) errors.currency = t('forms.required');
      else {
        targetPrice = toMinorUnits(price, currency);
        if (targetPrice === null) errors.targetPrice = t('forms.amount');
      }
    }
    const values = {
      quantity: quantity === '' ? null : quantity,
      targetPrice,
      currency: targetPrice ? currency : null,
    };
    return { errors, values };
  };

  const reset = () => {
    setQuantity('');
    setPrice('');
  };

  return { quantity, setQuantity, price, setPrice, currency, setCurrency, check, reset };
};

export type InquiryTerms = ReturnType<typeof useInquiryTerms>;

export const InquiryTermsFields = ({
  terms,
  errors,
  quantityLabel,
  pricePlaceholder,
}: {
  terms: InquiryTerms;
  errors: InquiryTermsErrors;
  quantityLabel: string;
  pricePlaceholder?: string;
}) => {
  const { t } = useTranslation();
  return (
    <Grid gutter="sm">
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <NumberInput
          label={quantityLabel}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator={false}
          value={terms.quantity}
          onChange={(value) =>
            terms.setQuantity(typeof value === 'number' ? value : value === '' ? '' : Number(value))
          }
          error={errors.quantity}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 4 }}>
        <TextInput
          label={t('inquiries.priceLabel')}
          placeholder={pricePlaceholder}
          inputMode="decimal"
          value={terms.price}
          onChange={(event) => terms.setPrice(event.currentTarget.value)}
          error={errors.targetPrice}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 4 }}>
        <CurrencySelect
          label={t('rfqNew.fields.currency')}
          value={terms.currency}
          onChange={terms.setCurrency}
          allowDeselect={false}
          error={errors.currency}
        />
      </Grid.Col>
    </Grid>
  );
};
