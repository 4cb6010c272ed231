import type { Clock } from '../../platform/clock.ts';
import { periodicJob, type PeriodicJob } from '../../platform/periodic.ts';
import { localDateTime } from '../../shared/calendar/index.ts';
import { systemContext } from '../identity/index.ts';
import type { ImportReport, RatesService } from './rates.service.ts';

/**
 * The ČNB publishes a working day's rates after 14:30 Prague time; the list asks for them
 * from this minute on (a pass earlier would import the previous day's file again).
 */
export const CNB_PUBLISHED_AFTER = '14:45';

export type DailyFetchOutcome = { kind: 'not_yet' } | { kind: 'done_today' } | { kind: 'fetched'; report: ImportReport & { requestedDay: string } };

export interface DailyFetchLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Fills the exchange-rate list from the ČNB once a day, in the server (KONTOR_CNB_DAILY_FETCH):
 * each pass after the publishing time fetches today's file until one fetch has worked today.
 * A failed fetch (the bank unreachable, an unreadable answer) is logged and tried again at the
 * next pass; importing is idempotent and keeps hand-entered rates (rates.service.ts). On a
 * weekend or holiday the bank answers with the last working day's file, which changes nothing.
 */
export function createDailyCnbFetch(deps: { rates: RatesService; clock: Clock; logger: DailyFetchLogger }): PeriodicJob<DailyFetchOutcome> {
  let fetchedFor: string | null = null;
  return periodicJob(
    async (): Promise<DailyFetchOutcome> => {
      const { date, time } = localDateTime(deps.clock.now());
      if (time < CNB_PUBLISHED_AFTER) return { kind: 'not_yet' };
      if (fetchedFor === date) return { kind: 'done_today' };
      const report = await deps.rates.fetchCnb(systemContext, { day: date });
      fetchedFor = date;
      deps.logger.info({ day: report.day, added: report.added, replaced: report.replaced }, 'exchange rates: the ČNB list fetched');
      return { kind: 'fetched', report };
    },
    (err) => deps.logger.warn({ err }, 'exchange rates: fetching the ČNB list failed; trying again at the next pass'),
  );
}
