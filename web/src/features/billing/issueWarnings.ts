// The words of the warnings issuing is not refused for (the server's issueWarnings), pure.
import type { TFunction } from 'i18next';
import { formatDate, formatPeriod, localeTag } from '../../app/format';
import { formatMinutes } from '../records/format';
import type { IssueWarning } from './api';

/**
 * One warning as a sentence for the user: "Tatra Logistik s.r.o. má měnu EUR, ale práce je
 * oceněna z ceníku Standard 2026 v CZK. …" or when the tax document is late, whose law says so.
 */
export function issueWarningText(t: TFunction, warning: IssueWarning, clientName: string, locale: string = localeTag()): string {
  if (warning.code === 'currency_differs') {
    const { clientCurrency, currency, priceLists } = warning;
    const head = priceLists.length === 0
      ? t('billing.issueWarnings.currencyNoList', { client: clientName, clientCurrency, currency })
      : t('billing.issueWarnings.currency', {
        client: clientName, clientCurrency, currency, count: priceLists.length,
        lists: new Intl.ListFormat(locale, { type: 'conjunction' }).format(priceLists.map((l) => l.name)),
      });
    return `${head} ${t('billing.issueWarnings.currencyHint', { clientCurrency, currency })}`;
  }
  if (warning.code === 'records_after_run') {
    // "Od běhu přibyl 1 schválený výkaz za listopad 2026 (T2026-000005, 1 h) …"
    const period = formatPeriod(warning.period, locale);
    const tickets = new Intl.ListFormat(locale, { type: 'conjunction' }).format(warning.tickets);
    const parts = [
      t('billing.issueWarnings.afterRun', { count: warning.count, period, tickets, time: formatMinutes(warning.minutes, locale) }),
      warning.prepaidMinutes > 0 ? t('billing.issueWarnings.afterRunPrepaid', { time: formatMinutes(warning.prepaidMinutes, locale), period }) : null,
      t('billing.issueWarnings.afterRunHint', { period }),
    ];
    return parts.filter(Boolean).join(' ');
  }
  const law = t(`billing.issueWarnings.late.${warning.country}${warning.rule === 'month_end' ? '_monthEnd' : ''}`, {
    taxableSupplyDate: formatDate(warning.taxableSupplyDate, locale), deadline: formatDate(warning.deadline, locale),
  });
  return `${law} ${t('billing.issueWarnings.lateBy', { count: warning.daysLate, issueDate: formatDate(warning.issueDate, locale) })}`;
}
