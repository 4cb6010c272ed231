import { Alert, Anchor, Button, Grid, Group, Menu, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowLeft, IconCash, IconChevronDown, IconFileTypePdf, IconMail, IconMailForward, IconPlus, IconPrinter, IconReceiptRefund, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth/AuthProvider';
import { errorMessage } from '../../app/api/errors';
import { ConfirmModal } from '../../app/components/ConfirmModal';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorState, FormErrorAlert, LoadingState, type NotFoundText } from '../../app/components/QueryStates';
import { RecordPage, useNotFoundText } from '../../app/components/RecordPage';
import { formatDate } from '../../app/format';
import { pdfUrl, previewUrl, useDeleteLine, useInvoice, useIssue, useMarkSent, usePdfAvailable, type InvoiceDetail, type InvoiceLine } from './api';
import { CreditNoteModal } from './CreditNoteModal';
import { DocumentPreview } from './DocumentPreview';
import { EditLineModal, ManualLineModal } from './DraftModals';
import { IssueDraftModal } from './IssueDraftModal';
import { IssueWarningsNote } from './IssueChecks';
import { DraftBlocksAlert } from './DraftBlocks';
import { formatPeriod } from './format';
import { LinesTable, TotalsPanel } from './LinesTable';
import { PaymentModal, PaymentsPanel } from './PaymentsPanel';
import { SendInvoiceModal } from './SendInvoiceModal';
import { StatusBadge } from './StatusBadge';
import { WorkReportPanel } from './WorkReportPanel';
import { InvoiceExportsPanel } from '../exports/InvoiceExportsPanel';
import { rateText } from '../rates/rateText';

/** /invoices/:id — a draft to review, adjust and issue, or an issued invoice or credit note with its preview, payments and corrections. */
export default function InvoicePage() {
  // An invoice or credit note that does not exist and one the user may not see get the same answer (404).
  const notFound = useNotFoundText('billing.invoice.notFound', '/invoices');
  return <RecordPage notFound={notFound}>{(id) => <Invoice id={id} notFound={notFound} />}</RecordPage>;
}

function Invoice({ id, notFound }: { id: number; notFound: NotFoundText }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const invoice = useInvoice(id);
  if (invoice.isPending) return <LoadingState />;
  if (invoice.isError) return <ErrorState error={invoice.error} onRetry={() => void invoice.refetch()} notFound={notFound} />;
  const inv = invoice.data;
  const title = inv.number
    ? t(inv.kind === 'credit_note' ? 'billing.invoice.creditTitle' : 'billing.invoice.title', { number: inv.number })
    : t('billing.invoice.draftTitle', { client: inv.client.name });
  return (
    <div data-testid="page-invoice" data-state={inv.state}>
      {inv.runId !== null && can('billing.run') ? (
        // Back to the run that computed the document (its other drafts, what was blocked or waits).
        <Button component={Link} to={`/billing/runs/${inv.runId}`} variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} />} mb="xs" data-testid="invoice-run-link">
          {t('billing.invoice.backToRun', { period: formatPeriod(inv.period) })}
        </Button>
      ) : null}
      <PageHeader
        title={title}
        subtitle={<>{inv.client.name} · {formatPeriod(inv.period)}{inv.corrects ? <> · {t('billing.invoice.corrects')} <Anchor component={Link} to={`/invoices/${inv.corrects.id}`}>{inv.corrects.number}</Anchor></> : null}</>}
        badge={<StatusBadge status={inv.status} kind={inv.kind} blocked={inv.blocked.length > 0} blocks={inv.blocks} refundDueMinor={inv.refundDueMinor} currency={inv.currency} />}
        actions={<InvoiceActions invoice={inv} />}
      />
      {inv.state === 'draft' ? <DraftView invoice={inv} /> : <IssuedView invoice={inv} />}
    </div>
  );
}

