import { Alert, Anchor, Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../pricing/money';
import type { RecordState, ServiceRecord } from './api';
import { unitLabel } from '../warehouse/units';
import { coverageWords } from './coverage';
import { feeQuantityText } from './feeWording';
import { formatDecimal, formatMinutes } from './format';

const STATE_COLORS: Record<RecordState, string> = { draft: 'gray', submitted: 'blue', approved: 'green', billed: 'violet' };

export function RecordStateBadge({ state, testId }: { state: RecordState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATE_COLORS[state]} data-testid={testId} data-state={state}>
      {t(`records.states.${state}`)}
    </Badge>
  );
}

/** Why an approver sent the record back: shown to its technician until they change or submit it again. */
export function ReturnedNote({ reason, testId }: { reason: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" align="flex-start" c="orange.8" data-testid={testId}>
      <IconArrowBackUp size={16} style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>{t('records.returned', { reason })}</Text>
    </Group>
  );
}

/** Why a record has no price, in the user's language (the server's message as the detail). */
export function noPriceReason(t: TFunction, r: Pick<ServiceRecord, 'price'>): string {
  const reason = r.price.reason ?? 'unknown';
  return t(`records.noPriceReasons.${reason}`, { defaultValue: r.price.message ?? reason });
}

/**
 * What the client pays for the record: the amount of time and material when the user may
 * see prices; for work a contract covers, draws from prepaid hours or that is not billed,
 * that in words with the list price under it; or the "no price" warning with its reason
 * (for everyone: a technician must know the entry needs fixing). Never a bare 0.
 */
export function RecordAmount({ record, testId }: { record: ServiceRecord; testId?: string }) {
  const { t } = useTranslation();
  if (record.price.status === 'no_price') {
    return (
      <Tooltip label={record.price.message ?? ''} disabled={!record.price.message} multiline w={280}>
        <Group gap={4} wrap="nowrap" c="orange.8" data-testid={testId} data-price="none" data-reason={record.price.reason ?? ''}>
          <IconAlertTriangle size={16} style={{ flexShrink: 0 }} />
          <Text size="sm" fw={600} span>{t('records.noPrice')}</Text>
          <Text size="xs" span>· {noPriceReason(t, record)}</Text>
        </Group>
      </Tooltip>
    );
  }
  const words = coverageWords(t, record);
  if (words.headline !== null) {
    // Covered, prepaid or not billable: what the client pays in words, the list price under it (for those who see prices).
    // The words wrap within a bounded width rather than squeeze the record's date and work beside them.
    const clientAmount = record.coverage.clientAmountMinor;
    return (
      <Stack gap={0} align="flex-end" style={{ minWidth: 0 }}>
        <Tooltip label={words.detail ?? ''} disabled={!words.detail} multiline w={300}>
          <Text size="sm" fw={600} ta="right" maw="18rem" data-testid={testId} data-price="priced" data-coverage={record.coverage.kind} data-amount={clientAmount ?? ''}>
            {words.headline}
          </Text>
        </Tooltip>
        {words.listPrice ? <Text size="xs" c="dimmed" ta="right" data-testid={testId ? `${testId}-list` : undefined} style={{ whiteSpace: 'nowrap' }}>{words.listPrice}</Text> : null}
      </Stack>
    );
  }
  if (record.amountMinor === undefined || record.amountMinor === null || !record.price.currency) return null;
  return (
    <Text size="sm" fw={600} data-testid={testId} data-price="priced" data-coverage={record.coverage.kind} data-amount={record.amountMinor} style={{ whiteSpace: 'nowrap' }}>
      {formatMoney(record.amountMinor, record.price.currency)}
    </Text>
  );
}

/**
 * What the record will cost the client, spelled out with what may still change (the record's
 * edit form): "Covered by contract SM-2026-001",
 * "From prepaid hours · October 2026: 2 h left after all work so far", …
 * Nothing for plain time and material, whose amount says it all.
 */
