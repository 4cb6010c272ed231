import { preparedQuery, type DbOrTx } from '../../platform/db/index.ts';

/** Numbering series and counters as stored. */

export interface SeriesRow {
  documentType: string;
  pattern: string;
  version: number;
  updatedAt: string;
}

export async function listSeries(db: DbOrTx): Promise<SeriesRow[]> {
  const rows = await db.selectFrom('numbering_series').selectAll().orderBy('document_type').execute();
  return rows.map((r) => ({ documentType: r.document_type, pattern: r.pattern, version: r.version, updatedAt: r.updated_at }));
}

const patternQuery = preparedQuery((db, p: { type: string }) => db.selectFrom('numbering_series').select('pattern').where('document_type', '=', p.type));

export async function patternOf(db: DbOrTx, documentType: string): Promise<string | null> {
  const [row] = await patternQuery(db, { type: documentType });
  return row?.pattern ?? null;
}

/** Creates the series with this pattern unless it exists; true when it was created. */
export async function insertSeriesIfMissing(db: DbOrTx, documentType: string, pattern: string, at: string): Promise<boolean> {
  const r = await db
    .insertInto('numbering_series')
    .values({ document_type: documentType, pattern, updated_at: at })
    .onConflict((oc) => oc.column('document_type').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updatePattern(db: DbOrTx, documentType: string, pattern: string, at: string): Promise<void> {
  await db
    .updateTable('numbering_series')
    .set((eb) => ({ pattern, updated_at: at, version: eb('version', '+', 1) }))
    .where('document_type', '=', documentType)
    .execute();
}

/**
 * The next sequence of the series in the year: an upsert that increments the
 * counter row. On PostgreSQL it locks that row until the caller's transaction
 * ends, so concurrent issuers wait for each other and none skips or repeats a
 * number; on SQLite the single writer does the same.
 */
const nextSequenceQuery = preparedQuery((db, p: { type: string; year: number; one: number }) =>
  db
    .insertInto('numbering_counters')
    .values({ document_type: p.type, year: p.year, last_sequence: p.one })
    .onConflict((oc) => oc.columns(['document_type', 'year']).doUpdateSet((eb) => ({ last_sequence: eb('numbering_counters.last_sequence', '+', p.one) })))
    .returning('last_sequence'));

export async function nextSequence(db: DbOrTx, documentType: string, year: number): Promise<number> {
  const [row] = await nextSequenceQuery(db, { type: documentType, year, one: 1 });
  return Number(row!.last_sequence);
}

/** The highest sequence used in this year or a later one (documents may be dated ahead). */
export async function highestSequenceFrom(db: DbOrTx, documentType: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('numbering_counters')
    .select((eb) => eb.fn.max('last_sequence').as('m'))
    .where('document_type', '=', documentType)
    .where('year', '>=', year)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

export async function countersOfYear(db: DbOrTx, year: number): Promise<Map<string, number>> {
  const rows = await db.selectFrom('numbering_counters').select(['document_type', 'last_sequence']).where('year', '=', year).execute();
  return new Map(rows.map((r) => [r.document_type, Number(r.last_sequence)]));
}
