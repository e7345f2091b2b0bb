import { Box, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SearchBox } from '../../components/search-box';
import { useDocumentTitle } from '../../layout/use-document-title';
import { FeaturedStrip } from './featured-strip';
import { IndustryGrid } from './industry-grid';

export const HomeScreen = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(null);
  return (
    <>
      <Box className="hero" py={{ base: 40, sm: 72 }}>
        <Container size="md">
          <Stack gap="md" align="center" ta="center">
            <Title order={1} fz={{ base: 28, sm: 44 }} c="white">
              {t('home.title')}
            </Title>
            <Text fz={{ base: 'md', sm: 'lg' }} c="lane.0" maw={640}>
              {t('home.subtitle')}
            </Text>
            <Box w="100%" maw={640} mt="sm">
              <SearchBox
                size="lg"
                onSearch={(q) => navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search')}
              />
            </Box>
          </Stack>
        </Container>
      </Box>
      <Container size="xl" py="xl">
        <FeaturedStrip />
        <IndustryGrid />
      </Container>
    </>
  );
};
