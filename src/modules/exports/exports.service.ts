/**
 * Accounting exports: what a period would export in a format (preview), the
 * export itself as a recorded batch (streamed to the file store while documents
 * are read one by one, then recorded with its documents and audit entry in one
 * transaction), the list of batches and their download.
 */
import type { Readable } from 'node:stream';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import type { ExportDocumentKind } from '../../platform/db/tables/exports.ts';
import type { FileStore } from '../../platform/storage.ts';
import { decodeCursor, pageOf } from '../../shared/cursor.ts';
import { problemsOf, invalidPeriod } from '../../shared/date-details.ts';
import { AppError, conflict, failIf, forbidden, notFound } from '../../shared/errors.ts';
import { firstDayOf, lastDayOf } from '../../shared/period.ts';
import { invoiceDocument, type InvoiceDocument, type Supplier } from '../billing/index.ts';
import { loadSupplier } from '../company/index.ts';
import { auditWhoOf, hasPermission, type RequestContext } from '../identity/index.ts';
import { buildSlipDocument, type SlipDocument } from '../warehouse/index.ts';
import { exporterFor } from './domain/adapters.ts';
import type { AccountingExporter, ExportFormat, ExportItem, RequiredSetting, SlipCurrenciesMixedFact, UnmappedVatRateFact } from './domain/exporter.ts';
import { SlipCurrenciesMixed, UnmappedVatRate } from './domain/pohoda.ts';
import * as repo from './exports.repo.ts';
import type { ExportBatch, ExportPreview, RunBody } from './exports.schemas.ts';
import { batchStream } from './exports.stream.ts';
import { ZipLimitExceeded } from './exports.zip.ts';

/**
 * An export checked and ready to be written: what would refuse it (permission, period,
 * settings, nothing to export) has refused already, so a caller that streams progress
 * can still answer such a refusal as an ordinary 4xx before its first line.
 */
export interface PreparedExport {
  /** Documents going into the batch (invoices, credit notes, slips; not address-book entries). */
  total: number;
  /** Writes and records the batch; `onDocument` hears the count of documents written so far after each one. */
  run(onDocument?: (done: number) => void): Promise<ExportBatch>;
}

export interface ExportsDeps {
  db: Db;
  clock: Clock;
  files: FileStore;
}

const SETTING_NAMES: Record<RequiredSetting, string> = {
  'supplier.vatId': 'VAT id (DIČ / IČ DPH)',
  'supplier.bankAccount': 'bank account or IBAN',
  'supplier.companyId': 'registration number (IČO)',
  'supplier.address': 'full address (street, city, postal code, country)',
};

const PREVIEW_LIST_LIMIT = 500;

function require(ctx: RequestContext): void {
  if (!hasPermission(ctx.actor, 'exports.run')) throw forbidden();
}

function checkPeriod(period: string): void {
  failIf(problemsOf(invalidPeriod('period', period)));
}

/**
 * A POHODA export refused for VAT rates it has no name for, naming every document and
 * rate (error.rates, as values the page words in the user's language); the first of
 * them also as error.documentNumber, error.vatRateBp and error.country, as before.
 */
function unmappedRatesError(exporter: AccountingExporter, rates: readonly UnmappedVatRateFact[]): AppError {
  const each = rates.map((r) => ({ documentNumber: r.documentNumber, vatRateBp: r.vatRateBp, country: r.country }));
  const texts = each.map((r) => new UnmappedVatRate(r.country, r.vatRateBp, r.documentNumber).message);
  const what = texts.length === 1 ? texts[0] : `${texts.length} VAT rates have no POHODA rate: ${texts.join('; ')}`;
  return new AppError('validation', 'vat_rate_not_mapped', `${what}; ${exporter.label} knows only the rates of the document's country (an invoice's supplier's, an issue slip's provider's)`, {
    details: texts.map((message) => ({ path: 'period', code: 'vat_rate_not_mapped', message })),
    extra: { ...each[0], rates: each },
  });
}