export function CoverageNote({ record }: { record: ServiceRecord }) {
  const { t } = useTranslation();
  const words = coverageWords(t, record);
  if (words.headline === null && words.detail === null) return null;
  return (
    <Alert color="blue" variant="light" mb="sm" data-testid="record-coverage" data-coverage={record.coverage.kind}>
      {words.headline ? <Text size="sm" fw={600}>{words.headline}</Text> : null}
      {words.detail ? <Text size="sm">{words.detail}</Text> : null}
      {words.listPrice ? <Text size="xs" c="dimmed">{words.listPrice}</Text> : null}
    </Alert>
  );
}

/** What the record is: "On-site · out of hours", "Travel · 36,5 km · Zone A", "Call-out fee × 2 visit", "Výjezd × 1" (units in the user's language, never repeating the name). */
export function recordWhat(t: TFunction, r: ServiceRecord): string {
  if (r.kind === 'work') {
    const parts = [r.workType?.name ?? t('records.kinds.work')];
    if (r.timeClass) parts.push(t(`records.timeClasses.${r.timeClass}`) + (r.timeClassOverridden ? ` (${t('records.overridden')})` : ''));
    return parts.join(' · ');
  }
  if (r.kind === 'travel') {
    return [t('records.kinds.travel'), r.km !== null ? `${formatDecimal(r.km)} km` : null, r.zone?.name, r.vehicle].filter(Boolean).join(' · ');
  }
  if (r.kind === 'fee') return feeQuantityText(t, { name: r.fee?.name ?? t('records.kinds.fee'), unit: r.fee?.unit ?? '' }, r.quantity);
  return `${r.item ? `${r.item.code} · ${r.item.name}` : t('records.kinds.material')} × ${formatDecimal(r.quantity)} ${unitLabel(t, r.item?.unit ?? '')}`.trim();
}

/**
 * The record in a few words, to follow "Logged: " in a confirmation or a list: the time
 * of work ("1 h 40 min"), a trip as part of a sentence ("travel 36,5 km, 40 min", lower
 * case), else what it is ("Výjezd × 1").
 */
export function recordSummary(t: TFunction, r: ServiceRecord): string {
  if (r.kind === 'work') return formatMinutes(r.minutes);
  if (r.kind === 'travel') {
    const how = [r.km !== null ? `${formatDecimal(r.km)} km` : null, r.minutes > 0 ? formatMinutes(r.minutes) : null, r.zone?.name].filter(Boolean).join(', ');
    return how ? t('records.summary.travel', { how }) : t('records.summary.travelOnly');
  }
  return recordWhat(t, r);
}

/** "1 h 40 min → 1 h 45 min billable" (billable minutes after rounding and minimums, when priced). */
export function recordMinutes(t: TFunction, r: ServiceRecord): string {
  if (r.kind === 'fee' || r.kind === 'material') return '';
  // Travel logged as km only has no time: "0 min" would read as if the trip took none.
  if (r.kind === 'travel' && r.minutes === 0) return r.billable ? '' : t('records.notBillable');
  const own = formatMinutes(r.minutes);
  const billable = r.price.billableMinutes;
  if (!r.billable) return `${own} · ${t('records.notBillable')}`;
  return billable !== null && billable !== r.minutes ? `${own} → ${t('records.billableMinutes', { minutes: formatMinutes(billable) })}` : own;
}

/**
 * Under the amount of a record whose ticket falls under a contract: the contract's number,
 * linked; the amount beside it says what the contract covers (RecordAmount).
 */
export function ContractNote({ record, testId }: { record: Pick<ServiceRecord, 'contractId' | 'coverage'>; testId?: string }) {
  const { t } = useTranslation();
  if (record.contractId === null || record.contractId === undefined) return null;
  const contract = record.coverage.contract;
  const hint = record.coverage.kind === 'billable' && contract ? t('records.coverage.outsideScope', { number: contract.number }) : t('records.underContractHint');
  return (
    <Tooltip label={hint} multiline w={300}>
      <Anchor component={Link} to={`/contracts/${record.contractId}`} size="xs" c="dimmed" data-testid={testId}>
        {contract ? contract.number : t('records.underContract')}
      </Anchor>
    </Tooltip>
  );
}
