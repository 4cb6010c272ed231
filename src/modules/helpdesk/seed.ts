import { PostgresAdapter, sql } from 'kysely';
import { recordAudit } from '../../platform/audit/index.ts';
import type { DbOrTx, Tx } from '../../platform/db/index.ts';
import { DEFAULT_PRIORITY_MATRIX, DEFAULT_PROCESS, normalizeCalendar, type CalendarConfig, type SlaTargets } from './domain/index.ts';
import { DEFAULT_QUEUE_CODE, DEFAULT_TICKET_NUMBER_PREFIX, PRIORITY_MATRIX_KEY, TICKET_NUMBER_PREFIX_KEY } from './loaders.ts';
import * as processes from './process.repo.ts';
import * as queues from './queues.repo.ts';
import * as sla from './sla.repo.ts';

/** Names in English: the UI shows the known codes in the reader's language while they keep these names. */
export const DEFAULT_TYPES = [
  { code: 'incident', name: 'Incident', sortOrder: 10 },
  { code: 'service_request', name: 'Service request', sortOrder: 20 },
  { code: 'problem', name: 'Problem', sortOrder: 30 },
  { code: 'change', name: 'Change', sortOrder: 40 },
];

const officeHours = (timeZone: string, country: 'CZ' | 'SK'): CalendarConfig => {
  const day = [{ start: '08:00', end: '17:00' }];
  return normalizeCalendar({ timeZone, weekly: { 1: day, 2: day, 3: day, 4: day, 5: day, 6: [], 7: [] }, holidayCountries: [country], extraDaysOff: [] });
};

const DEFAULT_CALENDARS = [
  { name: 'CZ business hours', ...officeHours('Europe/Prague', 'CZ') },
  { name: 'SK business hours', ...officeHours('Europe/Bratislava', 'SK') },
];

const hours = (n: number) => n * 60;
const STANDARD_TARGETS: SlaTargets = {
  P1: { firstResponseMinutes: 30, resolutionMinutes: hours(4) },
  P2: { firstResponseMinutes: hours(1), resolutionMinutes: hours(8) },
  P3: { firstResponseMinutes: hours(4), resolutionMinutes: hours(16) },
  P4: { firstResponseMinutes: hours(8), resolutionMinutes: hours(40) },
};

/** Marks a database whose defaults were created once; later runs leave the administrator's changes alone. */
const SEEDED_KEY = 'helpdesk_seeded';
// Any constant: serialises seeding of several servers starting together on PostgreSQL.
const SEED_LOCK = 7_263_002;

/**
 * Creates the default helpdesk configuration where it is absent: ticket types
 * incident / service_request / problem / change with the default process, the
 * 'service_desk' queue, CZ and SK business-hours calendars, the default SLA
 * policy 'Standard', the priority matrix and the ticket number prefix 'T'.
 * Idempotent: each item is created only when missing, and after the first run
 * nothing is created again (so a renamed or retired default does not come back).
 * Returns what it created; audited as the system when it created anything.
 */
export async function seedDefaultHelpdesk(db: DbOrTx, at: Date): Promise<{ created: string[] }> {
  if (!db.isTransaction) return db.transaction().execute((trx) => seedDefaultHelpdesk(trx, at));
  const trx = db as Tx;
  if (trx.getExecutor().adapter instanceof PostgresAdapter) await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
  if (await sla.getSetting(trx, SEEDED_KEY)) return { created: [] };
  const when = at.toISOString();
  const created: string[] = [];

  for (const type of DEFAULT_TYPES) {
    if (await processes.findTypeByCode(trx, type.code)) continue;
    const id = await processes.insertType(trx, { ...type, active: true }, when);
    await processes.writeProcess(trx, id, DEFAULT_PROCESS, when);
    created.push(`ticket_type:${type.code}`);
  }

  if (!(await queues.findQueueByCode(trx, DEFAULT_QUEUE_CODE))) {
    await queues.insertQueue(trx, { code: DEFAULT_QUEUE_CODE, name: 'Service desk', leadUserId: null, members: [], active: true }, when);
    created.push(`queue:${DEFAULT_QUEUE_CODE}`);
  }

  const calendarIds: number[] = [];
  for (const calendar of DEFAULT_CALENDARS) {
    const existing = (await sla.listCalendars(trx, { name: calendar.name }))[0];
    calendarIds.push(existing ? existing.id : (await sla.insertCalendar(trx, calendar, when)).id);
    if (!existing) created.push(`calendar:${calendar.name}`);
  }

  if (!(await sla.listPolicies(trx, { name: 'Standard' })).length) {
    const isDefault = !(await sla.findDefaultPolicy(trx));
    const policy = { name: 'Standard', calendarId: calendarIds[0]!, targets: STANDARD_TARGETS, warnAtPercent: 80, isDefault, escalateToQueueId: null, active: true };
    await sla.insertPolicy(trx, policy, when);
    created.push('sla_policy:Standard');
  }

  for (const [key, value] of [
    [PRIORITY_MATRIX_KEY, DEFAULT_PRIORITY_MATRIX],
    [TICKET_NUMBER_PREFIX_KEY, DEFAULT_TICKET_NUMBER_PREFIX],
  ] as const) {
    if ((await sla.getSetting(trx, key)) === null) {
      await sla.putSetting(trx, key, value, when);
      created.push(`setting:${key}`);
    }
  }

  await sla.putSetting(trx, SEEDED_KEY, { at: when, version: 1 }, when);
  if (created.length) {
    await recordAudit(trx, at, { userId: null, tokenId: null, name: 'system (seed)', ip: null }, {
      entity: 'helpdesk_config',
      entityId: null,
      action: 'seed',
      after: { created },
    });
  }
  return { created };
}
