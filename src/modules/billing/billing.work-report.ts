/**
 * The work report of a draft or invoice (BILLING.md §4): every record the run
 * put on it, chronologically, with minutes, billable minutes, what the
 * allowance covered, the outcome and the amount; plus the period's prepaid
 * ledger. JSON, CSV (UTF-8 with BOM; ';' and decimal comma for Czech and
 * Slovak) and PDF (the documents module renders it). The JSON read (`read`)
 * adds what only the staff see: each record's price explanation in the
 * reader's language and the invoice line it went into; the client's CSV and
 * PDF never carry them.
 */
import type { Db } from '../../platform/db/index.ts';
import { AppError, forbidden, notFound } from '../../shared/errors.ts';
import { inLanguage } from '../../shared/in-language.ts';
import { loadSupplier } from '../company/index.ts';
import { renderWorkReportPdf } from '../documents/index.ts';
import { fieldScopeOf, hasPermission, type RequestContext } from '../identity/index.ts';
import { isCostLine, renderExplanation, type StoredExplanationLine } from '../pricing/index.ts';
import type { WorkReport, WorkReportEntry } from './domain/work-report.ts';
import { overageOfRecords, type OverageExplained } from './billing.overage.ts';
import { loadStoredOverage } from './billing.overage.stored.ts';
import type { RecordPricing } from './billing.run.types.ts';
import { documentLanguage } from './domain/invoice-document-build.ts';
import { printedUnit } from '../../shared/units.ts';

/** A work report as the staff read it: each entry with its record's price explanation and its invoice line. */
export interface WorkReportRead extends Omit<WorkReport, 'entries'> {
  readonly entries: readonly (WorkReportEntry & {
    /** The invoice line the record's amount went into (the first, when its overage spans lines: `overage.parts` name each); null when covered (nothing billed) or the line was removed. */
    readonly lineId: string | null;
    /** Why the record's own price is what it is, in the reader's language; cost lines only for the costs field scope. */
    readonly explanation: readonly string[];
    /** How the row's amount was billed as the contract's overage (outside the prepaid allowance); null when it was not. */
    readonly overage: OverageExplained | null;
  })[];
}

/** What the work report reads of a record's pricing_json (written by the records module when it priced the record). */
interface StoredWhy extends RecordPricing {
  explanation?: StoredExplanationLine[];
}

/** What the staff read besides the client's report: per record, as stored by the run and the records module. */
interface StaffRow {
  lineId: string | null;
  pricingJson: string | null;
}

const KIND: Readonly<Record<string, WorkReportEntry['kind']>> = { work: 'work', travel: 'travel', fee: 'unit_fee', material: 'item' };

