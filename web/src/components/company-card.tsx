import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCredibility } from '../api/queries';
import type { CompanyCard as Company, CompanyDetail } from '../api/types';
import { useFormat } from '../format/use-format';
import { useReference } from '../reference/use-reference';
import { type Fact, FactList } from './fact-list';
import { VerificationBadge } from './verification-badge';

type Props = {
  company: Company;
  detail?: CompanyDetail;
  headingOrder: 1 | 2;
  title?: string;
  showroomLink?: boolean;
  cols?: number | { base: number; sm: number };
};

/** Who the supplier is and why to trust them: the credibility facts buyers check first. */
export const CompanyCardView = ({ company, detail, headingOrder, title, showroomLink, cols }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const credibility = useCredibility(company.id, company.kind === 'supplier');
  const place = [
    company.province ? ref.provinceName(company.province) : null,
    format.country(company.country),
  ]
    .filter(Boolean)
    .join(', ');

  const facts: Fact[] = [
    { label: t('company.location'), value: place },
    {
      label: t('company.yearEstablished'),
      value: company.yearEstablished ? String(company.yearEstablished) : t('common.notStated'),
    },
    {
      label: t('company.yearsOnPlatform'),
      value: detail
        ? t('company.years', {
            count: detail.credibility.yearsOnPlatform,
            value: format.number(detail.credibility.yearsOnPlatform),
          })
        : t('company.memberSince', { date: format.month(company.memberSince) }),
    },
    {
      label: t('company.verification'),
      value: (
        <Stack gap={2} component="span">
          <span>
            <VerificationBadge level={company.verificationLevel} />
          </span>
          {company.auditorName && (
            <Text span fz="xs" c="dimmed">
              {t('company.auditedBy', { auditor: company.auditorName })}
            </Text>
          )}
        </Stack>
      ),
    },
  ];
  // Buyers judge a supplier by how fast it answers: the Quick Response Rate over 30 days.
  if (company.kind === 'supplier' && credibility.data) {
    const { responseRate, periodDays } = credibility.data;
    facts.push({
      label: t('company.responseRate'),
      value:
        responseRate === null
          ? t('company.responseRateNone')
          : t('company.responseRateValue', { percent: format.percent(responseRate), days: periodDays }),
    });
  }
  if (detail) {
    facts.push({ label: t('company.memberSinceLabel'), value: format.date(company.memberSince) });
    facts.push({ label: t('company.productCount'), value: format.number(detail.credibility.productCount) });
  }

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={`company-${company.id}`}>
      <Stack gap="md">
        <div>
          {title && (
            <Text fz="xs" c="dimmed" tt="uppercase" fw={700}>
              {title}
            </Text>
          )}
          <Title order={headingOrder} id={`company-${company.id}`} fz={headingOrder === 1 ? 'h2' : 'h3'}>
            {company.name}
          </Title>
          {/* A kicker such as "Supplier" already says what kind of company this is. */}
          {!title && (
            <Text fz="sm" c="dimmed">
              {t(`companyKind.${company.kind}`)}
            </Text>
          )}
        </div>
        <FactList facts={facts} cols={cols} />
        {showroomLink && (
          <Group>
            <Anchor component={Link} to={`/suppliers/${company.id}`} fw={600}>
              {t('company.visitShowroom')}
            </Anchor>
          </Group>
        )}
      </Stack>
    </Card>
  );
};
