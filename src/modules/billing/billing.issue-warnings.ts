/**
 * The soft warnings of drafts still to issue (domain/issue-warnings.ts), read as the
 * drafts, their clients and contracts stand now: one place for the run's drafts and
 * a single draft's page, so both say the same.
 */
import type { DbOrTx } from '../../platform/db/index.ts';
import { firstDayOf, isPeriod, lastDayOf } from '../../shared/period.ts';
import { approvedUnbilledRecords } from './billing.repo.ts';
import { draftTaxableSupplyDate } from './domain/invoice-document-build.ts';
import {
  currencyDiffersWarning, lateTaxDocumentWarning, recordsAfterRunWarning, type IssueWarning, type PriceListName, type RecordAfterRun,
} from './domain/issue-warnings.ts';

/** A draft as issuing would take it. */
export interface DraftToCheck {
  readonly invoiceId: number;
  readonly clientId: number;
  readonly clientCurrency: string;
  readonly currency: string;
  readonly period: string | null;
  readonly taxableSupplyDate: string | null;
  readonly reverseCharge: boolean;
}

const CHUNK = 400;

/** The price lists each draft's records were priced from. */
async function priceListsOf(db: DbOrTx, invoiceIds: readonly number[]): Promise<Map<number, PriceListName[]>> {
  const out = new Map<number, PriceListName[]>();
  for (let i = 0; i < invoiceIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('invoice_records as ir')
      .innerJoin('records as r', 'r.id', 'ir.record_id')
      .innerJoin('price_lists as pl', 'pl.id', 'r.price_list_id')
      .select(['ir.invoice_id', 'pl.name', 'pl.currency'])
      .distinct()
      .where('ir.invoice_id', 'in', invoiceIds.slice(i, i + CHUNK))
      .orderBy('ir.invoice_id')
      .orderBy('pl.name')
      .execute();
    for (const r of rows) {
      const id = Number(r.invoice_id);
      out.set(id, [...(out.get(id) ?? []), { name: r.name, currency: r.currency }]);
    }
  }
  return out;
}

/** The clients' contracts: their currency and validity. */
async function contractsOf(db: DbOrTx, clientIds: readonly number[]) {
  const rows = [];
  for (let i = 0; i < clientIds.length; i += CHUNK) {
    rows.push(...(await db.selectFrom('contracts').select(['client_id', 'currency', 'valid_from', 'valid_to']).where('client_id', 'in', clientIds.slice(i, i + CHUNK)).execute()));
  }
  return rows;
}

/**
 * Records each draft's run did not see: the client's approved, unbilled records dated up to
 * the end of the draft's period, approved after the run started and on no document (records
 * approved while it ran and taken by it are on the draft), not taken out of this period by hand.
 */
