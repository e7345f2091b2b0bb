import { Button, type ButtonProps, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';

type Props = Omit<ButtonProps, 'children'> & {
  label: ReactNode;
  title: string;
  /** The dialog's content, mounted only while it is open: each opening starts a fresh form (and intent). */
  children: (close: () => void) => ReactNode;
  'data-testid'?: string;
};

/** A button that opens a dialog holding a small form (ship, cancel, refund, assign…). */
export const DialogButton = ({ label, title, children, 'data-testid': testId, ...buttonProps }: Props) => {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button {...buttonProps} onClick={open} data-testid={testId}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        {opened && children(close)}
      </Modal>
    </>
  );
};
