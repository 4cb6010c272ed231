import { detailsFromIssues } from '../../platform/http/errors.ts';
import { AppError, invalid, type ErrorDetail } from '../../shared/errors.ts';
import type { RequestContext } from '../identity/index.ts';
import { require, visibleTicket, type RecordsDeps } from './records.context.ts';
import { bulkRowSchema, type BulkReport } from './records.schemas.ts';
import type { ReadyRecord, RecordsService } from './records.service.ts';
import { CsvSyntaxError, csvObjects } from './domain/csv.ts';

/** A row to import: its number (array index, or line of a file), what it says, and problems found while reading it. */
export interface IncomingRow {
  row: number;
  data: unknown;
  problems: ErrorDetail[];
}

/** The columns of `kontor import records` (see docs/USER-GUIDE.md, "Service records"). */
export const IMPORT_COLUMNS = [
  'ticket', 'kind', 'technician', 'date', 'start', 'end', 'minutes', 'work_type', 'billable', 'time_class',
  'km', 'zone', 'vehicle', 'fee', 'quantity', 'description', 'internal_note',
] as const;

/** File columns that name a field of a record by another name. */
const COLUMN_FIELD: Record<string, string> = {
  ticket: 'ticketId', technician: 'technicianId', work_type: 'workTypeId', zone: 'zoneId', fee: 'feeId', start: 'startTime', end: 'endTime',
  time_class: 'timeClass', internal_note: 'internalNote',
};

/** The other way round, so that a problem of a file's row names its column, not the API's field. */
const FIELD_COLUMN: Record<string, string> = Object.fromEntries(Object.entries(COLUMN_FIELD).map(([column, field]) => [field, column]));

/**
 * A date or time as a spreadsheet writes it back: Czech and Slovak Excel turns
 * 2026-10-05 into 5.10.2026 (or 05.10.2026) and 09:00 into 9:00 or 9:00:00 when it
 * saves a CSV file. Those are read as the ISO forms; anything else is left to the
 * record's own checks.
 */
function fromSpreadsheetDate(text: string | undefined): string | undefined {
  const czech = text?.match(/^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/);
  return czech ? `${czech[3]}-${czech[2]!.padStart(2, '0')}-${czech[1]!.padStart(2, '0')}` : text;
}

function fromSpreadsheetTime(text: string | undefined): string | undefined {
  const short = text?.match(/^(\d{1,2}):(\d{2})(?::00)?$/);
  return short ? `${short[1]!.padStart(2, '0')}:${short[2]}` : text;
}

const YES = new Set(['1', 'true', 'yes', 'y', 'ano', 'a']);
const NO = new Set(['0', 'false', 'no', 'n', 'ne']);

/**
 * Many records at once, all or nothing: every row is checked and priced first;
 * if any is refused, nothing is written and the report names each row's reasons.
 */
