import { Anchor, Container, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCompany } from '../../api/queries';
import { CompanyCardView } from '../../components/company-card';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useDocumentTitle } from '../../layout/use-document-title';
import { TeamPanel } from './team-panel';
import { VerificationPanel } from './verification-panel';

export const CompanyScreen = () => <SignedInGate>{(me) => <CompanyView me={me} />}</SignedInGate>;

/** Your company: its public credibility card, its verification, and its team. */
const CompanyView = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const detail = useCompany(me.company.id);
  const canManage = me.role === 'owner' || me.role === 'admin';
  useDocumentTitle(t('onboarding.companyPage.title'));
  const operator = me.company.kind === 'operator';
  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <div>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('onboarding.companyPage.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('onboarding.companyPage.subtitle')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
          <Stack gap="lg">
            <div data-testid="own-credibility-card">
              <CompanyCardView
                company={detail.data ?? me.company}
                detail={detail.data}
                headingOrder={2}
                title={t('onboarding.companyPage.cardKicker')}
              />
            </div>
            {me.company.kind === 'supplier' && (
              <Anchor component={Link} to={`/suppliers/${me.company.id}`} fz="sm">
                {t('onboarding.companyPage.showroom')}
              </Anchor>
            )}
            {!operator && <VerificationPanel companyId={me.company.id} canManage={canManage} />}
          </Stack>
          <TeamPanel companyId={me.company.id} kind={me.company.kind} canManage={canManage} />
        </SimpleGrid>
      </Stack>
    </Container>
  );
};
