import {
  Button,
  Card,
  Container,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { issuesByField } from '../../api/field-errors';
import { useRegisterCompany } from '../../api/onboarding-queries';
import type { RegisterCompanyInput } from '../../api/onboarding-types';
import { useMe, useProvinces } from '../../api/queries';
import { FormError, focusFirstInvalid } from '../../components/form-error';
import { CountrySelect } from '../../components/trade-selects';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';

type Kind = RegisterCompanyInput['kind'];
type Field = 'name' | 'country' | 'province' | 'yearEstablished';
const FIELDS: readonly string[] = ['name', 'country', 'province', 'yearEstablished'];
const THIS_YEAR = new Date().getUTCFullYear();

/** A signed-in user without a company founds one (and becomes its owner). */
export const CompanyNewScreen = () => {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('onboarding.company.title'));
  if (me.isPending) return null;
  if (!me.data) return <Navigate to={`/sign-in?next=${encodeURIComponent('/company/new')}`} replace />;
  // One company per account in this app: a member already has theirs.
  if (me.data.company) return <Navigate to="/company" replace />;
  return <CompanyForm />;
};

const CompanyForm = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const provinces = useProvinces();
  const register = useRegisterCompany();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('supplier');
  const [country, setCountry] = useState<string | null>(null);
  const [province, setProvince] = useState<string | null>(null);
  const [year, setYear] = useState<number | string>('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<unknown>(null);
  const provinceOptions = useMemo(
    () => (provinces.data?.provinces ?? []).map((p) => ({ value: p.code, label: format.localized(p.name) })),
    [provinces.data, format],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const found: Partial<Record<Field, string>> = {};
    if (name.trim().length < 2) found.name = t('onboarding.company.errors.name');
    if (!country) found.country = t('onboarding.company.errors.country');
    if (country === 'CN' && kind === 'supplier' && !province)
      found.province = t('onboarding.company.errors.province');
    const yearNumber = typeof year === 'number' ? year : undefined;
    if (yearNumber !== undefined && (yearNumber < 1800 || yearNumber > THIS_YEAR + 1))
      found.yearEstablished = t('onboarding.company.errors.year', { max: THIS_YEAR + 1 });
    setErrors(found);
    if (Object.keys(found).length > 0 || !country) {
      focusFirstInvalid(formRef.current);
      return;
    }
    register.mutate(
      {
        name: name.trim(),
        kind,
        country,
        ...(country === 'CN' && province ? { province } : {}),
        ...(yearNumber !== undefined ? { yearEstablished: yearNumber } : {}),
      },
      {
        onSuccess: () => navigate('/company', { replace: true }),
        onError: (error) => {
          const byField = issuesByField(error, (key) => FIELDS.includes(key));
          const mapped = Object.fromEntries(
            Object.entries(byField)
              .filter(([key]) => key !== '')
              .map(([key, message]) => [key, t('forms.serverIssue', { message })]),
          );
          if (Object.keys(mapped).length === 0) setFormError(error);
          setErrors(mapped);
          focusFirstInvalid(formRef.current);
        },
      },
    );
  };

  return (
    <Container size={560} py={{ base: 'lg', sm: 'xl' }}>
      <Card withBorder padding="xl" radius="md">
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack gap="md">
            <div>
              <Title order={1} fz="h2">
                {t('onboarding.company.title')}
              </Title>
              <Text c="dimmed" fz="sm">
                {t('onboarding.company.subtitle')}
              </Text>
            </div>
            <FormError error={formError} />
            <Stack gap={4}>
              <Text fz="sm" fw={500} id="company-kind-label">
                {t('onboarding.company.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="company-kind-label"
                value={kind}
                onChange={(value) => setKind(value as Kind)}
                data={(['supplier', 'buyer', 'forwarder'] as const).map((value) => ({
                  value,
                  label: t(`companyKind.${value}`),
                }))}
                fullWidth
                data-testid="company-kind"
              />
              <Text fz="xs" c="dimmed">
                {t(`onboarding.company.kindHint.${kind}`)}
              </Text>
            </Stack>
            <TextInput
              label={t('onboarding.company.name')}
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              maxLength={200}
              data-testid="company-name"
            />
            <CountrySelect
              label={t('onboarding.company.country')}
              required
              value={country}
              onChange={(value) => {
                setCountry(value);
                if (value !== 'CN') setProvince(null);
              }}
              error={errors.country}
              data-testid="company-country"
            />
            {country === 'CN' && (
              <Select
                label={t('onboarding.company.province')}
                required={kind === 'supplier'}
                searchable
                data={provinceOptions}
                value={province}
                onChange={setProvince}
                error={errors.province}
                data-testid="company-province"
                nothingFoundMessage={t('forms.nothingFound')}
              />
            )}
            <NumberInput
              label={t('onboarding.company.yearEstablished')}
              min={1800}
              max={THIS_YEAR + 1}
              allowDecimal={false}
              value={year}
              onChange={setYear}
              error={errors.yearEstablished}
            />
            <Button type="submit" loading={register.isPending} data-testid="create-company">
              {t('onboarding.company.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Container>
  );
};