export function createRecordsBulk(deps: RecordsDeps & { records: RecordsService }) {
  const { db, clock, records } = deps;

  async function importRows(
    ctx: RequestContext,
    rows: readonly IncomingRow[],
    options: { dryRun: boolean; pathPrefix: string; columns?: Record<string, string> },
  ): Promise<BulkReport> {
    // A file's rows are reported by column (work_type), the API's by field (workTypeId).
    const named = (d: ErrorDetail): ErrorDetail => {
      const [head = '', ...rest] = d.path.split('.');
      const column = options.columns?.[head];
      return column ? { ...d, path: [column, ...rest].join('.') } : d;
    };
    require(ctx, 'records.write');
    if (!rows.length) throw invalid([{ path: '', code: 'empty', message: 'There are no records to import' }]);
    const accepted: { row: number; ready: ReadyRecord }[] = [];
    const rejected: BulkReport['rejected'] = [];
    for (const r of rows) {
      const parsed = bulkRowSchema.safeParse(r.data);
      let reasons = [...r.problems];
      // A column already reported (an unknown code) is not reported again as the missing id it left.
      const covered = new Set(r.problems.map((p) => COLUMN_FIELD[p.path] ?? p.path));
      if (!parsed.success) reasons.push(...detailsFromIssues(parsed.error.issues).filter((d) => !covered.has(d.path.split('.')[0]!)));
      else if (!reasons.length) {
        const ticket = await visibleTicket(db, ctx, parsed.data.ticketId).catch(() => null);
        if (!ticket) reasons.push({ path: 'ticketId', code: 'unknown_reference', message: 'No such ticket (or not in your queues)' });
        else {
          const { ticketId: _ticketId, ...input } = parsed.data;
          const prepared = await records.prepareNew(ctx, ticket, input);
          if (prepared.ok) accepted.push({ row: r.row, ready: prepared });
          reasons = prepared.problems;
        }
      }
      if (reasons.length) rejected.push({ row: r.row, reasons: reasons.map(named) });
    }
    const priceStatus = (r: ReadyRecord) => (r.price.price_error ? 'no_price' : 'priced') as 'priced' | 'no_price';
    if (rejected.length) {
      const report: BulkReport = { dryRun: options.dryRun, imported: 0, accepted: accepted.map((a) => ({ row: a.row, id: null, priceStatus: priceStatus(a.ready) })), rejected };
      throw new AppError('validation', 'bulk_rejected', `${rejected.length} of ${rows.length} rows are not valid; nothing was imported`, {
        details: rejected.flatMap((r) => r.reasons.map((d) => ({ ...d, path: `${options.pathPrefix}${r.row}${d.path ? `.${d.path}` : ''}` }))),
        extra: { report },
      });
    }
    if (options.dryRun) return { dryRun: true, imported: 0, accepted: accepted.map((a) => ({ row: a.row, id: null, priceStatus: priceStatus(a.ready) })), rejected: [] };
    const now = clock.now();
    const ids = await db.transaction().execute(async (trx) => {
      const out: number[] = [];
      for (const a of accepted) out.push((await records.insertPrepared(trx, ctx, a.ready, now)).id);
      return out;
    });
    return { dryRun: false, imported: ids.length, accepted: accepted.map((a, i) => ({ row: a.row, id: ids[i]!, priceStatus: priceStatus(a.ready) })), rejected: [] };
  }

  /** POST /records/bulk: an array of records, each with its ticketId; `row` is the array index. */
  function bulk(ctx: RequestContext, rows: readonly unknown[], options: { dryRun: boolean }): Promise<BulkReport> {
    return importRows(ctx, rows.map((data, row) => ({ row, data, problems: [] })), { ...options, pathPrefix: '' });
  }

  /** A CSV file of records (columns IMPORT_COLUMNS, ';' or ','); `row` is the line in the file. */
  async function importCsv(ctx: RequestContext, text: string, options: { dryRun: boolean }): Promise<BulkReport> {
    require(ctx, 'records.write');
    let table: ReturnType<typeof csvObjects>;
    try {
      table = csvObjects(text);
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw invalid([{ path: `line ${error.line}`, code: 'csv_syntax', message: error.message }]);
      throw error;
    }
    if (!table.header.length) throw invalid([{ path: '', code: 'empty', message: 'The file is empty: it needs a header line and a line for each record' }]);
    const unknown = table.header.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h));
    const missing = ['ticket', 'date'].filter((h) => !table.header.includes(h));
    if (unknown.length || missing.length) {
      throw invalid([
        ...unknown.map((h) => ({ path: h, code: 'unknown_column', message: `Unknown column "${h}"; columns: ${IMPORT_COLUMNS.join(', ')}` })),
        ...missing.map((h) => ({ path: h, code: 'required', message: `The column "${h}" is missing` })),
      ]);
    }
    const lookup = await lookups(table.rows.map((r) => r.values.ticket ?? '').filter((t) => t && !/^\d+$/.test(t)));
    const rows = table.rows.map(({ line, values: v, extra }) => {
      const problems: ErrorDetail[] = [];
      if (extra) {
        problems.push({
          path: '',
          code: 'too_many_values',
          message: `${table.header.length + extra.length} values, but the header has ${table.header.length} columns; put a text that contains the delimiter in double quotes`,
        });
      }
      const ref = (column: string, map: Map<string, number>, what: string) => {
        const key = v[column]?.toLowerCase();
        if (!key) return undefined;
        const found = map.get(key);
        if (found === undefined) problems.push({ path: column, code: 'unknown_reference', message: `No ${what} "${v[column]}"` });
        return found;
      };
      const num = (column: string) => {
        const text = v[column];
        if (!text) return undefined;
        if (!/^-?\d+$/.test(text)) problems.push({ path: column, code: 'invalid_number', message: `"${text}" is not a whole number` });
        return Number(text);
      };
      const text = (column: string) => v[column] || undefined;
      const dateOrTime = (column: string, read: (t: string | undefined) => string | undefined, iso: RegExp, example: string) => {
        const value = read(text(column));
        if (value !== undefined && !iso.test(value)) problems.push({ path: column, code: 'invalid_format', message: `"${v[column]}" is not a ${column === 'date' ? 'date' : 'time'}: write ${example}` });
        return value;
      };
      const billable = v.billable?.toLowerCase();
      if (billable && !YES.has(billable) && !NO.has(billable)) problems.push({ path: 'billable', code: 'invalid_boolean', message: `"${v.billable}" is not yes or no` });
      const ticketText = v.ticket ?? '';
      const ticketId = /^\d+$/.test(ticketText) ? Number(ticketText) : lookup.tickets.get(ticketText.toUpperCase());
      if (ticketId === undefined) problems.push({ path: 'ticket', code: ticketText ? 'unknown_reference' : 'required', message: ticketText ? `No ticket "${ticketText}"` : 'Name the ticket (number or id)' });
      const data = Object.fromEntries(Object.entries({
        ticketId, kind: text('kind')?.toLowerCase() ?? 'work', technicianId: ref('technician', lookup.users, 'active user with the e-mail'),
        date: dateOrTime('date', fromSpreadsheetDate, /^\d{4}-\d{2}-\d{2}$/, '2026-10-05 or 5.10.2026'),
        startTime: dateOrTime('start', fromSpreadsheetTime, /^\d{2}:\d{2}$/, '09:00 or 9:00'),
        endTime: dateOrTime('end', fromSpreadsheetTime, /^\d{2}:\d{2}$/, '17:30'),
        minutes: num('minutes'),
        workTypeId: ref('work_type', lookup.workTypes, 'work type'), timeClass: text('time_class'),
        billable: billable ? YES.has(billable) : undefined, km: text('km')?.replace(',', '.'), zoneId: ref('zone', lookup.zones, 'travel zone'),
        vehicle: text('vehicle'), feeId: ref('fee', lookup.fees, 'unit fee'), quantity: text('quantity')?.replace(',', '.'),
        description: text('description'), internalNote: text('internal_note'),
      }).filter(([, value]) => value !== undefined));
      return { row: line, data, problems };
    });
    return importRows(ctx, rows, { ...options, pathPrefix: 'line ', columns: FIELD_COLUMN });
  }

  /** Codes, e-mails and ticket numbers of a file, to ids. */
  async function lookups(ticketNumbers: string[]) {
    const [workTypes, zones, fees, users] = await Promise.all([
      db.selectFrom('work_types').select(['id', 'code']).execute(),
      db.selectFrom('travel_zones').select(['id', 'code']).execute(),
      db.selectFrom('unit_fees').select(['id', 'code']).execute(),
      db.selectFrom('users').select(['id', 'email as code']).where('active', '=', 1).execute(),
    ]);
    const map = (rows: { id: number; code: string }[]) => new Map(rows.map((r) => [r.code.toLowerCase(), r.id]));
    const tickets = new Map<string, number>();
    const numbers = [...new Set(ticketNumbers.map((n) => n.toUpperCase()))];
    for (let i = 0; i < numbers.length; i += 500) {
      const found = await db.selectFrom('tickets').select(['id', 'number']).where('number', 'in', numbers.slice(i, i + 500)).execute();
      for (const t of found) tickets.set(t.number.toUpperCase(), t.id);
    }
    return { workTypes: map(workTypes), zones: map(zones), fees: map(fees), users: map(users), tickets };
  }

  return { bulk, importCsv };
}

export type RecordsBulk = ReturnType<typeof createRecordsBulk>;
