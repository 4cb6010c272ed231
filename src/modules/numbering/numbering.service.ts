import { auditedChange } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, forbidden, notFound } from '../../shared/errors.ts';
import { auditWhoOf, hasPermission, type RequestContext } from '../identity/index.ts';
import { DOCUMENT_TYPES, formatInvoiceNumber, isDocumentType, patternChangeProblem } from './domain/index.ts';
import * as repo from './numbering.repo.ts';

export interface NumberingDeps {
  db: Db;
  clock: Clock;
}

export interface NumberingSeries {
  documentType: string;
  pattern: string;
  year: number;
  /** The last sequence used this year (0: none yet). */
  lastSequence: number;
  /** The number the next document of this year gets. */
  nextNumber: string | null;
  updatedAt: string;
}

/** Administrators choose the pattern of each numbering series; documents take numbers through allocateNumber. */
export function createNumberingService(deps: NumberingDeps) {
  const { db, clock } = deps;

  function requireManage(ctx: RequestContext): void {
    if (!hasPermission(ctx.actor, 'numbering.manage')) throw forbidden();
  }

  const year = () => clock.now().getUTCFullYear();

  function present(row: repo.SeriesRow, y: number, last: number): NumberingSeries {
    let nextNumber: string | null = null;
    try {
      nextNumber = formatInvoiceNumber(row.pattern, y, last + 1);
    } catch {
      nextNumber = null; // the series is full: the next document will be refused until the pattern is widened
    }
    return { documentType: row.documentType, pattern: row.pattern, year: y, lastSequence: last, nextNumber, updatedAt: row.updatedAt };
  }

  async function list(ctx: RequestContext): Promise<NumberingSeries[]> {
    requireManage(ctx);
    const y = year();
    const [rows, counters] = await Promise.all([repo.listSeries(db), repo.countersOfYear(db, y)]);
    return rows.filter((r) => isDocumentType(r.documentType)).map((r) => present(r, y, counters.get(r.documentType) ?? 0));
  }

  /**
   * A new pattern applies from the next number on; the year's sequence goes on
   * where it stands, so the year already started stays gap-free and no number is
   * issued twice. A pattern without room for the rest of the year is refused.
   */
  async function setPattern(ctx: RequestContext, documentType: string, pattern: string): Promise<NumberingSeries> {
    requireManage(ctx);
    if (!isDocumentType(documentType)) throw notFound(`Numbering series "${documentType}" (one of ${DOCUMENT_TYPES.join(', ')})`);
    const y = year();
    return auditedChange(deps, auditWhoOf(ctx), async (trx, at) => {
      const highest = await repo.highestSequenceFrom(trx, documentType, y);
      const problem = patternChangeProblem(pattern, highest);
      if (problem) throw new AppError('validation', problem.code, problem.message, { details: [{ path: 'pattern', ...problem }] });
      const before = await repo.patternOf(trx, documentType);
      if (before === null) await repo.insertSeriesIfMissing(trx, documentType, pattern, at);
      else await repo.updatePattern(trx, documentType, pattern, at);
      const row = (await repo.listSeries(trx)).find((r) => r.documentType === documentType)!;
      const last = (await repo.countersOfYear(trx, y)).get(documentType) ?? 0;
      return {
        result: present(row, y, last),
        audit: { entity: 'numbering_series', entityId: documentType, action: 'update', before: { pattern: before }, after: { pattern, continuesFrom: highest } },
      };
    });
  }

  return { list, setPattern };
}

export type NumberingService = ReturnType<typeof createNumberingService>;
