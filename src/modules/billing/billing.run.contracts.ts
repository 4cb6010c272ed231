/**
 * What billing runs use of the contracts module, in one place: the pure
 * contract cores (through the contracts door) and the run's reading of
 * contracts and their prepaid ledger.
 */
import type { DbOrTx } from '../../platform/db/index.ts';
import {
  contractTermsForBilling, firstDayOf, lastDayOf, ledgerRow, periodOf, prepaidInEffect, prevPeriod,
  type ContractTerms, type FeePeriod,
} from '../contracts/index.ts';
import type { RunContract } from './billing.run.types.ts';

export {
  closePeriod, compareChronologically, consumePrepaid, coverageOf, feePeriodsToBill, prepaidMinutesForPeriod, priceOverage, saveLedgerRow,
} from '../contracts/index.ts';
export type { CarriedLot, CoverableRecord, LedgerRow, OverageLine, OveragePart } from '../contracts/index.ts';

/** A fee period as its line bills it: the whole fee when the contract does not prorate. */
export function contractFeeLineInput(fee: FeePeriod, terms: Pick<ContractTerms, 'fee'>, prorate: boolean) {
  const whole = !prorate && fee.prorated && terms.fee !== null;
  return {
    period: fee.period, from: fee.from, to: fee.to, vatRateBp: fee.vatRateBp,
    prorated: whole ? false : fee.prorated,
    amountMinor: whole ? terms.fee!.amountMinor : fee.amountMinor,
  };
}

/**
 * Every contract the run for `period` considers, grouped by client, with what
 * the run needs besides the terms: the fee periods billed already, and for
 * prepaid contracts the lots carried into the contract period being consumed
 * (null when the previous period's ledger is not final).
 */
export async function loadRunContracts(
  db: DbOrTx,
  period: string,
  billedFeePeriods: (contractIds: number[]) => Promise<Map<number, string[]>>,
): Promise<Map<number, RunContract[]>> {
  const all = await contractTermsForBilling(db, period);
  const billed = await billedFeePeriods(all.map((c) => c.id));
  const byClient = new Map<number, RunContract[]>();
  for (const c of all) {
    const ledgerPeriod = periodOf(lastDayOf(period), c.periodKind);
    const consumeNow = lastDayOf(ledgerPeriod) === lastDayOf(period);
    const prepaidActive = prepaidInEffect(c, ledgerPeriod);
    let openingLots: RunContract['openingLots'] = [];
    let ledgerFinal = false;
    if (prepaidActive) {
      ledgerFinal = (await ledgerRow(db, c.id, ledgerPeriod))?.final ?? false;
      if (c.validFrom < firstDayOf(ledgerPeriod)) {
        const previous = await ledgerRow(db, c.id, prevPeriod(ledgerPeriod));
        openingLots = previous?.final ? previous.lots.filter((lot) => lot.minutes > 0) : null;
      }
    }
    const contract: RunContract = {
      id: c.id, number: c.number, name: c.name, ownInvoice: c.ownInvoice, feeProrate: c.feeProrate, terms: c,
      billedFeePeriods: billed.get(c.id) ?? [], openingLots, ledgerPeriod, consumeNow, prepaidActive, ledgerFinal,
    };
    const clientId = Number(c.clientId);
    byClient.set(clientId, [...(byClient.get(clientId) ?? []), contract]);
  }
  return byClient;
}
