import type { Selectable } from 'kysely';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, DbOrTx, SavedViewsTable } from '../../platform/db/index.ts';
import { detailsFromIssues } from '../../platform/http/errors.ts';
import { duplicate, forbidden, invalid, notFound } from '../../shared/errors.ts';
import { auditWhoOf, hasPermission, type RequestContext } from '../identity/index.ts';
import { require } from './tickets.context.ts';
import { listQuery } from './tickets.schemas.ts';

/**
 * Saved ticket views: a name and the filters of the ticket list
 * (GET /api/v1/tickets query parameters, without the paging cursor). A view is
 * the user's own, or shared with everyone who works tickets (stored with no
 * owner). Only holders of tickets.share_views share views and change or delete
 * shared ones; a view someone else keeps to themselves does not exist for others.
 */

export type ViewFilters = Record<string, string | number>;

export interface SavedView {
  id: number;
  name: string;
  filters: ViewFilters;
  shared: boolean;
  /** The caller's own view. */
  mine: boolean;
  /** The caller may change and delete it. */
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NewView {
  name: string;
  filters: Record<string, unknown>;
  shared: boolean;
}

export interface ViewPatch {
  name?: string | undefined;
  filters?: Record<string, unknown> | undefined;
  shared?: boolean | undefined;
}

type ViewRow = Selectable<SavedViewsTable>;

/** The list query minus paging: what a view may hold. Unknown keys (and `cursor`) are refused. */
const viewFilters = listQuery.omit({ cursor: true });

/** The filters as the ticket list reads them (numbers coerced), only the keys given; 400 naming `filters.<key>`. */
export function validateViewFilters(filters: Record<string, unknown>): ViewFilters {
  const parsed = viewFilters.safeParse(filters);
  if (!parsed.success) {
    const details = detailsFromIssues(parsed.error.issues).map((d) => ({ ...d, path: d.path ? `filters.${d.path}` : 'filters' }));
    throw invalid(details, 'The filters are not valid ticket list filters');
  }
  const data = parsed.data as Record<string, string | number | undefined>;
  return Object.fromEntries(Object.keys(filters).flatMap((key) => (data[key] === undefined ? [] : [[key, data[key]]])));
}

const findView = (db: DbOrTx, id: number) => db.selectFrom('saved_views').selectAll().where('id', '=', id).executeTakeFirst();

export function createViewsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const mayShare = (ctx: RequestContext) => hasPermission(ctx.actor, 'tickets.share_views');

  function toView(ctx: RequestContext, row: ViewRow): SavedView {
    const mine = row.user_id !== null && row.user_id === ctx.actor.userId;
    const shared = row.user_id === null;
    return {
      id: row.id,
      name: row.name,
      filters: JSON.parse(row.filters_json) as ViewFilters,
      shared,
      mine,
      editable: mine || (shared && mayShare(ctx)),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  const audited = (v: { name: string; filters: ViewFilters; shared: boolean }) => ({ name: v.name, filters: v.filters, shared: v.shared });

  /** A view the caller may change: someone else's private view is "not found", a shared one needs tickets.share_views. */
  async function editableRow(ctx: RequestContext, trx: DbOrTx, id: number): Promise<ViewRow> {
    const row = await findView(trx, id);
    if (!row || (row.user_id !== null && row.user_id !== ctx.actor.userId)) throw notFound('View');
    if (row.user_id === null && !mayShare(ctx)) throw forbidden('Only managers and administrators may change shared views');
    return row;
  }

  /**
   * 409 when the caller already sees a view of this name (their own or a shared one, case
   * aside): two menu entries of one name could not be told apart. `except`: the view renamed.
   */
  async function requireNewName(ctx: RequestContext, trx: DbOrTx, name: string, except: number | null = null): Promise<void> {
    const seen = await trx
      .selectFrom('saved_views')
      .select(['id', 'name'])
      .where((eb) => eb.or([eb('user_id', 'is', null), eb('user_id', '=', ctx.actor.userId)]))
      .execute();
    const key = name.trim().toLocaleLowerCase('cs');
    if (seen.some((v) => v.id !== except && v.name.trim().toLocaleLowerCase('cs') === key)) {
      throw duplicate('name', `You already have a view named "${name}"`);
    }
  }

  function requireShare(ctx: RequestContext): void {
    if (!mayShare(ctx)) throw forbidden('Only managers and administrators may share views');
  }

  async function list(ctx: RequestContext): Promise<SavedView[]> {
    require(ctx, 'tickets.read');
    const rows = await db
      .selectFrom('saved_views')
      .selectAll()
      .where((eb) => eb.or([eb('user_id', 'is', null), eb('user_id', '=', ctx.actor.userId)]))
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map((r) => toView(ctx, r));
  }

  async function create(ctx: RequestContext, input: NewView): Promise<SavedView> {
    require(ctx, 'tickets.read');
    if (input.shared) requireShare(ctx);
    const filters = validateViewFilters(input.filters);
    const now = clock.now();
    const at = now.toISOString();
    const row = await db.transaction().execute(async (trx) => {
      await requireNewName(ctx, trx, input.name);
      const created = await trx
        .insertInto('saved_views')
        .values({ user_id: input.shared ? null : ctx.actor.userId, name: input.name, filters_json: JSON.stringify(filters), created_at: at, updated_at: at })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'saved_view', entityId: created.id, action: 'create', after: audited({ name: input.name, filters, shared: input.shared }) });
      return created;
    });
    return toView(ctx, row);
  }

  async function update(ctx: RequestContext, id: number, patch: ViewPatch): Promise<SavedView> {
    require(ctx, 'tickets.read');
    const filters = patch.filters === undefined ? undefined : validateViewFilters(patch.filters);
    const now = clock.now();
    const at = now.toISOString();
    const row = await db.transaction().execute(async (trx) => {
      const before = await editableRow(ctx, trx, id);
      const wasShared = before.user_id === null;
      const shared = patch.shared ?? wasShared;
      if (shared && !wasShared) requireShare(ctx);
      if (patch.name !== undefined) await requireNewName(ctx, trx, patch.name, id);
      const after = await trx
        .updateTable('saved_views')
        // A shared view made private again becomes the view of whoever did it.
        .set({ name: patch.name, filters_json: filters === undefined ? undefined : JSON.stringify(filters), user_id: shared ? null : before.user_id ?? ctx.actor.userId, updated_at: at })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const was = audited({ name: before.name, filters: JSON.parse(before.filters_json) as ViewFilters, shared: wasShared });
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'saved_view', entityId: id, action: 'update', before: was, after: audited({ name: after.name, filters: JSON.parse(after.filters_json) as ViewFilters, shared }) });
      return after;
    });
    return toView(ctx, row);
  }

  async function remove(ctx: RequestContext, id: number): Promise<void> {
    require(ctx, 'tickets.read');
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const before = await editableRow(ctx, trx, id);
      await trx.deleteFrom('saved_views').where('id', '=', id).execute();
      const was = audited({ name: before.name, filters: JSON.parse(before.filters_json) as ViewFilters, shared: before.user_id === null });
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'saved_view', entityId: id, action: 'delete', before: was });
    });
  }

  return { list, create, update, remove };
}

export type ViewsService = ReturnType<typeof createViewsService>;
