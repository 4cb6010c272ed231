import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatus } from './api';

export const STATUS_COLORS: Record<InvoiceStatus, string> = { draft: 'gray', issued: 'blue', sent: 'cyan', overdue: 'red', paid: 'green', credited: 'grape' };

/** An invoice's status (overdue derived by the server); a blocked draft says so. */
export function StatusBadge({ status, blocked = false }: { status: InvoiceStatus; blocked?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={STATUS_COLORS[status]} variant="light" data-testid="invoice-status" data-status={status}>{t(`billing.status.${status}`)}</Badge>
      {blocked ? <Badge color="red" variant="outline">{t('billing.run.blockedBadge')}</Badge> : null}
    </Group>
  );
}
