// What issuing would meet, said before anything is issued: a client without the address a
// tax document must carry, records still waiting for approval, drafts of earlier months
// left unissued, a month that has not ended yet, and the warnings issuing is not refused
// for (another currency than the client's, a late tax document).
import { Alert, Anchor, Checkbox, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, localeTag } from '../../app/format';
import { RowCard, RowCards } from '../../app/components/RowCards';
import { usePhone } from '../../app/components/usePhone';
import { formatMoney } from '../pricing/money';
import { useEarlierDrafts, type BuyerAddressField, type IssueWarning } from './api';
import { issueWarningText } from './issueWarnings';
import { RerunPeriodButton } from './RerunPeriodButton';
import { formatPeriod, lastDayOfMonth, type WaitingClient } from './format';

/** "street, city and postal code" in the user's language. */
export function buyerPartsText(t: TFunction, missing: readonly BuyerAddressField[], locale: string = localeTag()): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(missing.map((field) => t(`billing.buyer.fields.${field}`)));
}

/**
 * A link inside a coloured alert: in the alert's own text colour and underlined, since the
 * theme's link blue lacks contrast on the alert's tinted background (WCAG AA).
 */
const ON_ALERT = { c: 'inherit', underline: 'always', fw: 600 } as const;

/**
 * Why a draft of this client cannot be issued yet, with the way to the client's form to fix it.
 * Without `clientName` (beside the client's own row) the note does not name the client again.
 */
export function BuyerMissingNote({ clientId, clientName, missing, testId, size = 'sm', onAlert = false }: {
  clientId: number;
  clientName?: string;
  missing: readonly BuyerAddressField[];
  testId: string;
  size?: 'xs' | 'sm';
  /** Shown inside a coloured alert (see ON_ALERT). */
  onAlert?: boolean;
}) {
  const { t } = useTranslation();
  const parts = buyerPartsText(t, missing);
  return (
    <Text size={size} data-testid={testId} data-missing={missing.join(' ')}>
      {clientName === undefined ? t('billing.buyer.missingShort', { parts }) : t('billing.buyer.missing', { client: clientName, parts })}{' '}
      <Anchor component={Link} to={`/clients/${clientId}/edit`} size={size} {...(onAlert ? ON_ALERT : {})} data-testid={`${testId}-fix`}>{t('billing.buyer.fix')}</Anchor>
    </Text>
  );
}

/** A client's records still waiting for approval: "1 record waiting for approval (−1 890,00 Kč)". */
export function waitingCountText(t: TFunction, w: Pick<WaitingClient, 'count' | 'amountMinor' | 'currency'>): string {
  return t('billing.waitingNow.count', { count: w.count, amount: formatMoney(w.amountMinor, w.currency) });
}

/** The issue confirmations' warning: these clients still have records waiting; issued now, the invoice leaves them out. */
export function WaitingClientsNote({ clients, testId }: { clients: readonly WaitingClient[]; testId: string }) {
  const { t } = useTranslation();
  if (clients.length === 0) return null;
  return (
    <Alert color="orange" icon={<IconClockExclamation size={18} />} title={t('billing.waitingNow.title')} mt="sm" data-testid={testId}>
      <Stack gap={2}>
        {clients.map((c) => (
          <Text key={`${c.clientId}-${c.currency}`} size="sm" data-testid={`${testId}-client`} data-client={c.clientName}>{c.clientName}: {waitingCountText(t, c)}</Text>
        ))}
        <Text size="sm" mt={4}>{t('billing.waitingNow.hint')}</Text>
        <Anchor component={Link} to="/approvals" size="sm" {...ON_ALERT} data-testid={`${testId}-approvals`}>{t('billing.run.toApprovals')}</Anchor>
      </Stack>
    </Alert>
  );
}

/**
 * The warnings of several drafts about to be issued together (issue all): one alert, a
 * sentence a warning, each naming its client. Nothing when none of them has any.
 */
export function DraftsWarningsNote({ drafts, testId }: { drafts: readonly { invoiceId: number; clientName: string; issueWarnings?: IssueWarning[] }[]; testId: string }) {
  const { t } = useTranslation();
  const warned = drafts.filter((d) => d.issueWarnings && d.issueWarnings.length > 0);
  if (warned.length === 0) return null;
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('billing.issueWarnings.title')} mt="sm" data-testid={testId}>
      <Stack gap={4}>
        {warned.flatMap((d) => d.issueWarnings!.map((w) => (
          <Text key={`${d.invoiceId}-${w.code}`} size="sm" data-testid={`${testId}-${w.code}`} data-invoice={d.invoiceId}>{issueWarningText(t, w, d.clientName)}</Text>
        )))}
        <Text size="sm" c="dimmed">{t('billing.issueWarnings.anyway')}</Text>
      </Stack>
    </Alert>
  );
}

