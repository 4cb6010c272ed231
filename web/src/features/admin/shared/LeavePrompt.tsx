import { useTranslation } from 'react-i18next';
import type { Blocker } from 'react-router';
import { ConfirmModal } from '../../../app/components/ConfirmModal';

/** Asks before unsaved changes are left behind, while the router holds the navigation (useBlocker). */
export function LeavePrompt({ blocker, confirmLabel }: { blocker: Blocker; confirmLabel: string }) {
  const { t } = useTranslation();
  return (
    <ConfirmModal
      opened={blocker.state === 'blocked'}
      title={t('admin.leaveTitle')}
      message={t('admin.leaveText')}
      confirmLabel={confirmLabel}
      color="orange"
      onConfirm={() => blocker.proceed?.()}
      onClose={() => blocker.reset?.()}
    />
  );
}
