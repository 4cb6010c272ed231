import { Alert, Anchor, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api/errors';
import { useAuth } from '../../app/auth/AuthProvider';
import { ConfirmModal } from '../../app/components/ConfirmModal';
import { formatDateTime, todayIso } from '../../app/format';
import { useIssueMany, type BuyerAddressField, type BulkIssueReport, type ExchangeRateInput, type RunDraft } from './api';
import { exchangeRateOf, ExchangeRateFields, type ExchangeRateDraft } from './ExchangeRateFields';
import { clientsWithWaiting, draftsWithoutAddress, refusalLabel, runDocumentCounts } from './format';
import { buyerPartsText, DraftsWarningsNote, WaitingClientsNote } from './IssueChecks';
import { SendAllButton } from './SendAllButton';
import { focusFirstInvalid } from '../../app/components/focusInvalid';

/** The later run of the period that replaced a run's unissued drafts (GET /billing-runs/{id} replacedBy). */
export interface ReplacingRun {
  id: number;
  startedAt: string;
}

/** Drafts are issued a few at a time so the progress bar moves and one refusal does not hide the rest. */
const CHUNK = 5;

/**
 * "Issue all": confirmation, then the drafts without blocks issued in chunks with a
 * progress bar and a report. Drafts in a foreign currency that charge VAT come back
 * as needing an exchange rate: the panel then asks for the rate of each such
 * currency (decimal comma accepted) and issues those drafts with it. The report
 * offers to e-mail the invoices just issued ("Send all by e-mail"). The confirmation
 * names what the user should settle first: clients whose records still wait for
 * approval (issued now, the invoice leaves them out) and drafts left out because
 * their client has no address. A run with nothing left to issue that a later run of the
 * month followed (its drafts replaced, or all issued before): instead of a disabled
 * "Issue all (0)" it says so and links the later run.
 */
export function IssueAllPanel({ ids, period, drafts = [], currencyOf, replacedBy }: { ids: number[]; period: string; drafts?: readonly RunDraft[]; currencyOf: Readonly<Record<number, string>>; replacedBy?: ReplacingRun | null }) {
  const { t } = useTranslation();
  const issue = useIssueMany();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [total, setTotal] = useState(ids.length);
  const [report, setReport] = useState<BulkIssueReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rates, setRates] = useState<Record<string, ExchangeRateDraft>>({});
  const [triedRates, setTriedRates] = useState(false);

  const run = async (batch: number[], exchangeRates?: Record<string, ExchangeRateInput>) => {
    setConfirming(false);
    setError(null);
    setDone(0);
    setTotal(batch.length);
    const part: BulkIssueReport = { issued: [], notIssued: [] };
    try {
      for (let i = 0; i < batch.length; i += CHUNK) {
        const res = await issue.mutateAsync({ ids: batch.slice(i, i + CHUNK), ...(exchangeRates ? { exchangeRates } : {}) });
        part.issued.push(...res.issued);
        part.notIssued.push(...res.notIssued);
        setDone(Math.min(batch.length, i + CHUNK));
      }
    } catch (e) {
      setError(errorMessage(t, e));
    }
    // A second pass (with rates) replaces what the first said about its drafts.
    setReport((before) => ({
      issued: [...(before?.issued ?? []), ...part.issued],
      notIssued: [...(before?.notIssued ?? []).filter((n) => !batch.includes(n.id)), ...part.notIssued],
    }));
    setDone(null);
  };

  const needingRate = (report?.notIssued ?? []).filter((n) => n.code === 'exchange_rate_required' && currencyOf[n.id] !== undefined);
  const currencies = [...new Set(needingRate.map((n) => currencyOf[n.id]!))].sort();
  const rateOf = (c: string): ExchangeRateDraft => rates[c] ?? { rate: '', date: todayIso() };
  const issueWithRates = (form: HTMLFormElement) => {
    setTriedRates(true);
    const given = Object.fromEntries(currencies.map((c) => [c, exchangeRateOf(rateOf(c))] as const));
    if (Object.values(given).some((r) => r === null)) {
      focusFirstInvalid(form);
      return;
    }
    void run(needingRate.map((n) => n.id), given as Record<string, ExchangeRateInput>);
  };

  const waiting = clientsWithWaiting(drafts.filter((d) => ids.includes(d.invoiceId)));
  const noAddress = draftsWithoutAddress(drafts);

  const busy = done !== null;
  const { can } = useAuth();
  const replaced = runDocumentCounts(drafts).replaced > 0;
  if (ids.length === 0 && report === null && (replaced || replacedBy)) {
    return (
      <Text size="sm" c="dimmed" data-testid="run-replaced-by">
        {replaced ? t('billing.run.replaced') : null}
        {replacedBy ? (
          <>
            {replaced ? ' · ' : null}
            <Anchor component={Link} to={`/billing/runs/${replacedBy.id}`} inherit data-testid="run-replaced-by-link">
              {t('billing.run.openNewerRun', { at: formatDateTime(replacedBy.startedAt) })}
            </Anchor>
          </>
        ) : null}
      </Text>
    );
  }
  if (!can('billing.issue')) return null;
  return (
    <Stack gap="xs" miw={260} data-testid="issue-all">
      {report === null ? (
        <Button leftSection={<IconSend size={16} />} disabled={ids.length === 0 || busy} loading={busy} onClick={() => setConfirming(true)} data-testid="issue-all-button">
          {t('billing.run.issueAll', { count: ids.length })}
        </Button>
      ) : null}
      {busy ? (
        <div data-testid="issue-progress">
          <Text size="sm" aria-live="polite">{t('billing.run.issuing', { done, total })}</Text>
          <Progress value={total ? ((done ?? 0) / total) * 100 : 0} animated aria-label={t('billing.run.issuing', { done, total })} />
        </div>
      ) : null}
      {report && !busy ? (
        <Alert color={report.notIssued.length || error ? 'orange' : 'green'} data-testid="issue-report">
          <Text size="sm" fw={600}>{t('billing.run.issued', { count: report.issued.length })}</Text>
          {report.notIssued.map((n) => (
            <Text key={n.id} size="sm" data-code={n.code}>
              <Anchor component={Link} to={`/invoices/${n.id}`} data-testid="issue-refusal">{refusalLabel(n)}</Anchor>: {n.code === 'buyer_address_missing' && n.clientId ? (
                <>
                  {t('billing.buyer.refused', { parts: buyerPartsText(t, missingOf(n)) })}{' '}
                  <Anchor component={Link} to={`/clients/${n.clientId}/edit`} size="sm">{t('billing.buyer.fix')}</Anchor>
                </>
              ) : t(`errors.${n.code}`, { defaultValue: n.reason })}
            </Text>
          ))}
          {error ? <Text size="sm" c="red">{error}</Text> : null}
          {currencies.length > 0 ? (
            <form onSubmit={(e) => { e.preventDefault(); issueWithRates(e.currentTarget); }} noValidate data-testid="issue-rates">
              <Stack gap="xs" mt="sm">
                <Text size="sm">{t('billing.exchangeRate.bulkWhy', { count: needingRate.length })}</Text>
                {currencies.map((c) => (
                  <ExchangeRateFields key={c} currency={c} homeCurrency={null} value={rateOf(c)} onChange={(v) => setRates((r) => ({ ...r, [c]: v }))} showErrors={triedRates} testId={`issue-rate-${c}`} />
                ))}
                <Button type="submit" size="xs" leftSection={<IconSend size={14} />} data-testid="issue-with-rates">{t('billing.exchangeRate.issueWithRates', { count: needingRate.length })}</Button>
              </Stack>
            </form>
          ) : null}
          <Anchor component={Link} to={`/invoices?period=${period}`} size="sm" data-testid="issue-to-invoices">{t('billing.run.toInvoices')}</Anchor>
          {report.issued.length > 0 ? (
            <Group mt="xs">
              <SendAllButton target={{ ids: report.issued.map((i) => i.id) }} testId="send-all-button" />
            </Group>
          ) : null}
        </Alert>
      ) : null}
      <ConfirmModal
        opened={confirming}
        title={t('billing.run.issueAllTitle', { count: ids.length })}
        message={t('billing.run.issueAllText')}
        confirmLabel={t('billing.run.issueAllConfirm')}
        color="blue"
        onClose={() => setConfirming(false)}
        onConfirm={() => void run(ids)}
      >
        <WaitingClientsNote clients={waiting} testId="issue-all-waiting" />
        <DraftsWarningsNote drafts={drafts.filter((d) => ids.includes(d.invoiceId))} testId="issue-all-warnings" />
        {noAddress.length > 0 ? (
          <Alert color="red" mt="sm" title={t('billing.buyer.leftOut', { count: noAddress.length })} data-testid="issue-all-no-address">
            {noAddress.map((d) => <Text key={d.invoiceId} size="sm">{d.clientName}</Text>)}
          </Alert>
        ) : null}
      </ConfirmModal>
    </Stack>
  );
}

const ADDRESS_FIELDS: readonly BuyerAddressField[] = ['street', 'city', 'postalCode', 'country'];

/** The parts of the address a buyer_address_missing refusal names (its details' paths: client.address.street …). */
function missingOf(refusal: BulkIssueReport['notIssued'][number]): BuyerAddressField[] {
  const named = new Set((refusal.details ?? []).map((d) => d.path.split('.').pop()));
  return ADDRESS_FIELDS.filter((field) => named.has(field));
}
