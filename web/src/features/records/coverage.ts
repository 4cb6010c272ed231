// What a record will cost the client, in words (pure): the API's coverage, decided by
// the billing run's own rule, put into the reader's language.
import type { TFunction } from 'i18next';
import { formatPeriod } from '../../app/format';
import { formatMoney } from '../pricing/money';
import type { ServiceRecord } from './api';
import { formatMinutes } from './format';

export interface CoverageWords {
  /** What the client pays, shown where the amount would be; null: the amount itself (time and material). */
  headline: string | null;
  /** Why, or what may still change (a tooltip in lists, a line in the form). */
  detail: string | null;
  /** "List price 3 000,00 Kč" beside a covered record, for those who see prices; null when there is none to show. */
  listPrice: string | null;
}

type Coverable = Pick<ServiceRecord, 'coverage' | 'amountMinor' | 'price'>;

/** The list price of a record whose amount the client does not simply pay. */
function listPriceOf(t: TFunction, r: Coverable): string | null {
  if (r.amountMinor === undefined || r.amountMinor === null || r.amountMinor === 0 || !r.price.currency) return null;
  return t('records.coverage.listPrice', { amount: formatMoney(r.amountMinor, r.price.currency) });
}

function prepaidWords(t: TFunction, r: Coverable): Pick<CoverageWords, 'headline' | 'detail'> {
  const { prepaid, contract } = r.coverage;
  const number = contract?.number ?? '';
  if (!prepaid) return { headline: t('records.coverage.prepaidUnpriced'), detail: null };
  const period = formatPeriod(prepaid.period);
  switch (prepaid.status) {
    case 'billed':
      return { headline: t('records.coverage.prepaidBilled', { number }), detail: t('records.coverage.prepaidBilledHint') };
    case 'late':
      return { headline: t('records.coverage.prepaidLate'), detail: t('records.coverage.prepaidLateHint', { period }) };
    case 'unpriced':
      return { headline: t('records.coverage.prepaidUnpriced'), detail: null };
    case 'estimate': {
      const covered = prepaid.coveredMinutes ?? 0;
      const overage = prepaid.overageMinutes ?? 0;
      const headline = overage === 0
        ? t('records.coverage.prepaidCovered', { left: formatMinutes(prepaid.leftMinutes ?? 0), period })
        : covered > 0
          ? t('records.coverage.prepaidPartly', { covered: formatMinutes(covered), overage: formatMinutes(overage) })
          : t('records.coverage.prepaidOver', { overage: formatMinutes(overage) });
      const detail = [prepaid.counted ? null : t('records.coverage.prepaidDraft'), t('records.coverage.prepaidEstimate')].filter(Boolean).join(' ');
      return { headline, detail };
    }
  }
}

/** How the record's coverage reads: for time and material only the detail of a contract it falls outside of. */
export function coverageWords(t: TFunction, r: Coverable): CoverageWords {
  const c = r.coverage;
  switch (c.kind) {
    case 'billable':
      return { headline: null, detail: c.contract ? t('records.coverage.outsideScope', { number: c.contract.number }) : null, listPrice: null };
    case 'flat_fee':
      return { headline: t('records.coverage.flatFee', { number: c.contract?.number ?? '' }), detail: t('records.coverage.flatFeeHint'), listPrice: listPriceOf(t, r) };
    case 'not_billable':
      return { headline: t('records.coverage.notBillable'), detail: t('records.coverage.notBillableHint'), listPrice: listPriceOf(t, r) };
    case 'prepaid':
      return { ...prepaidWords(t, r), listPrice: listPriceOf(t, r) };
  }
}

/**
 * Prepaid work of records not billed yet, in billable minutes: what the prepaid hours cover and
 * what goes over them as things stand (the records' own split), and work of an already billed
 * period that draws on a later one (its split comes with that run).
 */
export interface PrepaidTime {
  covered: number;
  over: number;
  later: number;
}

/**
 * What the client pays for the records per currency, as far as it is known now: time and
 * material at its amount, covered work at 0; work from prepaid hours not billed yet is
 * counted apart, as time (settled at the period's end). Records without a visible amount or
 * price are left out. Billed prepaid work is settled: its invoice's work report says what the
 * client paid.
 */
export function clientTotals(records: readonly Coverable[]): { money: { currency: string; amountMinor: number }[]; prepaid: PrepaidTime } {
  const byCurrency = new Map<string, number>();
  const prepaid: PrepaidTime = { covered: 0, over: 0, later: 0 };
  for (const r of records) {
    if (r.coverage.kind === 'prepaid') {
      const p = r.coverage.prepaid;
      if (p?.status === 'estimate') {
        prepaid.covered += p.coveredMinutes ?? 0;
        prepaid.over += p.overageMinutes ?? 0;
      } else if (p?.status === 'late') prepaid.later += r.price.billableMinutes ?? 0;
      continue;
    }
    const amount = r.coverage.clientAmountMinor;
    if (amount === undefined || amount === null || !r.price.currency) continue;
    byCurrency.set(r.price.currency, (byCurrency.get(r.price.currency) ?? 0) + amount);
  }
  return { money: [...byCurrency].map(([currency, amountMinor]) => ({ currency, amountMinor })).sort((a, b) => a.currency.localeCompare(b.currency)), prepaid };
}

/** "1 h 45 min from prepaid hours, 30 min over prepaid hours (settled at the period's end)"; null without prepaid time. */
export function prepaidTimeWords(t: TFunction, p: PrepaidTime): string | null {
  const parts = [
    p.covered ? t('records.coverage.prepaidTotal.covered', { time: formatMinutes(p.covered) }) : null,
    p.over ? t('records.coverage.prepaidTotal.over', { time: formatMinutes(p.over) }) : null,
    p.later ? t('records.coverage.prepaidTotal.later', { time: formatMinutes(p.later) }) : null,
  ].filter(Boolean);
  return parts.length ? t('records.coverage.prepaidTotal.settled', { parts: parts.join(', ') }) : null;
}
