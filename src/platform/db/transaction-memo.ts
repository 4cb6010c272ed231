import type { Tx } from './database.ts';

/**
 * What a transaction has learnt about its own writes and may reuse while it lasts
 * (e.g. the head of the audit chain after the entry it appended last), so that it
 * need not read it back.
 *
 * It holds only while everything the transaction wrote stays written: rolling back
 * to a savepoint (a failed unit of a write batch, batch.ts) forgets it all. A new
 * transaction is a new Tx object, so nothing outlives the transaction it was learnt in.
 */
const memos = new WeakMap<Tx, Map<string, unknown>>();

export function transactionMemo(trx: Tx): Map<string, unknown> {
  let memo = memos.get(trx);
  if (!memo) memos.set(trx, (memo = new Map()));
  return memo;
}

/** After a rollback to a savepoint: what the transaction remembered may have been undone. */
export function forgetTransactionMemo(trx: Tx): void {
  memos.delete(trx);
}