export function createWorkReports(deps: { db: Db }) {
  const { db } = deps;

  function must(ctx: RequestContext): void {
    // Amounts are prices: the report needs the prices field scope besides the permission.
    if (!hasPermission(ctx.actor, 'invoices.read') || !fieldScopeOf(ctx.actor.roles).prices) throw forbidden();
  }

  async function build(ctx: RequestContext, invoiceId: number): Promise<WorkReport> {
    return (await load(ctx, invoiceId)).report;
  }

  /** The report with each record's explanation and invoice line: the same read as the invoice's, so the same roles (prices field scope). */
  async function read(ctx: RequestContext, invoiceId: number): Promise<WorkReportRead> {
    const { report, staff } = await load(ctx, invoiceId);
    const scope = fieldScopeOf(ctx.actor.roles);
    const language = ctx.actor.language ?? 'en';
    const stored = new Map(report.entries.map((e) => {
      const row = staff.get(e.recordId)!;
      return [e.recordId, { row, pricing: row.pricingJson ? (JSON.parse(row.pricingJson) as StoredWhy) : null }];
    }));
    const storedOverage = await loadStoredOverage(db, invoiceId);
    const overage = overageOfRecords(storedOverage.lines, storedOverage.records);
    const entries = report.entries.map((e) => {
      const { row, pricing } = stored.get(e.recordId)!;
      const why = pricing?.explanation ?? [];
      // The records list shows the same: cost lines only to those who see costs.
      const explanation = renderExplanation(scope.costs ? why : why.filter((l) => !isCostLine(l)), language);
      return { ...e, lineId: row.lineId, explanation, overage: overage.get(e.recordId) ?? null };
    });
    return { ...report, entries };
  }

  async function load(ctx: RequestContext, invoiceId: number): Promise<{ report: WorkReport; staff: Map<string, StaffRow> }> {
    must(ctx);
    const invoice = await db
      .selectFrom('invoices as i')
      .innerJoin('clients as c', 'c.id', 'i.client_id')
      .leftJoin('invoices as corrected', 'corrected.id', 'i.corrects_invoice_id')
      .select(['i.id', 'i.number', 'i.period', 'i.currency', 'i.language', 'i.contract_id', 'i.visible', 'i.kind', 'i.issued_at', 'c.name as client_name', 'c.company_id'])
      .select(['i.corrects_invoice_id', 'corrected.number as corrected_number'])
      .where('i.id', '=', invoiceId)
      .executeTakeFirst();
    if (!invoice || invoice.visible !== 1) throw notFound('Invoice');
    if (invoice.kind !== 'invoice') throw creditNoteHasNone(invoice);
    const rows = await db
      .selectFrom('invoice_records as ir')
      .innerJoin('records as r', 'r.id', 'ir.record_id')
      .innerJoin('tickets as t', 't.id', 'r.ticket_id')
      .innerJoin('users as u', 'u.id', 'r.technician_id')
      .leftJoin('work_types as w', 'w.id', 'r.work_type_id')
      .leftJoin('unit_fees as f', 'f.id', 'r.fee_id')
      .leftJoin('travel_zones as z', 'z.id', 'r.zone_id')
      .select([
        'r.id', 'r.date', 'r.start_time', 'r.kind', 'r.minutes', 'r.billable_minutes', 'r.km_milli', 'r.quantity_milli', 'r.description', 'r.item_id', 'r.created_at',
        't.number as ticket_number', 't.subject as ticket_subject', 'u.name as technician', 'w.name as work_type', 'w.name_cs as work_type_cs', 'w.name_sk as work_type_sk', 'w.name_en as work_type_en', 'f.name as fee', 'f.unit as fee_unit', 'z.name as zone',
        'ir.outcome', 'ir.covered_minutes', 'ir.amount_minor', 'ir.late', 'ir.line_id', 'r.pricing_json',
      ])
      .where('ir.invoice_id', '=', invoiceId)
      .orderBy('r.date')
      .orderBy('r.start_time')
      .orderBy('r.created_at')
      .orderBy('r.id')
      .execute();
    const items = await itemsOf(rows.flatMap((r) => (r.item_id === null ? [] : [Number(r.item_id)])));
    const language = documentLanguage(invoice.language);
    // The unit as the invoice's lines print it ("1 výjezd", "2 ks"), so a row and its line read alike.
    const unitOf = (kind: WorkReportEntry['kind'], r: (typeof rows)[number]): string | null =>
      kind === 'work' ? null : kind === 'travel' ? 'km' : printedUnit((kind === 'unit_fee' ? r.fee_unit : items.get(Number(r.item_id))?.unit) ?? '', language) || null;
    // The work type as the invoice's lines name it: in the document's language, else its default name.
    const workTypeName = (r: (typeof rows)[number]): string => inLanguage({ cs: r.work_type_cs, sk: r.work_type_sk, en: r.work_type_en }, language, r.work_type ?? '');
    const entries: WorkReportEntry[] = rows.map((r) => {
      const kind = KIND[r.kind] ?? 'work';
      const what = kind === 'work' ? workTypeName(r) : kind === 'travel' ? (r.zone ?? '') : kind === 'unit_fee' ? (r.fee ?? '') : (items.get(Number(r.item_id))?.name ?? '');
      return {
        recordId: String(r.id), date: r.date, startTime: r.start_time, ticketNumber: r.ticket_number, ticketSubject: r.ticket_subject, technician: r.technician,
        kind, what, description: r.description, minutes: r.minutes, billableMinutes: r.billable_minutes ?? r.minutes, coveredMinutes: r.covered_minutes,
        quantityMilli: kind === 'travel' ? r.km_milli : kind === 'work' ? null : r.quantity_milli, unit: unitOf(kind, r), outcome: r.outcome, amountMinor: r.amount_minor, late: r.late === 1,
      };
    });
    const contract = invoice.contract_id === null ? null
      : await db.selectFrom('contracts').select(['number', 'name']).where('id', '=', invoice.contract_id).executeTakeFirst();
    const ledger = await db
      .selectFrom('prepaid_ledger')
      .select(['period', 'opening_carried', 'allocated', 'consumed', 'carried_out', 'lapsed'])
      .where('invoice_id', '=', invoiceId)
      .orderBy('contract_id')
      .executeTakeFirst();
    const supplier = await loadSupplier(db);
    const sum = (pick: (e: WorkReportEntry) => number) => entries.reduce((s, e) => s + pick(e), 0);
    // Kept as read, parsed only by read(): the client's CSV and PDF do not need it.
    const staff = new Map(rows.map((r): [string, StaffRow] => [
      String(r.id), { lineId: r.line_id === null ? null : String(r.line_id), pricingJson: r.pricing_json },
    ]));
    const report: WorkReport = {
      invoiceId: String(invoice.id), invoiceNumber: invoice.number, period: invoice.period ?? '', currency: invoice.currency,
      language, supplierName: supplier.name,
      client: { name: invoice.client_name, companyId: invoice.company_id },
      contract: contract ? { number: contract.number, name: contract.name } : null,
      entries,
      ledger: ledger
        ? { period: ledger.period, openingCarried: ledger.opening_carried, allocated: ledger.allocated, consumed: ledger.consumed, carriedOut: ledger.carried_out, lapsed: ledger.lapsed }
        : null,
      totals: { minutes: sum((e) => e.minutes), billableMinutes: sum((e) => e.billableMinutes), coveredMinutes: sum((e) => e.coveredMinutes), amountMinor: sum((e) => e.amountMinor) },
    };
    return { report, staff };
  }

  /** The document exists, so "not found" would mislead: a credit note lists no records of its own; the invoice it corrects has the report. */
  function creditNoteHasNone(note: { number: string | null; id: number; corrects_invoice_id: number | null; corrected_number: string | null }): AppError {
    const corrected = note.corrected_number ?? (note.corrects_invoice_id === null ? null : `#${note.corrects_invoice_id}`);
    return new AppError(
      'conflict',
      'credit_note_has_no_work_report',
      `${note.number ?? `Document #${note.id}`} is a credit note, and a credit note has no work report` + (corrected ? `: the work report is on the invoice it corrects, ${corrected}` : ''),
      { extra: { correctsInvoiceId: note.corrects_invoice_id } },
    );
  }

  async function itemsOf(ids: number[]): Promise<Map<number, { name: string; unit: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('items').select(['id', 'name', 'unit']).where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [Number(r.id), { name: r.name, unit: r.unit }]));
  }

  async function csv(ctx: RequestContext, invoiceId: number): Promise<{ body: string; filename: string }> {
    const report = await build(ctx, invoiceId);
    return { body: workReportCsv(report), filename: `work-report-${report.invoiceNumber ?? report.period}-${report.invoiceId}.csv` };
  }

  async function pdf(ctx: RequestContext, invoiceId: number): Promise<{ body: Buffer; filename: string }> {
    const report = await build(ctx, invoiceId);
    return { body: await renderWorkReportPdf(report), filename: `work-report-${report.invoiceNumber ?? report.period}-${report.invoiceId}.pdf` };
  }

  return { build, read, csv, pdf };
}

