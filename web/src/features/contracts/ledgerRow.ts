// How a prepaid ledger row reads. A provisional row of a period still running (an early run
// billed it before its end) holds what would carry over and lapse had the period ended on the
// day of that run; shown as plain figures under "Lapsed" right below the live "Left", it read as
// hours already lost.
import type { LedgerRow } from './api';

export type LedgerRowState = 'final' | 'provisional' | 'running';

/**
 * 'final' once the period's invoice is issued; 'running' for a provisional row of the current
 * period (or a later one) — `currentPeriod` as the consumption reports it, null while unknown;
 * else 'provisional' (a past period whose invoice is not issued yet).
 */
export function ledgerRowState(row: Pick<LedgerRow, 'period' | 'final'>, currentPeriod: string | null): LedgerRowState {
  if (row.final) return 'final';
  // Periods of one contract are of one kind, so they sort as strings ('2026-11', '2026-Q4', '2026').
  return currentPeriod !== null && row.period >= currentPeriod ? 'running' : 'provisional';
}
