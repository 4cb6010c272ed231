import type { DbOrTx } from '../../platform/db/index.ts';

/**
 * The ticket list's rendered items, kept in memory between requests.
 *
 * Writing a page's fifty rows as JSON was most of the cost of a list page, and the
 * same open tickets of a queue are listed again and again while they change rarely.
 * An item is kept under two numbers, and used again only while both still hold:
 * - the ticket row's `row_rev`, which a database trigger raises with every change to
 *   the row, whoever makes it (migration 0026), read with the page's ids;
 * - the configuration version (platform/db/config-version.ts) for the names an item
 *   shows from other tables: type, state, queue (configuration tables) and client and
 *   assignee names (their triggers, migration 0026).
 * So a change made anywhere, by any process, is seen by the next read; what is kept
 * only spares rendering the same JSON again. Items read inside a transaction are not
 * kept (it may roll back, and a number could then come back with other content).
 */

/** At most this many items are kept (about 1 KB each); the least recently used go first. */
const CAPACITY = 20_000;

interface Entry {
  rev: number;
  configVersion: number;
  /** The item's JSON as UTF-8 bytes: sent as they are (shared/json-text.ts jsonBytes). */
  json: Buffer;
}

export class RenderedItems {
  // A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
  private readonly items = new Map<number, Entry>();

  constructor(private readonly capacity = CAPACITY) {}

  /** The item of ticket `id` if it was rendered at this row_rev and configuration version. */
  get(id: number, rev: number, configVersion: number): Buffer | undefined {
    const entry = this.items.get(id);
    if (!entry || entry.rev !== rev || entry.configVersion !== configVersion) return undefined;
    this.items.delete(id);
    this.items.set(id, entry);
    return entry.json;
  }

  set(id: number, rev: number, configVersion: number, json: Buffer): void {
    this.items.delete(id);
    this.items.set(id, { rev, configVersion, json });
    if (this.items.size > this.capacity) this.items.delete(this.items.keys().next().value as number);
  }

  get size(): number {
    return this.items.size;
  }
}

// Per database (its dialect adapter, shared by the database and its transactions).
const byDatabase = new WeakMap<object, RenderedItems>();

export function renderedItemsOf(db: DbOrTx): RenderedItems {
  const key = db.getExecutor().adapter;
  let items = byDatabase.get(key);
  if (!items) byDatabase.set(key, (items = new RenderedItems()));
  return items;
}
