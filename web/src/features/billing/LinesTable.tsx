import { ActionIcon, Anchor, Group, Paper, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatAmount, formatMoney } from '../pricing/money';
import { PriceWhy } from '../pricing/PriceWhy';
import { useWorkReport, type InvoiceDetail, type InvoiceLine } from './api';
import { amountDueLabel } from './documentWords';
import { formatMilli, formatPeriod, formatVatRate } from './format';
import { lineWhyGroups } from './workReportWhy';
import { RowCard, RowCards } from '../../app/components/RowCards';
import { usePhone } from '../../app/components/usePhone';

const money = (v: number | undefined, currency: string) => (v === undefined ? '—' : formatMoney(v, currency));

/** A line's quantity with its unit, as printed: "1,5 h". */
const quantityText = (l: InvoiceLine) => `${formatMilli(l.quantityMilli)}${l.unitText ? `\u00a0${l.unitText}` : ''}`;

/** The line's text and, under it, its kind (and a fee's month). */
function LineWhat({ line: l }: { line: InvoiceLine }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{l.description}</Text>
      <Text size="xs" c="dimmed">{t(`billing.lineKinds.${l.kind}`, { defaultValue: l.kind })}{l.feePeriod ? ` · ${formatPeriod(l.feePeriod)}` : ''}</Text>
    </>
  );
}

/** Change the text (every line of a draft) and remove (manual lines): the buttons of one line. */
function LineActions({ line: l, onEdit, onDelete }: { line: InvoiceLine; onEdit?: (line: InvoiceLine) => void; onDelete?: (line: InvoiceLine) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={t('billing.draft.editText')}>
        <ActionIcon variant="subtle" aria-label={t('billing.draft.editText')} onClick={() => onEdit?.(l)} data-testid={`line-edit-${l.id}`}><IconPencil size={16} /></ActionIcon>
      </Tooltip>
      {l.kind === 'manual' ? (
        <Tooltip label={t('billing.draft.deleteLine')}>
          <ActionIcon variant="subtle" color="red" aria-label={t('billing.draft.deleteLine')} onClick={() => onDelete?.(l)} data-testid={`line-delete-${l.id}`}><IconTrash size={16} /></ActionIcon>
        </Tooltip>
      ) : null}
    </Group>
  );
}

/**
 * The invoice's lines; a line made of records opens their explanations (ⓘ, from the work report the page
 * reads anyway); on a draft each line's text can be changed and manual lines removed.
 */
