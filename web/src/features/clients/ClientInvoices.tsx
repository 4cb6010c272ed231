import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, QueryView } from '../../app/components/QueryStates';
import { RowCard, RowCards } from '../../app/components/RowCards';
import { usePhone } from '../../app/components/usePhone';
import { formatDate } from '../../app/format';
import { type InvoiceSummary, useInvoices } from '../billing/api';
import { InvoiceNumber, invoiceTotalText } from '../billing/InvoiceCells';
import { StatusBadge } from '../billing/StatusBadge';
import { formatMoney } from '../pricing/money';
import { ticketCountLabel } from '../tickets/ticketCount';
import { clientInvoicesLink, invoicePayment, RECENT_ROWS } from './related';
import { RelatedSection } from './RelatedSection';

const PAYMENT_COLORS = { paid: 'green', partly_paid: 'orange', unpaid: undefined } as const;

function Payment({ invoice }: { invoice: InvoiceSummary }) {
  const { t } = useTranslation();
  const payment = invoicePayment(invoice);
  if (payment === null) return <Text size="sm" c="dimmed">—</Text>;
  const due = payment !== 'paid' && invoice.amountDueMinor !== undefined ? formatMoney(invoice.amountDueMinor, invoice.currency) : null;
  return (
    <div data-testid="client-invoice-payment" data-payment={payment}>
      <Text size="sm" c={invoice.status === 'overdue' ? 'red' : PAYMENT_COLORS[payment]} fw={payment === 'paid' ? undefined : 500}>
        {t(`clients.invoices.payment.${payment}`)}
      </Text>
      {due ? <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{t('clients.invoices.payment.outstanding', { amount: due })}</Text> : null}
    </div>
  );
}

/**
 * The invoices on a phone: one card an invoice, the total beside the number and issue date,
 * the state and payment below, so nothing hides beyond the right edge.
 */
function InvoiceCards({ rows }: { rows: InvoiceSummary[] }) {
  const { t } = useTranslation();
  return (
    <RowCards testId="client-invoices-table">
      {rows.map((inv) => (
        <RowCard
          key={inv.id}
          testId={`client-invoices-row-${inv.id}`}
          head={(
            <>
              <Text size="sm"><InvoiceNumber invoice={inv} fw={600} /></Text>
              {inv.issueDate ? <Text size="xs" c="dimmed">{t('billing.fields.issueDate')} {formatDate(inv.issueDate)}</Text> : null}
            </>
          )}
          headEnd={<Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid={`client-invoices-total-${inv.id}`}>{invoiceTotalText(inv)}</Text>}
          foot={<StatusBadge status={inv.status} kind={inv.kind} blocked={inv.blocked.length > 0} refundDueMinor={inv.refundDueMinor} currency={inv.currency} />}
          footEnd={<Payment invoice={inv} />}
        />
      ))}
    </RowCards>
  );
}

/** The client's newest invoices and credit notes (invoices.read), and the way to all of them. */
export function ClientInvoices({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const list = useInvoices({ clientId });
  const phone = usePhone();
  // The first page (50) says how many there are, up to "50+"; the newest few are shown.
  const firstPage = list.data?.pages[0];
  const rows = firstPage?.items.slice(0, RECENT_ROWS) ?? [];
  const count = firstPage ? ticketCountLabel({ count: firstPage.items.length, capped: firstPage.nextCursor !== null }) : null;
  const more = firstPage ? firstPage.items.length > rows.length : false;
  return (
    <RelatedSection
      title={t('clients.invoices.title')}
      count={count}
      link={rows.length > 0 ? { to: clientInvoicesLink(clientId), label: t('clients.invoices.all') } : undefined}
      testId="client-invoices"
    >
      <QueryView framed query={list} isEmpty={() => rows.length === 0} empty={<EmptyState title={t('clients.invoices.empty')} />}>
        {() => phone ? <InvoiceCards rows={rows} /> : (
          <Table.ScrollContainer minWidth={720}>
            <Table data-testid="client-invoices-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('billing.fields.number')}</Table.Th>
                  <Table.Th>{t('billing.fields.issueDate')}</Table.Th>
                  <Table.Th ta="right">{t('billing.fields.total')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>{t('clients.invoices.payment.title')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((inv) => (
                  <Table.Tr key={inv.id} data-testid={`client-invoices-row-${inv.id}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}><InvoiceNumber invoice={inv} fw={600} /></Table.Td>
                    <Table.Td>{formatDate(inv.issueDate)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{invoiceTotalText(inv)}</Table.Td>
                    <Table.Td><StatusBadge status={inv.status} kind={inv.kind} blocked={inv.blocked.length > 0} refundDueMinor={inv.refundDueMinor} currency={inv.currency} /></Table.Td>
                    <Table.Td><Payment invoice={inv} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      {more ? <Text size="xs" c="dimmed" mt={4} data-testid="client-invoices-newest">{t('clients.invoices.newest', { shown: rows.length })}</Text> : null}
    </RelatedSection>
  );
}