/** An export refused for slips the format cannot write (POHODA: lines valued in two currencies), naming each slip. */
function unwritableSlipsError(exporter: AccountingExporter, problems: readonly SlipCurrenciesMixedFact[]): AppError {
  const what = problems.length === 1 ? problems[0]!.message : `${problems.length} issue slips cannot be written: ${problems.map((p) => p.message).join('; ')}`;
  return new AppError('validation', 'slip_currencies_mixed', `${what} (${exporter.label})`, {
    details: problems.map((p) => ({ path: 'period', code: 'slip_currencies_mixed', message: p.message })),
    extra: { documentNumbers: problems.map((p) => p.documentNumber), slips: problems.map((p) => ({ documentNumber: p.documentNumber, currencies: [...p.currencies] })) },
  });
}

function toBatch(row: repo.BatchRow): ExportBatch {
  return { ...row, downloadUrl: `/api/v1/exports/${row.id}/download` };
}

export function createExportsService(deps: ExportsDeps) {
  const { db, clock, files } = deps;

  /** Everything of the period the format can carry, each marked whether this format exported it before. */
  async function candidates(exporter: AccountingExporter, period: string) {
    const from = firstDayOf(period);
    const to = lastDayOf(period);
    const invoices = await repo.invoiceCandidates(db, exporter.format, from, to);
    const slips = exporter.carriesSlips ? await repo.slipCandidates(db, exporter.format, from, to) : [];
    return { from, to, invoices, slips };
  }

  function missingSettings(exporter: AccountingExporter, supplier: Supplier) {
    return exporter.missingSettings(supplier).map((setting) => ({ setting, message: `${exporter.label} needs the company's ${SETTING_NAMES[setting]}` }));
  }

  /**
   * Every document of the period and VAT rate the format has no name for (POHODA), each
   * document read as the export reads it and checked by the format's own rule; formats
   * that write any rate have none and read nothing.
   */
  async function vatRatesNotMapped(
    exporter: AccountingExporter, supplier: Supplier, invoices: repo.Candidate[], slips: repo.Candidate[],
    slipDocument: (id: number) => Promise<SlipDocument> = (id) => buildSlipDocument(db, id),
  ): Promise<ExportPreview['vatRatesNotMapped']> {
    const check = exporter.unmappedVatRates;
    if (!check) return [];
    const found: ExportPreview['vatRatesNotMapped'] = [];
    for (const c of invoices) {
      const doc = await invoiceDocument(db, c.id);
      // Turned back to a draft since it was listed: the export leaves it out too.
      if (doc.draft) continue;
      const kind = c.kind === 'credit_note' ? 'credit_note' : 'invoice';
      for (const fact of check({ kind: 'invoice', doc }, supplier)) found.push({ kind, id: c.id, exported: c.exported, ...fact });
    }
    for (const c of slips) {
      for (const fact of check({ kind: 'slip', doc: await slipDocument(c.id) }, supplier)) found.push({ kind: 'slip', id: c.id, exported: c.exported, ...fact });
    }
    return found;
  }

  /**
   * Every issue slip the format cannot write (POHODA: its material valued in two currencies),
   * each read as the export reads it and checked by the format's own rule, the preview's list
   * and the export's refusal alike; formats without such a rule (or without slips) have none.
   */
  async function slipCurrenciesMixed(
    exporter: AccountingExporter, slips: repo.Candidate[], slipDocument: (id: number) => Promise<SlipDocument>,
  ): Promise<ExportPreview['slipCurrenciesMixed']> {
    const check = exporter.unwritableSlip;
    if (!check) return [];
    const found: ExportPreview['slipCurrenciesMixed'] = [];
    for (const c of slips) {
      const problem = check(await slipDocument(c.id));
      if (problem) found.push({ kind: 'slip', id: c.id, documentNumber: problem.documentNumber, currencies: [...problem.currencies], exported: c.exported, message: problem.message });
    }
    return found;
  }

  /**
   * The preview's list: each document with its client and amount, an invoice's or credit note's
   * total with VAT as issued, a slip's sale price of its material (none when it was not priced).
   */
  async function listed(candidates: repo.Candidate[], slipDocument: (id: number) => Promise<SlipDocument>): Promise<ExportPreview['documents']> {
    const out: ExportPreview['documents'] = [];
    for (const c of candidates) {
      const amountMinor = c.kind === 'slip' ? (await slipDocument(c.id)).totalPriceMinor : c.totalMinor;
      out.push({ kind: c.kind, id: c.id, number: c.number, exported: c.exported, clientName: c.clientName, amountMinor, currency: amountMinor === null ? null : c.currency });
    }
    return out;
  }

  async function preview(ctx: RequestContext, format: ExportFormat, period: string): Promise<ExportPreview> {
    require(ctx);
    checkPeriod(period);
    const exporter = exporterFor(format);
    const { from, to, invoices, slips } = await candidates(exporter, period);
    const fresh = invoices.filter((c) => !c.exported);
    let newClients: number | null = null;
    if (exporter.carriesClients) {
      const ids = [...new Set(fresh.map((c) => c.clientId!))];
      newClients = ids.length - (await repo.clientsExported(db, format, ids)).size;
    }
    const all = [...invoices.map((c) => ({ ...c, kind: c.kind })), ...slips];
    const supplier = await loadSupplier(db);
    // A slip read once serves its rates, its currencies and its amount.
    const slipDocuments = new Map<number, Promise<SlipDocument>>();
    const slipDocument = (id: number) => slipDocuments.get(id) ?? slipDocuments.set(id, buildSlipDocument(db, id)).get(id)!;
    return {
      format,
      label: exporter.label,
      period,
      from,
      to,
      fileName: exporter.batch.fileName(period),
      toExport: {
        invoices: fresh.filter((c) => c.kind === 'invoice').length,
        creditNotes: fresh.filter((c) => c.kind === 'credit_note').length,
        slips: slips.filter((c) => !c.exported).length,
      },
      alreadyExported: all.filter((c) => c.exported).length,
      drafts: await repo.draftCount(db, from, to),
      creditNotesInLaterPeriods: await repo.laterCreditNotes(db, from, to),
      newClients,
      slips: exporter.carriesSlips ? 'included' : 'not_in_format',
      missingSettings: missingSettings(exporter, supplier),
      vatRatesNotMapped: await vatRatesNotMapped(exporter, supplier, invoices, slips, slipDocument),
      slipCurrenciesMixed: await slipCurrenciesMixed(exporter, slips, slipDocument),
      documents: await listed(all.slice(0, PREVIEW_LIST_LIMIT), slipDocument),
      truncated: all.length > PREVIEW_LIST_LIMIT,
    };
  }

  async function run(ctx: RequestContext, body: RunBody): Promise<ExportBatch> {
    return (await prepareRun(ctx, body)).run();
  }

  async function prepareRun(ctx: RequestContext, body: RunBody): Promise<PreparedExport> {
    require(ctx);
    checkPeriod(body.period);
    const exporter = exporterFor(body.format);
    const supplier = await loadSupplier(db);
    const missing = missingSettings(exporter, supplier);
    if (missing.length) {
      throw new AppError('conflict', 'missing_company_settings', `${exporter.label} export needs company settings that are not filled in: ${missing.map((m) => SETTING_NAMES[m.setting as RequiredSetting]).join(', ')} (Settings → Company)`, {
        details: missing.map((m) => ({ path: m.setting, code: 'missing_setting', message: m.message })),
      });
    }
    const { invoices, slips } = await candidates(exporter, body.period);
    const take = (c: repo.Candidate) => body.includeExported || !c.exported;
    const chosenInvoices = invoices.filter(take);
    const chosenSlips = slips.filter(take);
    if (chosenInvoices.length + chosenSlips.length === 0) {
      const already = invoices.length + slips.length;
      // The counts travel beside the English message so the page can say it in the user's language.
      throw new AppError(
        'conflict',
        'nothing_to_export',
        already > 0
          ? `Nothing new to export for ${body.period} in ${exporter.label}: all ${already} documents were exported before (choose "export again" to include them)`
          : `Nothing to export for ${body.period}: no issued invoices or credit notes${exporter.carriesSlips ? ' and no issue slips' : ''} in that period`,
        { extra: { period: body.period, alreadyExported: already } },
      );
    }
    // Every rate POHODA cannot take and every slip it cannot write, found by the preview's own rules
    // before a byte is written, so the refusal names them all (the writer would stop at the first).
    // A slip read once serves both checks.
    const slipDocuments = new Map<number, Promise<SlipDocument>>();
    const slipDocument = (id: number) => slipDocuments.get(id) ?? slipDocuments.set(id, buildSlipDocument(db, id)).get(id)!;
    const unmapped = await vatRatesNotMapped(exporter, supplier, chosenInvoices, chosenSlips, slipDocument);
    if (unmapped.length > 0) throw unmappedRatesError(exporter, unmapped);
    const unwritable = await slipCurrenciesMixed(exporter, chosenSlips, slipDocument);
    if (unwritable.length > 0) throw unwritableSlipsError(exporter, unwritable);
    return {
      total: chosenInvoices.length + chosenSlips.length,
      run: (onDocument) => write(ctx, body, exporter, supplier, chosenInvoices, chosenSlips, onDocument ?? (() => undefined)),
    };
  }

  async function write(
    ctx: RequestContext, body: RunBody, exporter: AccountingExporter, supplier: Supplier,
    chosenInvoices: repo.Candidate[], chosenSlips: repo.Candidate[], onDocument: (done: number) => void,
  ): Promise<ExportBatch> {
    const knownClients = exporter.carriesClients ? await repo.clientsExported(db, body.format, [...new Set(chosenInvoices.map((c) => c.clientId!))]) : new Set<number>();
    const exported: { kind: ExportDocumentKind; id: number }[] = [];
    const now = clock.now();
    let done = 0;

    // The batch writer asks for the next item only once it has written the one before,
    // so counting after each `yield` counts documents written, not merely read.
    async function* items(): AsyncGenerator<ExportItem> {
      for (const c of chosenInvoices) {
        const doc: InvoiceDocument = await invoiceDocument(db, c.id);
        // Issued when chosen; one turned back meanwhile is left out but still counted as handled.
        if (!doc.draft) {
          // POHODA: the client's address-book entry goes just before its first invoice ever exported.
          if (exporter.carriesClients && c.clientId !== null && !knownClients.has(c.clientId)) {
            knownClients.add(c.clientId);
            exported.push({ kind: 'client', id: c.clientId });
            yield { kind: 'client', clientId: c.clientId, party: doc.customer };
          }
          exported.push({ kind: 'invoice', id: c.id });
          yield { kind: 'invoice', doc };
        }
        onDocument(++done);
      }
      for (const c of chosenSlips) {
        exported.push({ kind: 'slip', id: c.id });
        yield { kind: 'slip', doc: await buildSlipDocument(db, c.id) };
        onDocument(++done);
      }
    }

    const packId = `KONTOR-${body.format.toUpperCase()}-${body.period}-${now.toISOString().replace(/\D/g, '').slice(0, 14)}`;
    let stored: { sha256: string; size: number };
    try {
      stored = await files.put(batchStream(exporter, { period: body.period, packId, supplier }, items(), now), Number.MAX_SAFE_INTEGER);
    } catch (error) {
      // Checked before writing, and issued documents keep their rates (invoice lines, slips' rates at issue), so the
      // writer should never meet one the check did not see; should it, it is still the same refusal, not a 500.
      if (error instanceof UnmappedVatRate) throw unmappedRatesError(exporter, [error]);
      if (error instanceof SlipCurrenciesMixed) throw unwritableSlipsError(exporter, [error]);
      if (error instanceof ZipLimitExceeded) throw new AppError('validation', 'batch_too_large', error.message, { details: [{ path: 'period', code: 'batch_too_large', message: error.message }] });
      throw error;
    }
    const documentCount = exported.filter((d) => d.kind !== 'client').length;
    const fileName = exporter.batch.fileName(body.period);
    const id = await db.transaction().execute(async (trx) => {
      const batchId = await repo.insertBatch(
        trx,
        {
          format: body.format, period: body.period, createdBy: ctx.actor.userId || null, createdAt: now.toISOString(), documentCount, fileName,
          mediaType: exporter.batch.mediaType, byteSize: stored.size, sha256: stored.sha256, includeExported: body.includeExported,
        },
        exported,
      );
      await recordAudit(trx, now, auditWhoOf(ctx), {
        entity: 'export_batch',
        entityId: batchId,
        action: 'create',
        after: { format: body.format, period: body.period, documentCount, fileName, sha256: stored.sha256, includeExported: body.includeExported },
      });
      return batchId;
    });
    return get(ctx, id);
  }

  async function get(ctx: RequestContext, id: number): Promise<ExportBatch> {
    require(ctx);
    const row = await repo.findBatch(db, id);
    if (!row) throw notFound('Export batch');
    return toBatch(row);
  }

  async function list(ctx: RequestContext, q: { period?: string | undefined; format?: string | undefined; invoiceId?: number | undefined; limit: number; cursor?: string | undefined }) {
    require(ctx);
    const afterId = q.cursor ? (decodeCursor(q.cursor, ['number'])[0] as number) : null;
    const rows = await repo.listBatches(db, q, afterId, q.limit + 1);
    return pageOf(rows, q.limit, (r) => [r.id], toBatch);
  }

  /** The stored file of a batch, streamed. */
  async function download(ctx: RequestContext, id: number): Promise<{ batch: ExportBatch; stream: Readable }> {
    const batch = await get(ctx, id);
    if (!files.exists(batch.sha256)) throw notFound('Export file');
    return { batch, stream: files.open(batch.sha256) };
  }

  /** One issued invoice or credit note as a single file of the format, outside any batch (nothing is marked exported). */
  async function documentFile(ctx: RequestContext, id: number, format: ExportFormat): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array }> {
    require(ctx);
    const exporter = exporterFor(format);
    const doc = await invoiceDocument(db, id);
    if (doc.draft) throw conflict('not_issued', 'A draft is not a tax document: issue it before exporting it');
    const missing = exporter.missingSettings(doc.supplier);
    if (missing.length) {
      throw new AppError('conflict', 'missing_company_settings', `${exporter.label} needs the supplier's ${missing.map((m) => SETTING_NAMES[m]).join(', ')}, which the document lacks`, {
        details: missing.map((m) => ({ path: m, code: 'missing_setting', message: `${exporter.label} needs the company's ${SETTING_NAMES[m]}` })),
      });
    }
    try {
      const charset = exporter.encoding === 'windows-1250' ? 'windows-1250' : 'utf-8';
      return { fileName: exporter.fileName(doc), mediaType: `${exporter.mediaType}; charset=${charset}`, bytes: exporter.exportDocument(doc) };
    } catch (error) {
      if (error instanceof UnmappedVatRate) {
        const all = exporter.unmappedVatRates?.({ kind: 'invoice', doc }, await loadSupplier(db)) ?? [];
        throw unmappedRatesError(exporter, all.length > 0 ? all : [error]);
      }
      throw error;
    }
  }

  return { preview, run, prepareRun, get, list, download, documentFile };
}

export type ExportsService = ReturnType<typeof createExportsService>;
