import { Container, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What a non-operator sees on an operator screen (the server refuses its data anyway). */
export const OperatorOnly = ({ title }: { title: string }) => {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Title order={1} fz="h2">
        {t(title)}
      </Title>
      <Text mt="sm">{t('operator.only')}</Text>
    </Container>
  );
};
