import type { Selectable } from 'kysely';
import type { CalendarsTable, DbOrTx, SlaPoliciesTable } from '../../platform/db/index.ts';
import { flag, parseJson } from './common.ts';
import type { CalendarConfig, SlaTargets } from './domain/index.ts';
import type { Calendar, SlaPolicy } from './sla.schemas.ts';

/** Business calendars, SLA policies, settings and clients' policies as stored. */

function toCalendar(row: Selectable<CalendarsTable>): Calendar {
  const weekly = parseJson<Partial<Calendar['weekly']>>(row.weekly_json);
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    weekly: { 1: weekly[1] ?? [], 2: weekly[2] ?? [], 3: weekly[3] ?? [], 4: weekly[4] ?? [], 5: weekly[5] ?? [], 6: weekly[6] ?? [], 7: weekly[7] ?? [] },
    holidayCountries: parseJson(row.holiday_countries_json),
    extraDaysOff: parseJson(row.extra_days_off_json),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listCalendars(db: DbOrTx, filter: { ids?: number[]; name?: string } = {}): Promise<Calendar[]> {
  let sel = db.selectFrom('calendars').selectAll();
  if (filter.ids) sel = sel.where('id', 'in', filter.ids.length ? filter.ids : [0]);
  if (filter.name !== undefined) sel = sel.where('name', '=', filter.name);
  return (await sel.orderBy('name').orderBy('id').execute()).map(toCalendar);
}

export async function findCalendar(db: DbOrTx, id: number): Promise<Calendar | null> {
  return (await listCalendars(db, { ids: [id] }))[0] ?? null;
}

export type CalendarValues = CalendarConfig & { name: string };

function calendarColumns(v: CalendarValues) {
  return {
    name: v.name,
    time_zone: v.timeZone,
    weekly_json: JSON.stringify(v.weekly),
    holiday_countries_json: JSON.stringify(v.holidayCountries),
    extra_days_off_json: JSON.stringify(v.extraDaysOff),
  };
}

export async function insertCalendar(db: DbOrTx, v: CalendarValues, at: string): Promise<Calendar> {
  const row = await db.insertInto('calendars').values({ ...calendarColumns(v), created_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow();
  return toCalendar(row);
}

/** Writes only when the stored version is the one the caller read; null when it was not. */
export async function updateCalendar(db: DbOrTx, id: number, version: number, v: CalendarValues, at: string): Promise<Calendar | null> {
  const row = await db
    .updateTable('calendars')
    .set({ ...calendarColumns(v), version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row ? toCalendar(row) : null;
}

export async function deleteCalendar(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('calendars').where('id', '=', id).execute();
}

function toPolicy(row: Selectable<SlaPoliciesTable>): SlaPolicy {
  return {
    id: row.id,
    name: row.name,
    calendarId: row.calendar_id,
    targets: parseJson<SlaTargets>(row.targets_json),
    warnAtPercent: row.warn_at_percent,
    isDefault: row.is_default === 1,
    escalateToQueueId: row.escalate_to_queue_id,
    active: row.active === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listPolicies(
  db: DbOrTx,
  filter: { ids?: number[]; name?: string; calendarId?: number; isDefault?: boolean; escalateToQueueId?: number } = {},
): Promise<SlaPolicy[]> {
  let sel = db.selectFrom('sla_policies').selectAll();
  if (filter.ids) sel = sel.where('id', 'in', filter.ids.length ? filter.ids : [0]);
  if (filter.name !== undefined) sel = sel.where('name', '=', filter.name);
  if (filter.calendarId !== undefined) sel = sel.where('calendar_id', '=', filter.calendarId);
  if (filter.escalateToQueueId !== undefined) sel = sel.where('escalate_to_queue_id', '=', filter.escalateToQueueId);
  if (filter.isDefault !== undefined) sel = sel.where('is_default', '=', flag(filter.isDefault));
  return (await sel.orderBy('name').orderBy('id').execute()).map(toPolicy);
}

export async function findPolicy(db: DbOrTx, id: number): Promise<SlaPolicy | null> {
  return (await listPolicies(db, { ids: [id] }))[0] ?? null;
}

export async function findDefaultPolicy(db: DbOrTx): Promise<SlaPolicy | null> {
  return (await listPolicies(db, { isDefault: true }))[0] ?? null;
}

export type PolicyValues = Omit<SlaPolicy, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

function policyColumns(v: PolicyValues) {
  return {
    name: v.name,
    calendar_id: v.calendarId,
    targets_json: JSON.stringify(v.targets),
    warn_at_percent: v.warnAtPercent,
    is_default: flag(v.isDefault),
    escalate_to_queue_id: v.escalateToQueueId,
    active: flag(v.active),
  };
}

/**
 * Takes the default from every other policy, so exactly one stays the default. Their
 * version rises too: an editor still showing one of them as the default must not save
 * that back over the change.
 */
export async function clearDefaultExcept(db: DbOrTx, id: number, at: string): Promise<void> {
  await db
    .updateTable('sla_policies')
    .set((eb) => ({ is_default: 0, version: eb('version', '+', 1), updated_at: at }))
    .where('is_default', '=', 1)
    .where('id', '!=', id)
    .execute();
}

export async function insertPolicy(db: DbOrTx, v: PolicyValues, at: string): Promise<SlaPolicy> {
  const row = await db.insertInto('sla_policies').values({ ...policyColumns(v), created_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow();
  return toPolicy(row);
}

/** Writes only when the stored version is the one the caller read; null when it was not. */
export async function updatePolicy(db: DbOrTx, id: number, version: number, v: PolicyValues, at: string): Promise<SlaPolicy | null> {
  const row = await db
    .updateTable('sla_policies')
    .set({ ...policyColumns(v), version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row ? toPolicy(row) : null;
}

/* Settings: one JSON value per key. */

export async function getSetting<T>(db: DbOrTx, key: string): Promise<T | null> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
  return row ? parseJson<T>(row.value_json) : null;
}

export async function putSetting(db: DbOrTx, key: string, value: unknown, at: string): Promise<void> {
  const value_json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value_json, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: at }))
    .execute();
}

/* A client's policy (a column of clients; the client's scope is checked through customers' door). */

export async function clientPolicyId(db: DbOrTx, clientId: number): Promise<number | null> {
  const row = await db.selectFrom('clients').select('sla_policy_id').where('id', '=', clientId).executeTakeFirst();
  return row?.sla_policy_id ?? null;
}

export async function setClientPolicyId(db: DbOrTx, clientId: number, policyId: number | null): Promise<void> {
  await db.updateTable('clients').set({ sla_policy_id: policyId }).where('id', '=', clientId).execute();
}