function Facts({ invoice }: { invoice: InvoiceDetail }) {
  const { t, i18n } = useTranslation();
  const facts: [string, string][] = [
    [t('billing.fields.issueDate'), formatDate(invoice.issueDate)],
    [t('billing.fields.taxableSupplyDate'), formatDate(invoice.taxableSupplyDate)],
    [t('billing.fields.dueDate'), formatDate(invoice.dueDate)],
    [t('billing.fields.variableSymbol'), invoice.variableSymbol ?? '—'],
  ];
  if (invoice.exchangeRate && invoice.exchangeRateDate && invoice.homeCurrency) {
    const rate = rateText(invoice.exchangeRate, i18n.language);
    facts.push([t('billing.exchangeRate.homeVat', { currency: invoice.homeCurrency }), t('billing.exchangeRate.fixed', { rate: `${rate} ${invoice.homeCurrency}/${invoice.currency}`, date: formatDate(invoice.exchangeRateDate) })]);
  }
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md">
      {facts.map(([label, value]) => (
        <div key={label}>
          <Text size="xs" c="dimmed">{label}</Text>
          <Text size="sm">{value}</Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

function DraftView({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const editable = can('billing.run');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<InvoiceLine | null>(null);
  const [deleting, setDeleting] = useState<InvoiceLine | null>(null);
  const del = useDeleteLine(invoice.id);
  return (
    <Stack gap="md">
      <DraftBlocksAlert blocks={invoice.blocks} blocked={invoice.blocked} period={invoice.period} />
      <IssueWarningsNote warnings={invoice.issueWarnings} clientName={invoice.client.name} testId="draft-warnings" />
      {!can('billing.issue') ? (
        // Issuing is the service manager's (BILLING.md §4, PRODUCT.md): those who only read drafts are told who issues them.
        <Text size="sm" c="dimmed" data-testid="draft-issued-by">{t('billing.draft.issuedBy')}</Text>
      ) : null}
      {invoice.staleTerms.length > 0 ? (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('billing.draft.staleTitle')} data-testid="draft-stale-terms">
          {invoice.staleTerms.map((c) => (
            <Text key={c.contractId} size="sm">
              {t('billing.draft.staleText', { contract: c.number, at: formatDate(c.termsChangedAt) })}{' '}
              <Anchor component={Link} to={`/contracts/${c.contractId}`}>{t('billing.draft.staleOpen')}</Anchor>
            </Text>
          ))}
        </Alert>
      ) : null}
      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">{t('billing.draft.lines')}</Title>
          {editable ? <Button size="xs" variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="draft-add-line">{t('billing.draft.addLine')}</Button> : null}
        </Group>
        <LinesTable invoice={invoice} editable={editable} onEdit={setEditing} onDelete={setDeleting} />
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          {/* The document as issuing would print it, marked as a draft; loaded again after every change of the draft. */}
          <Paper withBorder data-testid="invoice-preview">
            <DocumentPreview id={`invoice-preview-${invoice.id}`} title={t('billing.invoice.draftPreview')} src={previewUrl(invoice.id, invoice.version)} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}><TotalsPanel invoice={invoice} /></Grid.Col>
      </Grid>
      {invoice.recordsCount > 0 ? <WorkReportPanel invoiceId={invoice.id} version={invoice.version} editable={editable} draft /> : null}
      <ManualLineModal invoiceId={invoice.id} version={invoice.version} standardVatRateBp={invoice.standardVatRateBp} opened={adding} onClose={() => setAdding(false)} />
      <EditLineModal invoiceId={invoice.id} version={invoice.version} line={editing} onClose={() => setEditing(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('billing.draft.deleteLine')}
        message={t('billing.draft.deleteLineText', { line: deleting?.description ?? '' })}
        confirmLabel={t('billing.draft.deleteLine')}
        loading={del.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && del.mutate({ lineId: deleting.id, version: invoice.version }, {
          onSuccess: () => setDeleting(null),
          onError: (e) => { setDeleting(null); notifications.show({ color: 'red', message: errorMessage(t, e) }); },
        })}
      />
    </Stack>
  );
}

function IssuedView({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <Stack gap="md">
      <Facts invoice={invoice} />
      {invoice.creditReason ? <Text size="sm" data-testid="credit-reason-text">{t('billing.credit.reason')}: {invoice.creditReason}</Text> : null}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder data-testid="invoice-preview">
            <DocumentPreview id={`invoice-preview-${invoice.id}`} title={t('billing.invoice.preview')} src={previewUrl(invoice.id)} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <TotalsPanel invoice={invoice} />
            {invoice.kind === 'invoice' ? <PaymentsPanel invoice={invoice} /> : null}
          </Stack>
        </Grid.Col>
      </Grid>
      <Paper withBorder p="sm">
        <Title order={2} size="h4" mb="xs">{t('billing.draft.lines')}</Title>
        <LinesTable invoice={invoice} editable={false} />
      </Paper>
      {invoice.recordsCount > 0 ? <WorkReportPanel invoiceId={invoice.id} version={invoice.version} editable={false} /> : null}
      {can('exports.run') ? <InvoiceExportsPanel invoiceId={invoice.id} /> : null}
    </Stack>
  );
}

/** Prints the document preview: without a PDF rendering on the server, the browser prints the HTML page or saves it as PDF. */
function printPreview(id: number): void {
  const frame = document.getElementById(`invoice-preview-${id}`) as HTMLIFrameElement | null;
  frame?.contentWindow?.print();
}

/** The actions the server allows now (allowedActions), each with its confirmation or dialog. */
function InvoiceActions({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const issue = useIssue();
  const markSent = useMarkSent(invoice.id);
  const [confirmIssue, setConfirmIssue] = useState(false);
  const [paying, setPaying] = useState(false);
  const [refunding, setRefunding] = useState(false);
  const [crediting, setCrediting] = useState(false);
  const [sending, setSending] = useState(false);
  const allowed = new Set(invoice.allowedActions);
  // A draft's PDF is marked as a draft, as its preview is.
  const pdf = usePdfAvailable(invoice.id, true);
  return (
    <>
      {pdf.data ? (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" leftSection={<IconFileTypePdf size={16} />} rightSection={<IconChevronDown size={14} />} data-testid="invoice-pdf">PDF</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item component="a" href={pdfUrl(invoice.id)} target="_blank" rel="noopener" data-testid="invoice-pdf-plain">{t('billing.invoice.pdfDocument')}</Menu.Item>
            {invoice.recordsCount > 0 ? (
              <Menu.Item component="a" href={pdfUrl(invoice.id, true)} target="_blank" rel="noopener" data-testid="invoice-pdf-work-report">{t('billing.invoice.pdfWithWorkReport')}</Menu.Item>
            ) : null}
          </Menu.Dropdown>
        </Menu>
      ) : !pdf.isPending ? (
        // No PDF from this server: the browser prints the preview (or saves it as PDF).
        <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => printPreview(invoice.id)} data-testid="invoice-print">{t('billing.invoice.print')}</Button>
      ) : null}
      {allowed.has('issue') ? (
        <Button leftSection={<IconSend size={16} />} onClick={() => setConfirmIssue(true)} disabled={invoice.blocked.length > 0} data-testid="invoice-issue">{t('billing.invoice.issue')}</Button>
      ) : null}
      {invoice.state !== 'draft' && can('invoices.payments') ? (
        <Button variant="light" leftSection={<IconMail size={16} />} onClick={() => setSending(true)} data-testid="invoice-send">{t('billing.send.open')}</Button>
      ) : null}
      {allowed.has('markSent') ? (
        <Button variant="light" leftSection={<IconMailForward size={16} />} loading={markSent.isPending} onClick={() => markSent.mutate(undefined, {
          onSuccess: () => notifications.show({ color: 'green', message: t('billing.invoice.markedSent') }),
          onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
        })} data-testid="invoice-mark-sent">{t('billing.invoice.markSent')}</Button>
      ) : null}
      {allowed.has('recordPayment') ? (
        <Button variant="light" color="green" leftSection={<IconCash size={16} />} onClick={() => setPaying(true)} data-testid="invoice-pay">{t('billing.payments.record')}</Button>
      ) : null}
      {allowed.has('recordRefund') ? (
        <Button variant="light" color="orange" leftSection={<IconCash size={16} />} onClick={() => setRefunding(true)} data-testid="invoice-refund">{t('billing.payments.recordRefund')}</Button>
      ) : null}
      {allowed.has('creditNote') ? (
        <Button variant="light" color="grape" leftSection={<IconReceiptRefund size={16} />} onClick={() => setCrediting(true)} data-testid="invoice-credit">{t('billing.credit.create')}</Button>
      ) : null}
      <IssueDraftModal
        invoice={invoice}
        opened={confirmIssue}
        loading={issue.isPending}
        // A refused rate stays in the dialog to be corrected; other refusals close it and show beside the actions.
        error={invoice.needsExchangeRate ? issue.error : null}
        onClose={() => { setConfirmIssue(false); issue.reset(); }}
        onConfirm={(exchangeRate) => issue.mutate({ id: invoice.id, ...(exchangeRate ? { exchangeRate } : {}) }, {
          onSuccess: (r) => { setConfirmIssue(false); notifications.show({ color: 'green', message: t('billing.invoice.issued', { number: r?.number ?? '' }) }); },
          onError: () => { if (!invoice.needsExchangeRate) setConfirmIssue(false); },
        })}
      />
      {issue.error && !confirmIssue ? <div style={{ flexBasis: '100%' }}><FormErrorAlert error={issue.error} testId="invoice-issue-error" /></div> : null}
      <PaymentModal invoice={invoice} opened={paying} onClose={() => setPaying(false)} />
      <PaymentModal invoice={invoice} opened={refunding} onClose={() => setRefunding(false)} refund />
      <CreditNoteModal invoice={invoice} opened={crediting} onClose={() => setCrediting(false)} />
      {invoice.state !== 'draft' ? <SendInvoiceModal invoice={invoice} opened={sending} onClose={() => setSending(false)} /> : null}
    </>
  );
}
