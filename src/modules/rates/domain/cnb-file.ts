/**
 * The Czech National Bank's daily rate file (kurzy devizového trhu, denni_kurz.txt):
 *
 *   27.11.2026 #230
 *   země|měna|množství|kód|kurz
 *   EMU|euro|1|EUR|24,305
 *   Maďarsko|forint|100|HUF|6,543
 *
 * The first line is the day the rates are valid for and the number of the
 * publication in its year; then a header; then one currency a line: country,
 * currency name, the amount the rate is for, the ISO code and the rate in crowns
 * with a decimal comma. A file is taken whole or not at all: every problem is
 * named with its line number.
 */
import { isoDateProblem } from '../../../shared/calendar/index.ts';
import { isAmount, millionthsOf } from './listed-rate.ts';

export const CNB_HEADER = 'země|měna|množství|kód|kurz';

export interface CnbRate {
  readonly currency: string;
  readonly amount: number;
  readonly millionths: number;
}

export interface CnbProblem {
  /** 1-based line of the file. */
  readonly line: number;
  readonly code: 'empty_file' | 'bad_date_line' | 'bad_header' | 'bad_line' | 'bad_currency' | 'bad_amount' | 'bad_rate' | 'duplicate_currency' | 'no_rates';
  readonly message: string;
}

export type CnbFile = { readonly ok: true; readonly day: string; readonly rates: readonly CnbRate[] } | { readonly ok: false; readonly problems: readonly CnbProblem[] };

const DATE_LINE = /^(\d{2})\.(\d{2})\.(\d{4})\s+#\d+$/;
const CODE = /^[A-Z]{3}$/;
const RATE = /^\d{1,9}(?:,\d{1,6})?$/;

export function parseCnbFile(text: string): CnbFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  if (lines.length === 0) return { ok: false, problems: [{ line: 1, code: 'empty_file', message: 'The file is empty; expected the ČNB daily rates (first line e.g. "27.11.2026 #230")' }] };

  const problems: CnbProblem[] = [];
  const first = lines[0]!.trim();
  const date = DATE_LINE.exec(first);
  const day = date ? `${date[3]}-${date[2]}-${date[1]}` : null;
  const dayProblem = day === null ? null : isoDateProblem(day);
  if (day === null) {
    problems.push({ line: 1, code: 'bad_date_line', message: `Line 1 must be the day and number of the list, e.g. "27.11.2026 #230"; found "${clip(first)}"` });
  } else if (dayProblem !== null) {
    problems.push({ line: 1, code: 'bad_date_line', message: `Line 1 names a day that does not exist: ${dayProblem}` });
  }
  if ((lines[1] ?? '').trim().toLowerCase() !== CNB_HEADER) {
    problems.push({ line: 2, code: 'bad_header', message: `Line 2 must be the header "${CNB_HEADER}"; found "${clip(lines[1] ?? '')}"` });
  }

  const rates: CnbRate[] = [];
  const seen = new Set<string>();
  lines.slice(2).forEach((raw, i) => {
    const line = i + 3;
    if (raw.trim() === '') return;
    const fields = raw.split('|').map((f) => f.trim());
    if (fields.length !== 5) {
      problems.push({ line, code: 'bad_line', message: `Line ${line} must have 5 fields separated by "|" (země|měna|množství|kód|kurz); found ${fields.length}: "${clip(raw)}"` });
      return;
    }
    const [, , amountText, currency, rateText] = fields as [string, string, string, string, string];
    const amount = /^\d{1,7}$/.test(amountText) ? Number(amountText) : NaN;
    const millionths = RATE.test(rateText) ? millionthsOf(rateText.replace(',', '.')) : null;
    if (!CODE.test(currency)) problems.push({ line, code: 'bad_currency', message: `Line ${line}: "${clip(currency)}" is not a currency code (three capital letters, e.g. EUR)` });
    else if (seen.has(currency)) problems.push({ line, code: 'duplicate_currency', message: `Line ${line}: ${currency} is listed twice` });
    if (!isAmount(amount)) problems.push({ line, code: 'bad_amount', message: `Line ${line}: the amount "${clip(amountText)}" must be 1, 10, 100, 1000 or another power of ten` });
    if (millionths === null) problems.push({ line, code: 'bad_rate', message: `Line ${line}: the rate "${clip(rateText)}" is not a number above zero with a decimal comma and at most 6 decimals, e.g. 24,305` });
    if (CODE.test(currency) && !seen.has(currency) && isAmount(amount) && millionths !== null) rates.push({ currency, amount, millionths });
    seen.add(currency);
  });
  if (problems.length === 0 && rates.length === 0) problems.push({ line: lines.length + 1, code: 'no_rates', message: 'The file lists no rates after its header' });
  return problems.length > 0 || day === null ? { ok: false, problems } : { ok: true, day, rates };
}

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
