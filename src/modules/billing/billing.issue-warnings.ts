/**
 * The soft warnings of drafts still to issue (domain/issue-warnings.ts), read as the
 * drafts, their clients and contracts stand now: one place for the run's drafts and
 * a single draft's page, so both say the same.
 */
import type { DbOrTx } from '../../platform/db/index.ts';
import { firstDayOf, isPeriod, lastDayOf } from '../../shared/period.ts';
import { draftTaxableSupplyDate } from './domain/invoice-document-build.ts';
import { currencyDiffersWarning, lateTaxDocumentWarning, type IssueWarning, type PriceListName } from './domain/issue-warnings.ts';

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
 * Each draft's warnings (issued today), by invoice id; drafts without any are left out.
 * `supplierCountry` decides whose VAT law's deadline applies.
 */
export async function issueWarningsOf(db: DbOrTx, drafts: readonly DraftToCheck[], at: { today: string; supplierCountry: string }): Promise<Map<number, IssueWarning[]>> {
  const foreign = drafts.filter((d) => d.currency !== d.clientCurrency);
  const [priceLists, contracts] = foreign.length === 0
    ? [new Map<number, PriceListName[]>(), []]
    : await Promise.all([priceListsOf(db, foreign.map((d) => d.invoiceId)), contractsOf(db, [...new Set(foreign.map((d) => d.clientId))])]);
  const out = new Map<number, IssueWarning[]>();
  for (const d of drafts) {
    const taxableSupplyDate = draftTaxableSupplyDate({ taxableSupplyDate: d.taxableSupplyDate, period: d.period }, at.today);
    // A contract valid in the draft's period (or on its date of supply) bills in its own currency: that explains the draft's.
    const [from, to] = d.period && isPeriod(d.period) ? [firstDayOf(d.period), lastDayOf(d.period)] : [taxableSupplyDate, taxableSupplyDate];
    const contractInCurrency = contracts.some((c) => Number(c.client_id) === d.clientId && c.currency === d.currency && c.valid_from <= to && (c.valid_to === null || c.valid_to >= from));
    const warnings = [
      currencyDiffersWarning({ clientCurrency: d.clientCurrency, currency: d.currency, contractInCurrency, priceLists: priceLists.get(d.invoiceId) ?? [] }),
      lateTaxDocumentWarning({ supplierCountry: at.supplierCountry, taxableSupplyDate, issueDate: at.today, crossBorderService: d.reverseCharge }),
    ].filter((w): w is IssueWarning => w !== null);
    if (warnings.length > 0) out.set(d.invoiceId, warnings);
  }
  return out;
}
