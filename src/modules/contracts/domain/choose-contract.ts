/**
 * Which contract a new ticket falls under: among the client's active contracts
 * valid on the ticket's date, the one without "invoice of its own" first (the
 * client's main contract; a contract billed on its own invoice is usually a
 * project one that is chosen by hand), then the one that started most
 * recently, then the newest (highest id) so the choice is always the same.
 */
import type { IsoDate } from '../../../shared/calendar/index.ts';

export interface ContractCandidate {
  readonly id: number;
  readonly active: boolean;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly ownInvoice: boolean;
}

export function chooseContractForTicket<T extends ContractCandidate>(candidates: readonly T[], date: IsoDate): T | null {
  const fitting = candidates.filter((c) => c.active && c.validFrom <= date && (c.validTo === null || date <= c.validTo));
  fitting.sort((a, b) => {
    if (a.ownInvoice !== b.ownInvoice) return a.ownInvoice ? 1 : -1;
    if (a.validFrom !== b.validFrom) return a.validFrom > b.validFrom ? -1 : 1;
    return b.id - a.id;
  });
  return fitting[0] ?? null;
}
