import { Button, CopyButton, Group, Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A code the reader must type elsewhere exactly (a payment reference, an IBAN), with a copy button. */
export const CopyValue = ({
  value,
  label,
  testId,
  ...textProps
}: { value: string; label: string; testId?: string } & TextProps) => {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Text ff="monospace" fw={700} style={{ overflowWrap: 'anywhere' }} data-testid={testId} {...textProps}>
        {value}
      </Text>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Button
            size="compact-xs"
            variant={copied ? 'filled' : 'default'}
            color={copied ? 'teal.9' : undefined}
            onClick={copy}
            aria-label={t('copy.label', { what: label })}
            style={{ flexShrink: 0 }}
          >
            {copied ? t('copy.copied') : t('copy.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
};
