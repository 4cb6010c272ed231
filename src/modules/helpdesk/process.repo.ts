import type { Selectable } from 'kysely';
import type { DbOrTx, TicketStatesTable, TicketTransitionsTable, TicketTypesTable } from '../../platform/db/index.ts';
import { flag, parseJson } from './common.ts';
import type { ActiveFilter } from './common.schemas.ts';
import type { ProcessInput } from './domain/index.ts';
import type { TicketState, TicketTransition, TicketType } from './process.schemas.ts';

/** Ticket types with their processes (states and transitions) as stored. */

function toState(row: Selectable<TicketStatesTable>): TicketState {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    category: row.category,
    pausesSla: row.pauses_sla === 1,
    isInitial: row.is_initial === 1,
    sortOrder: row.sort_order,
  };
}

function toTransition(row: Selectable<TicketTransitionsTable>, states: Map<number, TicketState>): TicketTransition {
  return {
    id: row.id,
    from: states.get(row.from_state_id)?.code ?? '',
    to: states.get(row.to_state_id)?.code ?? '',
    fromStateId: row.from_state_id,
    toStateId: row.to_state_id,
    name: row.name,
    requiredFields: parseJson<string[]>(row.required_fields_json),
  };
}

function toType(row: Selectable<TicketTypesTable>, states: TicketState[], transitions: TicketTransition[]): TicketType {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    active: row.active === 1,
    sortOrder: row.sort_order,
    states,
    transitions,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Types with their processes, in display order. */
export async function listTypes(db: DbOrTx, filter: { active?: ActiveFilter; ids?: number[]; code?: string } = {}): Promise<TicketType[]> {
  let sel = db.selectFrom('ticket_types').selectAll();
  if (filter.active && filter.active !== 'all') sel = sel.where('active', '=', filter.active === 'true' ? 1 : 0);
  if (filter.ids) sel = sel.where('id', 'in', filter.ids.length ? filter.ids : [0]);
  if (filter.code !== undefined) sel = sel.where('code', '=', filter.code);
  const types = await sel.orderBy('sort_order').orderBy('id').execute();
  if (types.length === 0) return [];
  const typeIds = types.map((t) => t.id);
  const stateRows = await db.selectFrom('ticket_states').selectAll().where('type_id', 'in', typeIds).orderBy('sort_order').orderBy('id').execute();
  const transitionRows = await db.selectFrom('ticket_transitions').selectAll().where('type_id', 'in', typeIds).orderBy('id').execute();
  const states = new Map(stateRows.map((r) => [r.id, toState(r)]));
  return types.map((t) =>
    toType(
      t,
      stateRows.filter((s) => s.type_id === t.id).map((s) => states.get(s.id)!),
      transitionRows.filter((r) => r.type_id === t.id).map((r) => toTransition(r, states)),
    ),
  );
}

export async function findType(db: DbOrTx, id: number): Promise<TicketType | null> {
  return (await listTypes(db, { ids: [id] }))[0] ?? null;
}

export async function findTypeByCode(db: DbOrTx, code: string): Promise<TicketType | null> {
  return (await listTypes(db, { code }))[0] ?? null;
}

export interface TypeValues {
  code: string;
  name: string;
  active: boolean;
  sortOrder: number;
}

const typeColumns = (v: TypeValues) => ({ code: v.code, name: v.name, active: flag(v.active), sort_order: v.sortOrder });

export async function insertType(db: DbOrTx, v: TypeValues, at: string): Promise<number> {
  const row = await db.insertInto('ticket_types').values({ ...typeColumns(v), created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateType(db: DbOrTx, id: number, v: TypeValues, at: string): Promise<void> {
  await db.updateTable('ticket_types').set({ ...typeColumns(v), updated_at: at }).where('id', '=', id).execute();
}

/** How many tickets are in each of the states (states without tickets are absent). */
export async function ticketsPerState(db: DbOrTx, stateIds: readonly number[]): Promise<Map<number, number>> {
  if (stateIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('tickets')
    .select((eb) => ['state_id', eb.fn.countAll<number | string>().as('n')])
    .where('state_id', 'in', [...stateIds])
    .groupBy('state_id')
    .execute();
  return new Map(rows.map((r) => [r.state_id, Number(r.n)]));
}

/**
 * Replaces a type's process. States are matched by code and keep their ids,
 * because tickets point at them; a changed category is copied to the tickets in
 * that state (tickets keep it for lists and reports). The caller has checked
 * that no removed state still holds tickets.
 */
export async function writeProcess(db: DbOrTx, typeId: number, process: ProcessInput, at: string): Promise<void> {
  const existing = await db.selectFrom('ticket_states').selectAll().where('type_id', '=', typeId).execute();
  const byCode = new Map(existing.map((s) => [s.code, s]));
  const ids = new Map<string, number>();
  for (const s of process.states) {
    const columns = { name: s.name, category: s.category, pauses_sla: flag(s.pausesSla), is_initial: flag(s.isInitial), sort_order: s.sortOrder };
    const old = byCode.get(s.code);
    if (old) {
      await db.updateTable('ticket_states').set(columns).where('id', '=', old.id).execute();
      if (old.category !== s.category) {
        await db.updateTable('tickets').set({ state_category: s.category }).where('state_id', '=', old.id).execute();
      }
      ids.set(s.code, old.id);
    } else {
      const row = await db.insertInto('ticket_states').values({ ...columns, type_id: typeId, code: s.code }).returning('id').executeTakeFirstOrThrow();
      ids.set(s.code, row.id);
    }
  }
  await db.deleteFrom('ticket_transitions').where('type_id', '=', typeId).execute();
  const removed = existing.filter((s) => !ids.has(s.code)).map((s) => s.id);
  if (removed.length) await db.deleteFrom('ticket_states').where('id', 'in', removed).execute();
  if (process.transitions.length) {
    await db
      .insertInto('ticket_transitions')
      .values(
        process.transitions.map((t) => ({
          type_id: typeId,
          from_state_id: ids.get(t.from)!,
          to_state_id: ids.get(t.to)!,
          name: t.name,
          required_fields_json: JSON.stringify(t.requiredFields),
        })),
      )
      .execute();
  }
  await db.updateTable('ticket_types').set({ updated_at: at }).where('id', '=', typeId).execute();
}
