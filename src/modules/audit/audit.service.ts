import type { Db } from '../../platform/db/index.ts';
import { GENESIS_HASH, entryHash } from '../../platform/audit/index.ts';
import { decodeCursor, pageOf } from '../../shared/cursor.ts';
import { forbidden } from '../../shared/errors.ts';
import { hasPermission, type RequestContext } from '../identity/index.ts';

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

export interface AuditItem {
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
  /** The acting user's name now (looked up): names the user of an entry that recorded only the id, e.g. a failed sign-in. */
  actorUserName: string | null;
  /** How people name the entity now (looked up): a ticket's number, a client's or user's name; else null. */
  entityLabel: string | null;
}

/** Entities whose id a reader would rather see as a number or a name (entityLabel). */
const LABELLED_ENTITIES = ['ticket', 'client', 'user'] as const;
type LabelledEntity = (typeof LABELLED_ENTITIES)[number];
const isLabelled = (entity: string): entity is LabelledEntity => (LABELLED_ENTITIES as readonly string[]).includes(entity);
/** Entity ids are stored as text; only whole numbers can be the id of a row. */
const rowId = (id: string | null): number | null => (id !== null && /^[1-9]\d{0,14}$/.test(id) ? Number(id) : null);

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
    const names = await namesOf(rows);
    return pageOf(rows, q.limit, (r) => [r.id], (r) => ({
        id: r.id,
        at: r.at,
        actorUserId: r.actor_user_id,
        actorTokenId: r.actor_token_id,
        actorName: r.actor_name,
        ip: r.ip,
        entity: r.entity,
        entityId: r.entity_id,
        action: r.action,
        before: r.before_json === null ? null : JSON.parse(r.before_json),
        after: r.after_json === null ? null : JSON.parse(r.after_json),
        actorUserName: r.actor_user_id === null ? null : names.user.get(r.actor_user_id) ?? null,
        entityLabel: isLabelled(r.entity) ? names[r.entity].get(rowId(r.entity_id) ?? 0) ?? null : null,
      }));
  }

  /** The current names of the users, tickets and clients a page of entries refers to, by id: one query each. */
  async function namesOf(rows: Array<{ actor_user_id: number | null; entity: string; entity_id: string | null }>): Promise<Record<LabelledEntity, Map<number, string>>> {
    const idsOf = (entity: LabelledEntity) => rows.filter((r) => r.entity === entity).map((r) => rowId(r.entity_id)).filter((id): id is number => id !== null);
    const userIds = [...new Set([...idsOf('user'), ...rows.map((r) => r.actor_user_id).filter((id): id is number => id !== null)])];
    const ticketIds = [...new Set(idsOf('ticket'))];
    const clientIds = [...new Set(idsOf('client'))];
    const [users, tickets, clients] = await Promise.all([
      userIds.length ? db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute() : [],
      ticketIds.length ? db.selectFrom('tickets').select(['id', 'number as name']).where('id', 'in', ticketIds).execute() : [],
      clientIds.length ? db.selectFrom('clients').select(['id', 'name']).where('id', 'in', clientIds).execute() : [],
    ]);
    const byId = (list: Array<{ id: number; name: string }>) => new Map(list.map((x) => [x.id, x.name]));
    return { user: byId(users), ticket: byId(tickets), client: byId(clients) };
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
