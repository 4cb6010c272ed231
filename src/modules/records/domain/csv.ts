/**
 * CSV in and out (pure, RFC 4180): quoted fields, doubled quotes, line breaks
 * inside quotes, CRLF or LF, a UTF-8 byte-order mark. The delimiter of a file
 * is ';' or ',' (whichever its header line uses): Czech Excel writes ';'.
 */

export const BOM = '\uFEFF';

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export function detectDelimiter(text: string): ';' | ',' {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** Rows of fields, each with the line it starts on; blank lines are skipped. */
export function parseCsv(input: string, delimiter = detectDelimiter(input)): { line: number; fields: string[] }[] {
  const text = input.replace(/^\uFEFF/, '');
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') out.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = text[i];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') throw new CsvSyntaxError(line, 'text after a closing quote');
        continue;
      }
      if (c === '\n') line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else field += c;
    i += 1;
  }
  if (quoted) throw new CsvSyntaxError(rowLine, 'a quoted field is not closed');
  if (field !== '' || fields.length) endRow();
  return out;
}

/**
 * Rows as objects keyed by the header's names (lower-cased, trimmed). A row with
 * more non-empty values than the header has columns keeps them in `extra`: they
 * belong to no column (often a text with the delimiter but without quotes), and
 * dropping them silently would lose data.
 */
export function csvObjects(input: string): { header: string[]; rows: { line: number; values: Record<string, string>; extra?: string[] }[] } {
  const [head, ...body] = parseCsv(input);
  if (!head) return { header: [], rows: [] };
  const header = head.fields.map((h) => h.trim().toLowerCase());
  return {
    header,
    rows: body.map((r) => {
      const extra = r.fields.slice(header.length).map((f) => f.trim());
      return {
        line: r.line,
        values: Object.fromEntries(header.map((h, i) => [h, (r.fields[i] ?? '').trim()])),
        ...(extra.some((f) => f !== '') ? { extra } : {}),
      };
    }),
  };
}

// Text a spreadsheet would run as a formula (CSV injection); numbers like "-5" are left alone.
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+([.,]\d+)?$/;

function cell(value: string | number | null, delimiter: string): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document with a BOM (Excel then reads it as UTF-8) and CRLF line ends. */
export function formatCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[], delimiter: ';' | ','): string {
  const lines = [header, ...rows].map((r) => r.map((v) => cell(v, delimiter)).join(delimiter));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
