import {
  ActionIcon,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { OfferErrors, TierDraft } from './offer-draft';

type Props = {
  tiers: TierDraft[];
  /** What a blank "from" stands for in each row (the MOQ, or right after the previous tier). */
  placeholders: (number | null)[];
  /** Error keys are `${path}.${index}.minQuantity` and so on. */
  path: string;
  errors: OfferErrors;
  currency: string;
  caption: string;
  onTier: (index: number, change: Partial<TierDraft>, field: string) => void;
  onRemove: (index: number) => void;
};

const numberValue = (value: string | number): number | '' =>
  typeof value === 'number' ? value : value === '' ? '' : Number(value);

/**
 * Quantity tiers, each "from – to: unit price". A table where there is room;
 * on phones one small card per tier, so no field is cut off.
 */
export const TierEditor = ({
  tiers,
  placeholders,
  path,
  errors,
  currency,
  caption,
  onTier,
  onRemove,
}: Props) => {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 36em)');

  const fields = (tier: TierDraft, index: number, withLabels: boolean) => {
    const row = index + 1;
    const at = `${path}.${index}`;
    return {
      from: (
        <NumberInput
          label={withLabels ? t('quoteForm.tier.from') : undefined}
          aria-label={t('quoteForm.tier.fromLabel', { row })}
          placeholder={placeholders[index] != null ? String(placeholders[index]) : undefined}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator={false}
          hideControls
          value={tier.min}
          onChange={(value) => onTier(index, { min: numberValue(value) }, 'minQuantity')}
          error={errors[`${at}.minQuantity`]}
          size="xs"
          data-testid="tier-min"
        />
      ),
      to: (
        <NumberInput
          label={withLabels ? t('quoteForm.tier.to') : undefined}
          aria-label={t('quoteForm.tier.toLabel', { row })}
          placeholder={t('quoteForm.tier.andUp')}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator={false}
          hideControls
          value={tier.max}
          onChange={(value) => onTier(index, { max: numberValue(value) }, 'maxQuantity')}
          error={errors[`${at}.maxQuantity`]}
          size="xs"
          data-testid="tier-max"
        />
      ),
      price: (
        <TextInput
          label={withLabels ? t('quoteForm.tier.price', { currency }) : undefined}
          aria-label={t('quoteForm.tier.priceLabel', { row, currency })}
          inputMode="decimal"
          value={tier.price}
          onChange={(event) => onTier(index, { price: event.currentTarget.value }, 'unitPrice')}
          error={errors[`${at}.unitPrice`]}
          size="xs"
          data-testid="tier-price"
        />
      ),
      remove:
        tiers.length > 1 ? (
          <ActionIcon
            variant="subtle"
            color="red.9"
            c="red.9"
            aria-label={t('quoteForm.tier.remove', { row })}
            onClick={() => onRemove(index)}
          >
            <span aria-hidden="true">×</span>
          </ActionIcon>
        ) : null,
    };
  };

  if (!wide) {
    return (
      <Stack gap="xs" data-testid="tier-editor">
        <Text fz="sm" c="dimmed">
          {caption}
        </Text>
        {tiers.map((tier, index) => {
          const f = fields(tier, index, true);
          return (
            <Card key={tier.key} withBorder padding="xs" data-testid="tier-row">
              <Group justify="space-between" mb={4}>
                <Text fz="xs" fw={700}>
                  {t('quoteForm.tier.title', { row: index + 1 })}
                </Text>
                {f.remove}
              </Group>
              <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
                {f.from}
                {f.to}
              </SimpleGrid>
              <div style={{ marginTop: 'var(--mantine-spacing-xs)' }}>{f.price}</div>
            </Card>
          );
        })}
      </Stack>
    );
  }

  return (
    <Table verticalSpacing={4} horizontalSpacing="xs" data-testid="tier-editor">
      <Table.Caption style={{ textAlign: 'left', captionSide: 'top' }}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="30%">
            {t('quoteForm.tier.from')}
          </Table.Th>
          <Table.Th scope="col" w="30%">
            {t('quoteForm.tier.to')}
          </Table.Th>
          <Table.Th scope="col" w="34%">
            {t('quoteForm.tier.price', { currency })}
          </Table.Th>
          <Table.Th scope="col" w={40}>
            <span className="visually-hidden">{t('comparison.actions')}</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tiers.map((tier, index) => {
          const f = fields(tier, index, false);
          return (
            <Table.Tr key={tier.key} data-testid="tier-row">
              <Table.Td valign="top">{f.from}</Table.Td>
              <Table.Td valign="top">{f.to}</Table.Td>
              <Table.Td valign="top">{f.price}</Table.Td>
              <Table.Td valign="top">{f.remove}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
};
