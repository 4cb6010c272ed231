/**
 * What a billing run works on and what it produces for one client, as plain
 * data: the service loads it, billing.run.compute.ts turns it into draft plans
 * (no I/O there), the repo writes the plans.
 */
import type { CarriedLot, ContractTerms, LedgerRow } from '../contracts/index.ts';
import type { Language } from '../../shared/language.ts';
import type { TimeClass } from '../../shared/time-class.ts';
import type { InvoiceLineKind, InvoiceRecordOutcome } from '../../platform/db/index.ts';
import type { BlockReason, DraftBlock } from './domain/draft-blocks.ts';

/** An approved, unbilled record as the run sees it (prices already on it). */
export interface RunRecord {
  id: number;
  kind: 'work' | 'travel' | 'fee' | 'material';
  clientId: number;
  /** The record's own contract, else its ticket's. */
  contractId: number | null;
  ticketId: number;
  ticketNumber: string;
  ticketSubject: string;
  technicianName: string;
  date: string;
  startTime: string | null;
  createdAt: string;
  minutes: number;
  billableMinutes: number | null;
  workTypeId: number | null;
  timeClass: TimeClass | null;
  kmMilli: number | null;
  feeId: number | null;
  itemId: number | null;
  quantityMilli: number | null;
  billable: boolean;
  amountMinor: number | null;
  costMinor: number | null;
  priceError: string | null;
  currency: string | null;
  /** From pricing_json: the record's own hourly rate and surcharge (entry_rate overage), unit price of fees and items. */
  rateMinor: number | null;
  surchargePct: number | null;
  unitPriceMinor: number | null;
  vatCategory: string | null;
  /** The VAT rate of the record's VAT category on its date in the supplier's country; null when none applies. */
  vatRateBp: number | null;
  description: string;
  /** Dated before the run's period. */
  late: boolean;
  /** Why it was taken out of a draft of an earlier period (shown with the late record). */
  exclusionNote: string | null;
}

/** What billing reads of a record's pricing_json (written by the records module when it priced the record). */
export interface RecordPricing {
  rateMinor?: number;
  surchargePct?: number;
  unitPriceMinor?: number;
}

export interface RunContract {
  id: number;
  number: string;
  name: string;
  ownInvoice: boolean;
  /** false: a partial first or last period is billed the whole fee. */
  feeProrate: boolean;
  terms: ContractTerms;
  /** Fee periods billed already (issued) or waiting on a draft of another period. */
  billedFeePeriods: string[];
  /**
   * Carried lots at the start of the contract period the run consumes; null when
   * the previous period's ledger is not final (the contract is blocked).
   */
  openingLots: CarriedLot[] | null;
  /** The contract period whose allowance the run consumes ('2026-10' for a monthly contract). */
  ledgerPeriod: string;
  /** False for a quarterly/yearly prepaid contract before the last month of its period: its covered work waits. */
  consumeNow: boolean;
  /** Prepaid minutes apply in the ledger period (the contract has them and is valid in it). */
  prepaidActive: boolean;
  /** The ledger row of the ledger period is final already (its invoice issued): late covered work waits for the next period. */
  ledgerFinal: boolean;
}

export interface RunClient {
  id: number;
  name: string;
  country: string;
  vatId: string | null;
  language: Language;
  paymentTermsDays: number;
  currency: string;
}

/** Names for line texts and work reports. */
export interface RunNames {
  /** The work type's name in the document's language, else its default name. */
  workType(id: number | null, language: Language): string;
  fee(id: number | null): { name: string; unit: string };
  item(id: number | null): string;
}

export interface PlannedLine {
  key: string;
  kind: InvoiceLineKind;
  description: string;
  quantityMilli: number;
  unit: string;
  unitPriceMinor: number;
  netMinor: number;
  vatRateBp: number;
  feePeriod: string | null;
  recordIds: number[];
}

export interface PlannedRecord {
  recordId: number;
  /** Key of the line it is billed on; null when fully covered. */
  lineKey: string | null;
  outcome: InvoiceRecordOutcome;
  coveredMinutes: number;
  billedMinutes: number;
  amountMinor: number;
  late: boolean;
}

export interface DraftPlan {
  clientId: number;
  /** The contract of a draft of its own (own_invoice), else the single contract involved, else null. */
  contractId: number | null;
  ownInvoice: boolean;
  currency: string;
  lines: PlannedLine[];
  records: PlannedRecord[];
  reverseCharge: boolean;
  /** Reasons the draft cannot be issued; empty when it can. */
  blocked: DraftBlock[];
}

export type { BlockReason } from './domain/draft-blocks.ts';

export interface BlockedEntry {
  clientId: number;
  clientName: string;
  contractId: number | null;
  contractNumber: string | null;
  /** The contract period the reason is about (prepaid reasons); null for a record's own reasons. */
  period: string | null;
  reason: BlockReason;
  detail: string;
  recordIds: number[];
}

export interface LedgerPlan {
  contractId: number;
  row: LedgerRow;
  lots: readonly CarriedLot[];
  /** Key of the draft the contract's consumption is billed on (own or the client's). */
  draftKey: string;
}

export interface ClientPlan {
  drafts: (DraftPlan & { key: string })[];
  blocked: BlockedEntry[];
  ledger: LedgerPlan[];
}
