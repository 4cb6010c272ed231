import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../shared/errors.ts';
import { DEFAULT_PATTERNS, formatInvoiceNumber, parseNumberingPattern, patternCapacity, variableSymbol, type DocumentType, type NumberingPattern } from './domain/index.ts';
import * as repo from './numbering.repo.ts';

export interface AllocatedNumber {
  /** The formatted document number, e.g. 'VY202600042'. */
  number: string;
  year: number;
  sequence: number;
  /** The number's digits for payments (at most 10); null when it has none. */
  variableSymbol: string | null;
}

// Patterns compiled once per text (they change rarely; the text is the key).
const compiled = new Map<string, NumberingPattern>();
function compile(pattern: string): NumberingPattern {
  let c = compiled.get(pattern);
  if (!c) {
    const parsed = parseNumberingPattern(pattern);
    if (!parsed.ok) throw new Error(`numbering: the stored pattern '${pattern}' is invalid (${parsed.problem})`);
    if (compiled.size > 100) compiled.clear();
    compiled.set(pattern, (c = parsed.pattern));
  }
  return c;
}

/**
 * The next number of a series for a document dated `date` (YYYY-MM-DD), in the
 * caller's transaction: gap-free per series and year, because the counter moves
 * only when the transaction that takes the number commits. The pattern in force
 * now formats it; a series missing its row (an install older than the seed)
 * gets its default pattern first.
 */
export async function allocateNumber(trx: Tx, documentType: DocumentType, date: string): Promise<AllocatedNumber> {
  const year = Number(date.slice(0, 4));
  let pattern = await repo.patternOf(trx, documentType);
  if (pattern === null) {
    await repo.insertSeriesIfMissing(trx, documentType, DEFAULT_PATTERNS[documentType], new Date().toISOString());
    pattern = (await repo.patternOf(trx, documentType))!;
  }
  const sequence = await repo.nextSequence(trx, documentType, year);
  const parsed = compile(pattern);
  if (sequence > patternCapacity(parsed)) {
    throw new AppError('conflict', 'numbering_series_full', `The numbering series of ${documentType.replace('_', ' ')}s is full for ${year} (pattern ${pattern}): widen its sequence token`);
  }
  const number = formatInvoiceNumber(parsed, year, sequence);
  return { number, year, sequence, variableSymbol: variableSymbol(number, documentType) };
}
