// What the work report's ⓘ and an invoice line's ⓘ explain (pure): the record's own price
// as the server words it, and, where the contract covered or billed the record as overage,
// what the contract did.
import type { TFunction } from 'i18next';
import { formatDate, formatPercent, localeTag } from '../../app/format';
import { formatAmount, formatMoney } from '../pricing/money';
import { formatMinutes } from '../records/format';
import type { WhyGroup } from '../pricing/PriceWhy';
import type { WorkReport, WorkReportEntry, WorkReportOveragePart } from './api';

/**
 * A work report row's explanation. The server's lines explain the record's own price
 * from the price list (rate, time class and surcharge, rounding, minimum). A row whose
 * amount is not that price says first what the contract did: what it covered, and for
 * minutes over the prepaid hours how the overage was priced (minutes × the contract's
 * rate or the record's own, per band), adding up to the row's amount; the price-list
 * lines then follow under a heading saying they price the whole record without the contract.
 */
export function entryWhyLines(t: TFunction, entry: WorkReportEntry, currency: string, locale: string = localeTag()): string[] {
  const covered = formatMinutes(entry.coveredMinutes, locale);
  const overage = entry.overage ?? null;
  const contractLines = entry.outcome === 'covered'
    ? [entry.coveredMinutes > 0 ? t('billing.workReport.whyCovered', { covered }) : t('billing.workReport.whyCoveredByContract')]
    : overage !== null
      ? [...(entry.outcome === 'partly_covered' ? [t('billing.workReport.whyPartlyCoveredUsed', { covered })] : []), overageLine(t, entry, overage.parts, currency, locale)]
      : entry.outcome === 'partly_covered'
        ? [t('billing.workReport.whyPartlyCovered', { covered, amount: formatMoney(entry.amountMinor, currency, locale) })]
        : [];
  if (contractLines.length === 0) return [...entry.explanation];
  const priceList = overage !== null && entry.explanation.length > 0 ? [t('billing.workReport.whyPriceList')] : [];
  return [...contractLines, ...priceList, ...entry.explanation];
}

/**
 * "Nad rámec předplacených hodin: 1 h 30 min × 1 200,00/h (sazba smlouvy pro přečerpání, pásmo 2) = 1 800,00";
 * with two bands or a rounding remainder of the invoice line, each term and then their sum, which is the row's amount.
 */
function overageLine(t: TFunction, entry: WorkReportEntry, parts: readonly WorkReportOveragePart[], currency: string, locale: string): string {
  if (parts.length === 0) return t('billing.workReport.whyOverageUnsplit', { amount: formatMoney(entry.amountMinor, currency, locale) });
  const terms = parts.map((p) => {
    const values = { time: formatMinutes(p.minutes, locale), rate: formatAmount(p.rateMinor, locale), percent: formatPercent(100 + p.surchargePct, locale), band: p.band };
    if (p.method === 'tiered') return t('billing.workReport.overagePartBand', values);
    if (p.method === 'flat_rate') return t('billing.workReport.overagePartFlat', values);
    return p.surchargePct !== 0 ? t('billing.workReport.overagePartEntrySurcharge', values) : t('billing.workReport.overagePartEntry', values);
  });
  const amounts = parts.map((p) => p.amountMinor - p.roundingMinor);
  const rounding = parts.reduce((sum, p) => sum + p.roundingMinor, 0);
  if (rounding !== 0) {
    terms.push(t('billing.workReport.overageRounding'));
    amounts.push(rounding);
  }
  const total = formatAmount(entry.amountMinor, locale);
  const computation = amounts.length === 1
    ? `${terms[0]} = ${total}`
    : `${terms.join(' + ')} = ${amounts.map((a, i) => (i === 0 ? formatAmount(a, locale) : a < 0 ? `− ${formatAmount(-a, locale)}` : `+ ${formatAmount(a, locale)}`)).join(' ')} = ${total}`;
  return t('billing.workReport.whyOverage', { computation });
}

/**
 * An invoice line's explanation: the records billed on it, each under its date, ticket and
 * the amount it adds to the line ("12. 10. 2026 · T-2026-0001 · 2 625,00 Kč"); none for lines
 * without records (contract fees, manual lines) or when the report is not at hand. A record
 * whose overage spans several lines (two tiered bands) is on each of them with its part there,
 * and says first which of its minutes and how much of its amount that is.
 */
export function lineWhyGroups(t: TFunction, report: WorkReport | undefined, lineId: number, locale: string = localeTag()): WhyGroup[] {
  if (!report) return [];
  const currency = report.currency;
  return report.entries.flatMap((e) => {
    const here = shareOnLine(e, String(lineId));
    if (here === null) return [];
    const part = here.partMinutes === null ? [] : [t('billing.workReport.whyLinePart', {
      time: formatMinutes(here.partMinutes, locale), amount: formatMoney(here.amountMinor, currency, locale), total: formatMoney(e.amountMinor, currency, locale),
    })];
    return [{
      title: [formatDate(e.date), e.ticketNumber, formatMoney(here.amountMinor, currency, locale)].join(' · '),
      lines: [...part, ...entryWhyLines(t, e, currency, locale)],
    }];
  });
}

/**
 * What of a record is on a line: its overage parts there when it has parts (each names its
 * line), else the whole record on the line it went into; null when none of it is on the line.
 */
function shareOnLine(entry: WorkReportEntry, lineId: string): LineShare | null {
  const parts = entry.overage?.parts ?? [];
  if (parts.length === 0) return entry.lineId === lineId ? { amountMinor: entry.amountMinor, partMinutes: null } : null;
  const here = parts.filter((p) => p.lineId === lineId);
  if (here.length === 0) return null;
  const amountMinor = here.reduce((sum, p) => sum + p.amountMinor, 0);
  return { amountMinor, partMinutes: here.length === parts.length ? null : here.reduce((sum, p) => sum + p.minutes, 0) };
}

interface LineShare {
  /** What the record adds to the line. */
  readonly amountMinor: number;
  /** The record's overage minutes on the line when only part of the record is on it; null when all of it is. */
  readonly partMinutes: number | null;
}
