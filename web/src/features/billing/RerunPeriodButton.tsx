// Running billing for a month again, from wherever a draft says it is needed: the run's page,
// a blocked draft whose reason is gone, records approved after the run. The month's drafts are
// replaced (issued invoices never change), so it asks first; then it opens the new run.
import { Alert, Button, type ButtonProps } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/auth/AuthProvider';
import { ConfirmModal } from '../../app/components/ConfirmModal';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { formatDate, todayIso } from '../../app/format';
import { useStartRun } from './api';
import { formatPeriod, lastDayOfMonth, periodNotOver } from './format';

/** Nothing for users who may not run billing (billing.run). */
export function RerunPeriodButton({ period, label, testId, variant = 'default', size }: {
  period: string;
  /** The button's text; "Spustit znovu" when not given. */
  label?: string;
  testId: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const start = useStartRun();
  const [open, setOpen] = useState(false);
  if (!can('billing.run')) return null;
  return (
    <>
      <Button variant={variant} size={size} leftSection={<IconRefresh size={16} />} onClick={() => setOpen(true)} data-testid={testId}>{label ?? t('billing.run.rerun')}</Button>
      <ConfirmModal
        opened={open}
        title={t('billing.run.rerunTitle', { period: formatPeriod(period) })}
        message={t('billing.run.rerunText')}
        confirmLabel={t('billing.run.rerun')}
        color="blue"
        loading={start.isPending}
        onClose={() => setOpen(false)}
        onConfirm={() => start.mutate(period, { onSuccess: (next) => { setOpen(false); void navigate(`/billing/runs/${next.id}`); } })}
      >
        {periodNotOver(period, todayIso()) ? (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('billing.unfinished.title', { period: formatPeriod(period) })} mt="sm" data-testid={`${testId}-period-not-over`}>
            {t('billing.unfinished.text', { end: formatDate(lastDayOfMonth(period)) })}
          </Alert>
        ) : null}
      </ConfirmModal>
      {start.error ? <div style={{ flexBasis: '100%' }}><FormErrorAlert error={start.error} testId={`${testId}-error`} /></div> : null}
    </>
  );
}
