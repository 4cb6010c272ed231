import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatus } from './api';
import { statusLabel } from './documentWords';

export const STATUS_COLORS: Record<InvoiceStatus, string> = { draft: 'gray', issued: 'blue', sent: 'cyan', overdue: 'red', paid: 'green', credited: 'grape' };

/**
 * An invoice's status (overdue derived by the server); a blocked draft says so. The word agrees
 * with the document's kind where the language wants it: "Vystavená" faktura, "Vystavený" dobropis;
 * it is never cut in a narrow column ("DOBROPIS…").
 */
export function StatusBadge({ status, kind = 'invoice', blocked = false }: { status: InvoiceStatus; kind?: 'invoice' | 'credit_note'; blocked?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={STATUS_COLORS[status]} variant="light" miw="max-content" data-testid="invoice-status" data-status={status}>{statusLabel(t, status, kind)}</Badge>
      {blocked ? <Badge color="red" variant="outline">{t('billing.run.blockedBadge')}</Badge> : null}
    </Group>
  );
}