async function recordsAfterRunOf(db: DbOrTx, drafts: readonly DraftToCheck[]): Promise<Map<number, RecordAfterRun[]>> {
  const out = new Map<number, RecordAfterRun[]>();
  const periodic = drafts.filter((d) => d.period !== null && isPeriod(d.period));
  if (periodic.length === 0) return out;
  const ids = periodic.map((d) => d.invoiceId);
  const runs = new Map<number, string>();
  const prepaid = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('invoices as i')
      .leftJoin('billing_runs as b', 'b.id', 'i.run_id')
      .select(['i.id', 'i.created_at', 'b.started_at'])
      .where('i.id', 'in', part)
      .execute();
    for (const r of rows) runs.set(Number(r.id), r.started_at ?? r.created_at);
    // The prepaid contracts whose period each draft closes (the run linked their ledger rows to it).
    const ledger = await db.selectFrom('prepaid_ledger').select(['invoice_id', 'contract_id']).where('invoice_id', 'in', part).where('final', '=', 0).execute();
    for (const l of ledger) prepaid.add(`${Number(l.invoice_id)}:${Number(l.contract_id)}`);
  }
  const clientIds = [...new Set(periodic.map((d) => d.clientId))];
  const lastEnd = periodic.map((d) => lastDayOf(d.period!)).sort().at(-1)!;
  const earliestRun = [...runs.values()].sort()[0];
  if (earliestRun === undefined) return out;
  const records = [];
  for (let i = 0; i < clientIds.length; i += CHUNK) {
    // Each draft's own period is compared below (excluded_from), so none is given here.
    records.push(...(await approvedUnbilledRecords(db, clientIds.slice(i, i + CHUNK), lastEnd)
      .leftJoin('invoice_records as ir', 'ir.record_id', 'r.id')
      .select(['r.client_id', 'r.kind', 'r.date', 'r.minutes', 'r.currency', 'r.approved_at', 'r.contract_id', 't.contract_id as ticket_contract_id', 't.number as ticket_number', 'x.period as excluded_from'])
      .where('r.approved_at', '>', earliestRun)
      .where('ir.record_id', 'is', null)
      .execute()));
  }
  for (const d of periodic) {
    const end = lastDayOf(d.period!);
    const ranAt = runs.get(d.invoiceId);
    if (ranAt === undefined) continue;
    const mine = records.filter((r) => Number(r.client_id) === d.clientId && r.date <= end && r.approved_at !== null && r.approved_at > ranAt
      && r.excluded_from !== d.period && (r.currency === null || r.currency === d.currency));
    if (mine.length === 0) continue;
    out.set(d.invoiceId, mine.map((r) => {
      const contractId = r.contract_id ?? r.ticket_contract_id;
      return {
        ticketNumber: r.ticket_number, date: r.date, kind: r.kind, minutes: r.minutes,
        prepaid: contractId !== null && prepaid.has(`${d.invoiceId}:${Number(contractId)}`),
      };
    }));
  }
  return out;
}

/**
 * Each draft's warnings (issued today), by invoice id; drafts without any are left out.
 * `supplierCountry` decides whose VAT law's deadline applies.
 */
export async function issueWarningsOf(db: DbOrTx, drafts: readonly DraftToCheck[], at: { today: string; supplierCountry: string }): Promise<Map<number, IssueWarning[]>> {
  const foreign = drafts.filter((d) => d.currency !== d.clientCurrency);
  const [priceLists, contracts] = foreign.length === 0
    ? [new Map<number, PriceListName[]>(), []]
    : await Promise.all([priceListsOf(db, foreign.map((d) => d.invoiceId)), contractsOf(db, [...new Set(foreign.map((d) => d.clientId))])]);
  const afterRun = await recordsAfterRunOf(db, drafts);
  const out = new Map<number, IssueWarning[]>();
  for (const d of drafts) {
    const taxableSupplyDate = draftTaxableSupplyDate({ taxableSupplyDate: d.taxableSupplyDate, period: d.period }, at.today);
    // A contract valid in the draft's period (or on its date of supply) bills in its own currency: that explains the draft's.
    const [from, to] = d.period && isPeriod(d.period) ? [firstDayOf(d.period), lastDayOf(d.period)] : [taxableSupplyDate, taxableSupplyDate];
    const contractInCurrency = contracts.some((c) => Number(c.client_id) === d.clientId && c.currency === d.currency && c.valid_from <= to && (c.valid_to === null || c.valid_to >= from));
    const warnings = [
      currencyDiffersWarning({ clientCurrency: d.clientCurrency, currency: d.currency, contractInCurrency, priceLists: priceLists.get(d.invoiceId) ?? [] }),
      lateTaxDocumentWarning({ supplierCountry: at.supplierCountry, taxableSupplyDate, issueDate: at.today, crossBorderService: d.reverseCharge }),
      d.period && isPeriod(d.period) ? recordsAfterRunWarning({ period: d.period, records: afterRun.get(d.invoiceId) ?? [] }) : null,
    ].filter((w): w is IssueWarning => w !== null);
    if (warnings.length > 0) out.set(d.invoiceId, warnings);
  }
  return out;
}
