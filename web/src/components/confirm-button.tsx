import { Button, type ButtonProps, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = ButtonProps & {
  children: ReactNode;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  loading?: boolean;
  'data-testid'?: string;
};

/** An action that can't be undone (accept, decline, cancel) asks once more before it runs. */
export const ConfirmButton = ({
  children,
  title,
  body,
  confirmLabel,
  onConfirm,
  loading,
  color,
  'data-testid': testId,
  ...buttonProps
}: Props) => {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button {...buttonProps} color={color} loading={loading} onClick={open} data-testid={testId}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Stack gap="md">
          {typeof body === 'string' ? <Text>{body}</Text> : body}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('forms.back')}
            </Button>
            <Button
              color={color}
              data-testid={testId ? `${testId}-confirm` : undefined}
              onClick={() => {
                close();
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
};