export type WorkReports = ReturnType<typeof createWorkReports>;

const HEADERS = {
  en: ['Date', 'Start', 'Ticket', 'Subject', 'Technician', 'Kind', 'What', 'Description', 'Minutes', 'Billable minutes', 'Covered minutes', 'Quantity', 'Outcome', 'Amount', 'Late'],
  cs: ['Datum', 'Začátek', 'Požadavek', 'Předmět', 'Technik', 'Druh', 'Co', 'Popis', 'Minuty', 'Účtované minuty', 'Pokryté minuty', 'Množství', 'Výsledek', 'Částka', 'Pozdě'],
  sk: ['Dátum', 'Začiatok', 'Požiadavka', 'Predmet', 'Technik', 'Druh', 'Čo', 'Popis', 'Minúty', 'Účtované minúty', 'Pokryté minúty', 'Množstvo', 'Výsledok', 'Suma', 'Neskoro'],
} as const;

const WORDS = {
  en: { work: 'work', travel: 'travel', unit_fee: 'fee', item: 'material', covered: 'covered', partly_covered: 'partly covered', billed: 'billed', yes: 'yes', no: '' },
  cs: { work: 'práce', travel: 'doprava', unit_fee: 'poplatek', item: 'materiál', covered: 'v paušálu', partly_covered: 'částečně v paušálu', billed: 'účtováno', yes: 'ano', no: '' },
  sk: { work: 'práca', travel: 'doprava', unit_fee: 'poplatok', item: 'materiál', covered: 'v paušále', partly_covered: 'čiastočne v paušále', billed: 'účtované', yes: 'áno', no: '' },
} as const;

/** Minor units as a decimal with two places ("800.00", or "800,00" with a decimal comma). */
function decimal(value: number, places: number, comma: boolean): string {
  const scale = 10 ** places;
  const abs = Math.abs(value);
  const text = `${value < 0 ? '-' : ''}${Math.floor(abs / scale)}.${String(abs % scale).padStart(places, '0')}`;
  return comma ? text.replace('.', ',') : text;
}

function csvCell(value: string, separator: string): string {
  return /["\r\n]/.test(value) || value.includes(separator) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The report as CSV in its language: UTF-8 with a BOM, CRLF, ';' and a decimal comma for cs/sk (what Czech Excel opens). */
export function workReportCsv(report: WorkReport): string {
  const lang = report.language;
  const local = lang === 'cs' || lang === 'sk';
  const sep = local ? ';' : ',';
  const words = WORDS[lang];
  const rows = report.entries.map((e) => [
    e.date, e.startTime ?? '', e.ticketNumber, e.ticketSubject, e.technician, words[e.kind], e.what, e.description, String(e.minutes), String(e.billableMinutes),
    String(e.coveredMinutes), e.quantityMilli === null ? '' : decimal(e.quantityMilli, 3, local), words[e.outcome], decimal(e.amountMinor, 2, local), e.late ? words.yes : words.no,
  ]);
  const lines = [[...HEADERS[lang]], ...rows].map((cells) => cells.map((c) => csvCell(c, sep)).join(sep));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
