import { Button, Kbd, type ButtonProps } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useKeyShortcuts } from '../../../app/components/hotkeys';
import { useListedDialogShortcuts } from '../../../app/components/useShortcuts';
import { ADMIN_FORM_SHORTCUTS } from './keys';

/**
 * The "new" button of an administration list (one a page): N presses it too, as on the
 * other lists, and the "?" help lists N and the Ctrl+Enter that saves the dialogs of the
 * page (the help does not open over a dialog, so they are listed here).
 */
export function NewButton({ onClick, disabled = false, variant, testId, children }: {
  onClick: () => void;
  disabled?: boolean;
  variant?: ButtonProps['variant'];
  testId: string;
  children: ReactNode;
}) {
  useKeyShortcuts(disabled ? {} : { n: onClick });
  useListedDialogShortcuts(ADMIN_FORM_SHORTCUTS, ['save']);
  return (
    <Button
      variant={variant}
      leftSection={<IconPlus size={16} />}
      rightSection={disabled ? null : <Kbd size="xs" visibleFrom="sm">N</Kbd>}
      onClick={onClick}
      disabled={disabled}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
