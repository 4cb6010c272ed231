import { Anchor, Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../pricing/money';
import type { InvoiceSummary } from './api';
import { settledAgainstInvoice } from './documentWords';

/** The invoice's number (a draft's stand-in) as the link to it, a credit note marked. */
export function InvoiceNumber({ invoice, fw }: { invoice: InvoiceSummary; fw?: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Anchor component={Link} to={`/invoices/${invoice.id}`} fw={fw} data-testid="invoice-link">
        {invoice.number ?? t('billing.invoices.draftNo', { id: invoice.id })}
      </Anchor>
      {invoice.kind === 'credit_note' ? <Badge ml={6} size="xs" color="grape" variant="light">{t('billing.kinds.credit_note')}</Badge> : null}
    </>
  );
}

/** The invoice's total, a dash for a role that may not see prices. */
export const invoiceTotalText = (invoice: InvoiceSummary) => (invoice.totalMinor === undefined ? '—' : formatMoney(invoice.totalMinor, invoice.currency));

/** What is left to pay, red once overdue; a credit note settled against its invoice: "zúčtováno" (its value is in the total). */
export function AmountDue({ invoice, size = 'sm' }: { invoice: InvoiceSummary; size?: 'sm' | 'xs' }) {
  const { t } = useTranslation();
  if (invoice.amountDueMinor === undefined) return <>—</>;
  if (settledAgainstInvoice(invoice)) {
    return <Text size={size} c="dimmed" title={t('billing.invoices.settledHint')} style={{ whiteSpace: 'nowrap' }} data-testid="invoice-due-settled">{t('billing.invoices.settled')}</Text>;
  }
  return <Text size={size} c={invoice.status === 'overdue' ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>{formatMoney(invoice.amountDueMinor, invoice.currency)}</Text>;
}
