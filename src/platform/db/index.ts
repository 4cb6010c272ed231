export { openDatabase, migrateToLatest, engineOf } from './database.ts';
export type { Db, Tx, DbOrTx, Engine, DatabaseHandle } from './database.ts';
export type * from './schema.ts';
export { uniqueViolationIndex, isForeignKeyViolation } from './errors.ts';
export { containsFolded } from './search.ts';
