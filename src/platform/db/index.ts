export { openDatabase, migrateToLatest, engineOf } from './database.ts';
export type { Db, Tx, DbOrTx, Engine, DatabaseHandle } from './database.ts';
export type * from './schema.ts';
export { uniqueViolationIndex, isForeignKeyViolation } from './errors.ts';
export { containsFolded } from './search.ts';
export { indexTicketDocument, ticketMatches, searchTokens, isPostgres } from './fulltext.ts';
export { afterCursor, type SortKey } from './keyset.ts';
export type * from './tables/helpdesk.ts';
export type * from './tables/mail.ts';
