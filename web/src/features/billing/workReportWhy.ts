// What the work report's ⓘ and an invoice line's ⓘ explain (pure): the record's own price
// as the server words it, and, where the contract covered the record, what it covered.
import type { TFunction } from 'i18next';
import { formatDate, localeTag } from '../../app/format';
import { formatMoney } from '../pricing/money';
import { formatMinutes } from '../records/format';
import type { WhyGroup } from '../pricing/PriceWhy';
import type { WorkReport, WorkReportEntry } from './api';

/**
 * A work report row's explanation. The server's lines explain the record's own price
 * (rate, time class and surcharge, rounding, minimum); a covered or partly covered row's
 * amount is not that price, so a first line says what the contract took of it.
 */
export function entryWhyLines(t: TFunction, entry: WorkReportEntry, currency: string, locale: string = localeTag()): string[] {
  const covered = formatMinutes(entry.coveredMinutes, locale);
  const coverage = entry.outcome === 'covered'
    ? (entry.coveredMinutes > 0 ? t('billing.workReport.whyCovered', { covered }) : t('billing.workReport.whyCoveredByContract'))
    : entry.outcome === 'partly_covered'
      ? t('billing.workReport.whyPartlyCovered', { covered, amount: formatMoney(entry.amountMinor, currency, locale) })
      : null;
  return coverage === null ? [...entry.explanation] : [coverage, ...entry.explanation];
}

/**
 * An invoice line's explanation: the records billed on it, each under its date, ticket and
 * amount ("12. 10. 2026 · T-2026-0001 · 2 625,00 Kč"); none for lines without records
 * (contract fees, manual lines) or when the report is not at hand.
 */
export function lineWhyGroups(t: TFunction, report: WorkReport | undefined, lineId: number, locale: string = localeTag()): WhyGroup[] {
  if (!report) return [];
  return report.entries
    .filter((e) => e.lineId === String(lineId))
    .map((e) => ({
      title: [formatDate(e.date), e.ticketNumber, formatMoney(e.amountMinor, report.currency, locale)].join(' · '),
      lines: entryWhyLines(t, e, report.currency, locale),
    }));
}
