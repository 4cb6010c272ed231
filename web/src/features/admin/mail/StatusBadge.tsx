import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxStatus } from './api';

const COLORS: Record<OutboxStatus, string> = { pending: 'blue', sending: 'cyan', sent: 'green', failed: 'red' };

// Never squeezed into an ellipsis by a narrow table cell ("ODESLÁ…").
const WHOLE = { root: { minWidth: 'max-content' } };

export function StatusBadge({ status }: { status: OutboxStatus }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={COLORS[status]} styles={WHOLE} data-status={status}>{t(`admin.mail.statuses.${status}`)}</Badge>;
}
