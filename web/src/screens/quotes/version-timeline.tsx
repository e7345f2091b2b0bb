import { Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Quote, QuoteOffer, QuoteVersion } from '../../api/types';
import { useFormat } from '../../format/use-format';
import { useReference } from '../../reference/use-reference';

const firstUnitPrice = (offer: QuoteOffer) => {
  const line = offer.lines[0];
  if (!line) return null;
  const tier =
    line.priceTiers.find(
      (t) => line.quantity >= t.minQuantity && (t.maxQuantity === null || line.quantity <= t.maxQuantity),
    ) ?? line.priceTiers[0];
  return tier?.unitPrice ?? null;
};

/** The negotiation as it happened: each offer and counter-offer, oldest first. */
export const VersionTimeline = ({ quote, buyerName }: { quote: Quote; buyerName: string }) => {
  const { t } = useTranslation();
  const versions = [...quote.versions].sort((a, b) => a.version - b.version);
  return (
    <Timeline active={versions.length - 1} bulletSize={22} lineWidth={2} data-testid="quote-timeline">
      {versions.map((version, i) => {
        const previousOffer = versions
          .slice(0, i)
          .reverse()
          .find((v) => v.offer)?.offer;
        return (
          <Timeline.Item
            key={version.version}
            bullet={
              <Text fz={11} fw={700}>
                {version.version}
              </Text>
            }
            title={
              <Group gap="xs">
                <Text fw={600} fz="sm">
                  {version.author === 'supplier'
                    ? t('quote.timeline.supplierOffer', { name: quote.supplier.name })
                    : t('quote.timeline.buyerCounter', { name: buyerName })}
                </Text>
                {quote.acceptedVersion === version.version && (
                  <Badge size="sm" color="teal.9" radius="sm" tt="none">
                    {t('quote.timeline.accepted')}
                  </Badge>
                )}
              </Group>
            }
            data-testid="quote-version"
          >
            <VersionBody version={version} previousOffer={previousOffer ?? null} />
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
};

const VersionBody = ({
  version,
  previousOffer,
}: {
  version: QuoteVersion;
  previousOffer: QuoteOffer | null;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const parts: string[] = [];
  if (version.offer) {
    const unit = firstUnitPrice(version.offer);
    if (unit) parts.push(t('quote.timeline.unitPrice', { price: format.money(unit) }));
    parts.push(t('quote.timeline.total', { total: format.money(version.offer.total) }));
    parts.push(
      t('comparison.days', {
        count: version.offer.leadTimeDays,
        value: format.number(version.offer.leadTimeDays),
      }),
    );
    parts.push(version.offer.incoterm);
  }
  if (version.counter) {
    const c = version.counter;
    if (c.targetUnitPrice)
      parts.push(t('quote.timeline.targetPrice', { price: format.money(c.targetUnitPrice) }));
    if (c.quantity != null) parts.push(t('quote.timeline.quantity', { quantity: format.number(c.quantity) }));
    if (c.leadTimeDays != null)
      parts.push(
        t('quote.timeline.leadTime', {
          days: t('comparison.days', { count: c.leadTimeDays, value: format.number(c.leadTimeDays) }),
        }),
      );
  }
  // How the total moved since the previous offer, so the reader sees the concession at a glance.
  let change: string | null = null;
  if (version.offer && previousOffer && previousOffer.total.currency === version.offer.total.currency) {
    const before = BigInt(previousOffer.total.amount);
    const after = BigInt(version.offer.total.amount);
    if (before > 0n && before !== after) {
      const share = Number(((after - before) * 10_000n) / before) / 10_000;
      change = t('quote.timeline.change', {
        change: `${share > 0 ? '+' : ''}${format.percentPrecise(share)}`,
      });
    }
  }
  return (
    <Stack gap={4}>
      <Text fz="xs" c="dimmed">
        {format.dateTime(version.createdAt)}
      </Text>
      <Text fz="sm">
        {parts.join(' · ')}
        {change && (
          <Text span fz="sm" fw={600}>
            {' '}
            ({change})
          </Text>
        )}
      </Text>
      {version.offer && version.offer.lines.length > 1 && (
        <Text fz="xs" c="dimmed">
          {t('quote.timeline.lines', { count: version.offer.lines.length })}
          {' · '}
          {version.offer.lines
            .map(
              (line) =>
                `${line.description} (${format.number(line.quantity)} ${ref.unitLabel(line.unit, line.quantity)})`,
            )
            .join(', ')}
        </Text>
      )}
      {version.message && (
        <Text
          fz="sm"
          style={{
            whiteSpace: 'pre-line',
            borderLeft: '3px solid var(--mantine-color-gray-3)',
            paddingLeft: 'var(--mantine-spacing-sm)',
          }}
        >
          {version.message}
        </Text>
      )}
    </Stack>
  );
};
