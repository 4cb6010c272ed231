import type { Db } from '../../platform/db/index.ts';
import { GENESIS_HASH, entryHash } from '../../platform/audit/index.ts';
import { decodeCursor, pageOf } from '../../shared/cursor.ts';
import { forbidden } from '../../shared/errors.ts';
import { hasPermission, type RequestContext } from '../identity/index.ts';
import { namesOfEntries, type EntryNames } from './audit.names.ts';

export interface AuditQuery {
  entity?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: number | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** An entry as recorded, with the names of what it refers to as they are now (EntryNames). */
export interface AuditItem extends EntryNames {
  id: number;
  at: string;
  actorUserId: number | null;
  actorTokenId: number | null;
  actorName: string | null;
  ip: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

const VERIFY_BATCH = 2000;

/** Reading the audit log (newest first) and checking its hash chain. Writing is platform/audit. */
export function createAuditService(deps: { db: Db }) {
  const { db } = deps;

  function requireRead(ctx: RequestContext): void {
    if (!hasPermission(ctx.actor, 'audit.read')) throw forbidden();
  }

  async function list(ctx: RequestContext, q: AuditQuery): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
    requireRead(ctx);
    let sel = db.selectFrom('audit_log').selectAll();
    if (q.entity) sel = sel.where('entity', '=', q.entity);
    if (q.entityId) sel = sel.where('entity_id', '=', q.entityId);
    if (q.actorUserId) sel = sel.where('actor_user_id', '=', q.actorUserId);
    if (q.action) sel = sel.where('action', '=', q.action);
    if (q.from) sel = sel.where('at', '>=', q.from);
    // A bare date as "to" means the whole of that day.
    if (q.to) sel = sel.where('at', '<', q.to.length === 10 ? `${q.to}T99` : q.to);
    if (q.cursor) sel = sel.where('id', '<', decodeCursor(q.cursor, ['number'])[0] as number);
    const rows = await sel.orderBy('id', 'desc').limit(q.limit + 1).execute();
    const entries = rows.slice(0, q.limit).map((r) => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actorTokenId: r.actor_token_id,
      actorName: r.actor_name,
      ip: r.ip,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
      after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
    }));
    const names = await namesOfEntries(db, entries);
    const items = new Map(entries.map((e, i): [number, AuditItem] => [e.id, { ...e, ...names[i]! }]));
    return pageOf(rows, q.limit, (r) => [r.id], (r) => items.get(r.id)!);
  }

  /** Recomputes every hash in order; the first entry whose hash or link does not match is reported. */
  async function verify(ctx: RequestContext | null): Promise<{ ok: boolean; checked: number; firstBrokenId: number | null }> {
    if (ctx) requireRead(ctx);
    let prev = GENESIS_HASH;
    let afterId = 0;
    let checked = 0;
    for (;;) {
      const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(VERIFY_BATCH).execute();
      for (const row of rows) {
        if (row.prev_hash !== prev || entryHash(prev, row) !== row.hash) return { ok: false, checked, firstBrokenId: row.id };
        prev = row.hash;
        checked++;
      }
      const last = rows.at(-1);
      if (!last || rows.length < VERIFY_BATCH) return { ok: true, checked, firstBrokenId: null };
      afterId = last.id;
    }
  }

  return { list, verify };
}

export type AuditService = ReturnType<typeof createAuditService>;
