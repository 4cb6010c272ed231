import { Button, Group, Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  /** The button that closes without confirming; "Cancel" unless it needs saying what it keeps. */
  cancelLabel?: string;
  color?: string;
  loading?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  /** What the user should know before confirming, under the message (e.g. what will be left out). */
  children?: ReactNode;
  /** Whether closing puts the focus back where it was when the question opened (default); off when the caller places it. */
  returnFocus?: boolean;
}

export function ConfirmModal({ opened, title, message, confirmLabel, cancelLabel, color = 'red', loading, onConfirm, onClose, children, returnFocus = true }: Props) {
  const { t } = useTranslation();
  return (
    <Modal attributes={{ content: { 'data-testid': 'confirm-modal' } }} opened={opened} onClose={onClose} title={title} returnFocus={returnFocus}>
      <Text size="sm">{message}</Text>
      {children}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {cancelLabel ?? t('common.cancel')}
        </Button>
        <Button color={color} loading={loading} onClick={onConfirm} data-testid="confirm-ok" data-autofocus>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
