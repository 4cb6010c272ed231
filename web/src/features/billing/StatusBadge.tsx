import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DraftBlock, InvoiceStatus, InvoiceSummary } from './api';
import { onlyRerunLeft } from './blockWords';
import { overpaidLabel, statusLabel } from './documentWords';

export const STATUS_COLORS: Record<InvoiceStatus, string> = { draft: 'gray', issued: 'blue', sent: 'cyan', overdue: 'red', paid: 'green', credited: 'grape' };

/**
 * An invoice's status (overdue derived by the server); a blocked draft says so (or, given its
 * `blocks` and every reason gone, that billing runs again), and so does an
 * invoice that owes the client money back (given its refundDueMinor and currency): "Uhrazená"
 * alone would read as settled. The word agrees with the document's kind where the language wants
 * it: "Vystavená" faktura, "Vystavený" dobropis; it is never cut in a narrow column ("DOBROPIS…").
 * The amount keeps its case ("Kč", not "KČ"); the badges wrap under each other rather than widen
 * a phone's card.
 */
export function StatusBadge({ status, kind = 'invoice', blocked = false, blocks, refundDueMinor, currency = '' }: {
  status: InvoiceStatus;
  kind?: 'invoice' | 'credit_note';
  blocked?: boolean;
  blocks?: DraftBlock[];
} & Partial<Pick<InvoiceSummary, 'refundDueMinor' | 'currency'>>) {
  const { t } = useTranslation();
  const overpaid = overpaidLabel(t, { kind, refundDueMinor, currency });
  return (
    <Group gap={4} wrap={overpaid ? 'wrap' : 'nowrap'}>
      <Badge color={STATUS_COLORS[status]} variant="light" miw="max-content" data-testid="invoice-status" data-status={status}>{statusLabel(t, status, kind)}</Badge>
      {blocked && onlyRerunLeft(blocks) ? <Badge color="orange" variant="outline" miw="max-content" data-testid="invoice-rerun-needed">{t('billing.blocks.goneBadge')}</Badge>
        : blocked ? <Badge color="red" variant="outline">{t('billing.run.blockedBadge')}</Badge> : null}
      {overpaid ? <Badge color="orange" variant="light" tt="none" miw="max-content" data-testid="invoice-overpaid">{overpaid}</Badge> : null}
    </Group>
  );
}