export function LinesTable({ invoice, editable, onEdit, onDelete }: {
  invoice: InvoiceDetail;
  editable: boolean;
  onEdit?: (line: InvoiceLine) => void;
  onDelete?: (line: InvoiceLine) => void;
}) {
  const { t } = useTranslation();
  const c = invoice.currency;
  // The same query as the work report panel's: no request of its own.
  const report = useWorkReport(invoice.id, invoice.recordsCount > 0);
  const phone = usePhone();
  if (phone) {
    // One card a line, the amount (and its ⓘ) beside the text, quantity, price and VAT below with
    // a draft's buttons: nothing beyond the right edge.
    return (
      <RowCards testId="invoice-lines">
        {invoice.lines.map((l) => (
          <RowCard
            key={l.id}
            testId={`line-${l.id}`}
            data-kind={l.kind}
            head={<LineWhat line={l} />}
            headEnd={(
              <Group gap={4} wrap="nowrap">
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid={`line-net-${l.id}`}>{money(l.netMinor, c)}</Text>
                <PriceWhy groups={lineWhyGroups(t, report.data, l.id)} label={t('billing.workReport.lineWhy')} testId={`line-why-${l.id}`} />
              </Group>
            )}
            foot={(
              <Text size="xs" c="dimmed">
                <span data-testid="line-quantity">{quantityText(l)}</span> × {money(l.unitPriceMinor, c)} · {t('billing.fields.vatRate')} {formatVatRate(l.vatRateBp)}
              </Text>
            )}
            footEnd={editable ? <LineActions line={l} onEdit={onEdit} onDelete={onDelete} /> : null}
          />
        ))}
      </RowCards>
    );
  }
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table striped data-testid="invoice-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billing.fields.description')}</Table.Th>
            <Table.Th ta="right">{t('billing.fields.quantity')}</Table.Th>
            <Table.Th ta="right">{t('billing.fields.unitPrice')}</Table.Th>
            <Table.Th ta="right">{t('billing.fields.vatRate')}</Table.Th>
            <Table.Th ta="right">{t('billing.fields.net')}</Table.Th>
            {editable ? <Table.Th w={90}><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoice.lines.map((l) => (
            <Table.Tr key={l.id} data-testid={`line-${l.id}`} data-kind={l.kind}>
              <Table.Td><LineWhat line={l} /></Table.Td>
              <Table.Td ta="right" data-testid="line-quantity">{quantityText(l)}</Table.Td>
              <Table.Td ta="right">{money(l.unitPriceMinor, c)}</Table.Td>
              <Table.Td ta="right">{formatVatRate(l.vatRateBp)}</Table.Td>
              <Table.Td ta="right">
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{money(l.netMinor, c)}</Text>
                  <PriceWhy groups={lineWhyGroups(t, report.data, l.id)} label={t('billing.workReport.lineWhy')} testId={`line-why-${l.id}`} />
                </Group>
              </Table.Td>
              {editable ? (
                <Table.Td>
                  <LineActions line={l} onEdit={onEdit} onDelete={onDelete} />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Amounts stay on one line; the headers may wrap. */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** VAT recapitulation per rate and the totals (rounding as its own line when there is one). */
export function TotalsPanel({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const c = invoice.currency;
  return (
    <Paper withBorder p="sm" data-testid="invoice-totals">
      {/* The currency once in the title, not in every cell: four columns of "9 680,00 CZK" did not fit the half-width card. */}
      <Title order={2} size="h5" mb="xs">{t('billing.draft.vatRecap')} ({c})</Title>
      {invoice.vatRecap && invoice.vatRecap.length > 0 ? (
        // On a phone the four columns fit with narrower gaps; larger sums scroll inside the card, never out of it.
        <Table.ScrollContainer minWidth={0} mb="sm">
          <Table horizontalSpacing={phone ? 6 : 'xs'} data-testid="invoice-vat-recap">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('billing.fields.vatRate')}</Table.Th>
                <Table.Th ta="right">{t('billing.fields.base')}</Table.Th>
                <Table.Th ta="right">{t('billing.fields.vat')}</Table.Th>
                <Table.Th ta="right">{t('billing.fields.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.vatRecap.map((g) => (
                <Table.Tr key={g.vatRateBp}>
                  <Table.Td style={NO_WRAP}>{formatVatRate(g.vatRateBp)}</Table.Td>
                  <Table.Td ta="right" style={NO_WRAP}>{formatAmount(g.baseMinor)}</Table.Td>
                  <Table.Td ta="right" style={NO_WRAP}>{formatAmount(g.vatMinor)}</Table.Td>
                  <Table.Td ta="right" style={NO_WRAP}>{formatAmount(g.totalMinor)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {invoice.reverseCharge ? <Text size="sm" c="dimmed" mb="xs">{t('billing.draft.reverseCharge')}</Text> : null}
      <Stack gap={2} align="flex-end">
        <Text size="sm">{t('billing.fields.net')}: {money(invoice.netMinor, c)}</Text>
        <Text size="sm">{t('billing.fields.vat')}: {money(invoice.vatMinor, c)}</Text>
        {invoice.roundingMinor ? <Text size="sm">{t('billing.fields.rounding')}: {formatMoney(invoice.roundingMinor, c)}</Text> : null}
        {/* A credit note's total is its value (negative, as its PDF's foot states it), not money going back:
            what goes back to the client, if anything, is its invoice's overpayment below. */}
        <Text fw={700} size="lg" data-testid="invoice-total">{t(invoice.kind === 'credit_note' ? 'billing.fields.creditNoteValue' : 'billing.fields.total')}: {money(invoice.totalMinor, c)}</Text>
        {invoice.kind === 'invoice' && invoice.state !== 'draft' && invoice.amountDueMinor !== undefined ? (
          <Text size="sm" c={invoice.status === 'overdue' ? 'red' : 'dimmed'} data-testid="invoice-due">{amountDueLabel(t, invoice.kind)}: {formatMoney(invoice.amountDueMinor, c)}</Text>
        ) : null}
        {invoice.kind === 'credit_note' && invoice.corrects ? (
          // It has no payments of its own: it lowers what its invoice asks for, and an overpayment there is refunded there.
          <Text size="sm" c="dimmed" data-testid="credit-settled">
            {t('billing.credit.settledAgainst')}{' '}
            <Anchor component={Link} to={`/invoices/${invoice.corrects.id}`} inherit>{invoice.corrects.number ?? `#${invoice.corrects.id}`}</Anchor>
          </Text>
        ) : null}
        {invoice.refundDueMinor ? (
          <Text size="sm" fw={600} c="orange" data-testid="invoice-refund-due">
            {t(invoice.kind === 'credit_note' ? 'billing.fields.refundDueOfInvoice' : 'billing.fields.refundDue', { number: invoice.corrects?.number ?? '' })}: {formatMoney(invoice.refundDueMinor, c)}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