/**
 * What issuing a draft is not refused for but should be looked at first (a currency other
 * than the client's, a late tax document): one alert, one sentence a warning. Nothing when none.
 */
export function IssueWarningsNote({ warnings, clientName, testId }: { warnings: readonly IssueWarning[] | undefined; clientName: string; testId: string }) {
  const { t } = useTranslation();
  if (!warnings || warnings.length === 0) return null;
  // Records approved after the run: running the period again takes them in.
  const afterRun = warnings.find((w) => w.code === 'records_after_run');
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('billing.issueWarnings.title')} data-testid={testId}>
      <Stack gap={4}>
        {warnings.map((w) => (
          <Text key={w.code} size="sm" data-testid={`${testId}-${w.code}`}>{issueWarningText(t, w, clientName)}</Text>
        ))}
        {afterRun ? (
          <div><RerunPeriodButton period={afterRun.period} label={t('billing.blocks.rerunButton', { period: formatPeriod(afterRun.period) })} variant="white" size="xs" testId={`${testId}-rerun`} /></div>
        ) : null}
        <Text size="sm" c="dimmed">{t('billing.issueWarnings.anyway')}</Text>
      </Stack>
    </Alert>
  );
}

/**
 * Drafts of months before `period` still not issued: a run of `period` leaves their
 * records and fees to them, so they are easy to forget. Nothing when there are none.
 */
export function EarlierDraftsPanel({ period }: { period: string | null }) {
  const { t } = useTranslation();
  const earlier = useEarlierDrafts(period);
  const phone = usePhone();
  if (!earlier.data || earlier.data.total === 0) return null;
  const { items, total } = earlier.data;
  // A plain panel, not a tinted alert: its links keep the contrast of links everywhere else.
  return (
    <Paper withBorder p="sm" mb="md" data-testid="earlier-drafts" data-count={total}>
      <Group gap="xs" wrap="nowrap" mb={4}>
        <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" aria-hidden />
        <Text fw={600}>{t('billing.earlier.title', { count: total })}</Text>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">{t('billing.earlier.text')}</Text>
      {phone ? (
        // The table's three columns pushed the totals beyond the card's edge.
        <RowCards testId="earlier-drafts-list">
          {items.map((d) => (
            <RowCard
              key={d.invoiceId}
              testId={`earlier-draft-${d.invoiceId}`}
              head={(
                <>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}><Anchor component={Link} to={`/invoices/${d.invoiceId}`} inherit>{d.clientName}</Anchor></Text>
                  <Text size="xs" c="dimmed">{formatPeriod(d.period)}</Text>
                </>
              )}
              headEnd={<Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid={`earlier-draft-total-${d.invoiceId}`}>{formatMoney(d.totalMinor, d.currency)}</Text>}
            />
          ))}
        </RowCards>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.invoiceId} data-testid={`earlier-draft-${d.invoiceId}`}>
                  <Table.Td>{formatPeriod(d.period)}</Table.Td>
                  <Table.Td><Anchor component={Link} to={`/invoices/${d.invoiceId}`} size="sm">{d.clientName}</Anchor></Table.Td>
                  <Table.Td ta="right" data-testid={`earlier-draft-total-${d.invoiceId}`}>{formatMoney(d.totalMinor, d.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {total > items.length ? (
        <Anchor component={Link} to="/invoices?status=draft" size="sm" data-testid="earlier-drafts-all">{t('billing.earlier.all', { count: total })}</Anchor>
      ) : null}
    </Paper>
  );
}

/**
 * Billing a month that has not ended: fees billed in arrears are invoiced before the period
 * they pay for is over, and what is logged until its end waits for a later run. The run
 * starts only once the user has said so (`accepted`).
 */
export function UnfinishedPeriodWarning({ period, accepted, onAccept }: { period: string; accepted: boolean; onAccept: (accepted: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('billing.unfinished.title', { period: formatPeriod(period) })} mt="md" data-testid="run-period-not-over">
      <Text size="sm">{t('billing.unfinished.text', { end: formatDate(lastDayOfMonth(period)) })}</Text>
      <Checkbox mt="sm" checked={accepted} onChange={(e) => onAccept(e.currentTarget.checked)} label={t('billing.unfinished.accept')} data-testid="run-period-not-over-accept" />
    </Alert>
  );
}
