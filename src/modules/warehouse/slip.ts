import type { DbOrTx } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { isLanguage } from '../../shared/language.ts';
import { mulDivRound } from '../../shared/money.ts';
import { QUANTITY_SCALE } from '../../shared/quantity.ts';
import { customerOf } from '../billing/index.ts';
import { printedUnit } from '../../shared/units.ts';
import { loadSupplier } from '../company/index.ts';
import { renderSlipPdf } from '../documents/index.ts';
import type { RequestContext } from '../identity/index.ts';
import * as docs from './documents.repo.ts';
import type { SlipDocument, SlipDocumentLine } from './domain/slip-document.ts';
import { require, seesCosts, seesPrices, type WarehouseDeps } from './warehouse.context.ts';

/**
 * An issue slip or return as the SlipDocument the printed slip shows: its lines
 * valued at the cost they left (or came back) at, and the sale price of the
 * ticket's material record. Returns print negative quantities. Its VAT rates, their
 * country, its currency and its costs' currency are the ones it was issued with
 * (slip.snapshot.ts), never the settings of today: what an issued slip says does not change.
 */
export async function buildSlipDocument(db: DbOrTx, id: number): Promise<SlipDocument> {
  const d = await docs.findDocument(db, id);
  if (!d) throw notFound('Stock document');
  if (d.kind !== 'issue' && d.kind !== 'return') throw new AppError('validation', 'not_a_slip', 'Only issue slips and returns print as a slip');
  if (d.state !== 'confirmed') throw new AppError('conflict', 'not_confirmed', 'A draft has no number yet: confirm it before printing');
  const lines = await docs.linesOf(db, id);
  // Confirming stores them and migrations 0029 and 0030 filled them for slips issued before: a gap is a fault, never a rate of today.
  const issued = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`Slip ${d.number} has no ${what} stored from its issue`);
    return value;
  };
  const names = await docs.namesFor(db, [d], lines);
  const [warehouse, ticket, client, original, records, supplier] = await Promise.all([
    db.selectFrom('warehouses').select(['code', 'name']).where('id', '=', d.warehouse_id).executeTakeFirstOrThrow(),
    d.ticket_id === null ? null : db.selectFrom('tickets').select(['number', 'subject']).where('id', '=', d.ticket_id).executeTakeFirst(),
    d.client_id === null ? null : db.selectFrom('clients').selectAll().where('id', '=', d.client_id).executeTakeFirst(),
    d.returns_document_id === null ? null : docs.findDocument(db, d.returns_document_id),
    db.selectFrom('records').select(['id', 'amount_minor', 'pricing_json']).where('id', 'in', [0, ...lines.flatMap((l) => (l.record_id === null ? [] : [l.record_id]))]).execute(),
    loadSupplier(db),
  ]);
  const recordOf = new Map(records.map((r) => [r.id, r]));
  const sign = d.kind === 'return' ? -1 : 1;
  const language = isLanguage(client?.language) ? client.language : 'cs';
  const slipLines: SlipDocumentLine[] = [];
  for (const l of lines) {
    const item = names.item.get(l.item_id)!;
    const quantity = Number(l.quantity_milli);
    const cost = Number(l.cost_minor ?? 0);
    const record = l.record_id === null ? undefined : recordOf.get(l.record_id);
    const price = record?.amount_minor ?? null;
    const unitPrice = record?.pricing_json ? ((JSON.parse(record.pricing_json) as { unitPriceMinor?: number }).unitPriceMinor ?? null) : null;
    slipLines.push({
      position: l.position, itemCode: item.code, itemName: item.name, unit: printedUnit(item.unit, language), quantityMilli: sign * quantity,
      serials: JSON.parse(l.serials_json) as string[], unitCostMinor: mulDivRound(cost, QUANTITY_SCALE, 1, quantity), costMinor: sign * cost,
      unitPriceMinor: unitPrice, priceMinor: price, vatRateBp: issued(l.vat_rate_bp, 'VAT rate'),
    });
  }
  const priced = slipLines.every((l) => l.priceMinor !== null);
  return {
    kind: d.kind, id: String(d.id), number: d.number!, date: d.date, currency: issued(d.currency, 'currency'),
    costCurrency: issued(d.cost_currency, 'cost currency'), vatCountry: issued(d.vat_country, 'VAT country'), language,
    warehouse, ticket: ticket ?? null,
    // The stored address is JSON: parsed as invoices parse it, never printed raw.
    client: client ? { name: client.name, companyId: client.company_id, vatId: client.vat_id, address: customerOf(client).address } : null,
    supplierName: supplier.name, issuedBy: d.confirmed_by === null ? '' : (names.user.get(d.confirmed_by)?.name ?? ''),
    returnsSlipNumber: original?.number ?? null, lines: slipLines,
    totalCostMinor: slipLines.reduce((s, l) => s + l.costMinor, 0),
    totalPriceMinor: priced ? slipLines.reduce((s, l) => s + (l.priceMinor ?? 0), 0) : null,
    note: d.note,
  };
}

/** Without the prices field scope the slip prints no sale prices (no price column). */
function withoutPrices(slip: SlipDocument): SlipDocument {
  return { ...slip, lines: slip.lines.map((l) => ({ ...l, unitPriceMinor: null, priceMinor: null })), totalPriceMinor: null };
}

/**
 * The printed slip. Whoever reads the warehouse may print it (the technician
 * who hands material over prints it for the client to sign); the cost columns
 * follow the costs field scope, sale prices the prices field scope.
 */
export function createSlipService(deps: WarehouseDeps) {
  async function pdf(ctx: RequestContext, id: number): Promise<{ number: string; pdf: Buffer }> {
    require(ctx, 'warehouse.read');
    const slip = await buildSlipDocument(deps.db, id);
    const printed = seesPrices(ctx) ? slip : withoutPrices(slip);
    return { number: slip.number, pdf: await renderSlipPdf(printed, { showCosts: seesCosts(ctx) }) };
  }
  return { pdf, document: (ctx: RequestContext, id: number) => (require(ctx, 'warehouse.read'), buildSlipDocument(deps.db, id)) };
}

export type SlipService = ReturnType<typeof createSlipService>;
