import { configVersion, type DbOrTx } from '../../platform/db/index.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import { DEFAULT_PRIORITY_MATRIX, type CalendarConfig, type PriorityMatrix, type SlaTargets, type StateCategory } from './domain/index.ts';
import * as processes from './process.repo.ts';
import type { TicketType } from './process.schemas.ts';
import * as queues from './queues.repo.ts';
import type { Queue } from './queues.schemas.ts';
import * as sla from './sla.repo.ts';
import * as taxonomy from './taxonomy.repo.ts';
import type { CustomField } from './taxonomy.schemas.ts';

/**
 * Read-only access to the configuration for the tickets module: what it needs
 * to create, validate and move a ticket. Plain functions over db-or-transaction,
 * so they join the caller's transaction; no permission checks (the caller's own).
 */

export const PRIORITY_MATRIX_KEY = 'priority_matrix';
export const TICKET_NUMBER_PREFIX_KEY = 'ticket_number_prefix';
export const DEFAULT_TICKET_NUMBER_PREFIX = 'T';
export const DEFAULT_QUEUE_CODE = 'service_desk';

export interface LoadedProcess {
  typeId: number;
  type: { id: number; code: string; name: string; active: boolean };
  states: { id: number; code: string; name: string; category: StateCategory; pausesSla: boolean; isInitial: boolean; sortOrder: number }[];
  transitions: { id: number; from: string; to: string; fromStateId: number; toStateId: number; name: string; requiredFields: string[] }[];
}

function toProcess(type: TicketType): LoadedProcess {
  const { id, code, name, active, states, transitions } = type;
  return { typeId: id, type: { id, code, name, active }, states, transitions };
}

/** A type's process (the shape of tickets' `Process`), or null for an unknown type. */
export async function loadProcess(db: DbOrTx, typeId: number): Promise<LoadedProcess | null> {
  const type = await processes.findType(db, typeId);
  return type ? toProcess(type) : null;
}

/** A type's process by the type's code (tickets are created with `typeCode`). */
export async function loadProcessByCode(db: DbOrTx, code: string): Promise<LoadedProcess | null> {
  const type = await processes.findTypeByCode(db, code);
  return type ? toProcess(type) : null;
}

/** An SLA policy with its calendar, in the shape of the SLA core's `SlaPolicy` (id as number). */
export interface EffectiveSlaPolicy {
  id: number;
  name: string;
  calendar: CalendarConfig;
  targets: SlaTargets;
  warnAtPercent: number;
  escalateToQueueId: number | null;
}

/** A policy with its calendar by id (a ticket keeps the policy it started with), or null. */
export async function getSlaPolicy(db: DbOrTx, policyId: number): Promise<EffectiveSlaPolicy | null> {
  const policy = await sla.findPolicy(db, policyId);
  const calendar = policy && (await sla.findCalendar(db, policy.calendarId));
  if (!policy || !calendar) return null;
  const { timeZone, weekly, holidayCountries, extraDaysOff } = calendar;
  return {
    id: policy.id,
    name: policy.name,
    calendar: { timeZone, weekly, holidayCountries, extraDaysOff },
    targets: policy.targets,
    warnAtPercent: policy.warnAtPercent,
    escalateToQueueId: policy.escalateToQueueId,
  };
}

/** The client's policy when it has an active one, else the default policy; null when there is none at all. */
export async function getSlaPolicyForClient(db: DbOrTx, clientId: number): Promise<EffectiveSlaPolicy | null> {
  const own = await sla.clientPolicyId(db, clientId);
  const ownPolicy = own === null ? null : await sla.findPolicy(db, own);
  const policy = ownPolicy?.active ? ownPolicy : await sla.findDefaultPolicy(db);
  return policy ? getSlaPolicy(db, policy.id) : null;
}

/** matrix[impact][urgency] → priority; the default matrix until an administrator sets one. */
export async function getPriorityMatrix(db: DbOrTx): Promise<PriorityMatrix> {
  return (await sla.getSetting<PriorityMatrix>(db, PRIORITY_MATRIX_KEY)) ?? DEFAULT_PRIORITY_MATRIX;
}

/** The prefix of ticket numbers ('T' → T2026-000123). */
export async function getTicketNumberPrefix(db: DbOrTx): Promise<string> {
  return (await sla.getSetting<string>(db, TICKET_NUMBER_PREFIX_KEY)) ?? DEFAULT_TICKET_NUMBER_PREFIX;
}

/** The active custom fields a ticket of the type carries (its own and the global ones), in form order. */
export async function listCustomFields(db: DbOrTx, typeId: number): Promise<CustomField[]> {
  return taxonomy.listFields(db, { typeId, active: 'true' });
}

export interface ResolvedDimensionValue {
  dimensionId: number;
  dimension: string;
  valueId: number;
  value: string;
  valueName: string;
}

/**
 * Resolves `{ dimensionCode: valueCode }` of a ticket request: each dimension
 * and value must exist and be active. A null value clears the dimension.
 * Problems name `<prefix>.<dimensionCode>`.
 */
export async function resolveDimensionValues(
  db: DbOrTx,
  input: Readonly<Record<string, string | null>>,
  prefix = 'dimensions',
): Promise<{ values: ResolvedDimensionValue[]; cleared: number[]; problems: ErrorDetail[] }> {
  const dimensions = Object.keys(input).length ? await taxonomy.listDimensions(db) : [];
  const values: ResolvedDimensionValue[] = [];
  const cleared: number[] = [];
  const problems: ErrorDetail[] = [];
  for (const [code, valueCode] of Object.entries(input)) {
    const path = `${prefix}.${code}`;
    const dimension = dimensions.find((d) => d.code === code);
    if (!dimension || (!dimension.active && valueCode !== null)) {
      problems.push({ path, code: 'unknown_dimension', message: `No active dimension "${code}"` });
      continue;
    }
    if (valueCode === null) {
      cleared.push(dimension.id);
      continue;
    }
    const value = dimension.values.find((v) => v.code === valueCode);
    if (!value) problems.push({ path, code: 'unknown_dimension_value', message: `"${valueCode}" is not a value of ${dimension.name}` });
    else if (!value.active) problems.push({ path, code: 'inactive', message: `"${valueCode}" of ${dimension.name} is deactivated` });
    else values.push({ dimensionId: dimension.id, dimension: dimension.code, valueId: value.id, value: value.code, valueName: value.name });
  }
  return { values, cleared, problems };
}

export const findQueue = (db: DbOrTx, id: number): Promise<Queue | null> => queues.findQueue(db, id);

/** Where a ticket goes when the request names no queue: 'service_desk' when active, else the first active queue. */
export async function getDefaultQueue(db: DbOrTx): Promise<Queue | null> {
  const desk = await queues.findQueueByCode(db, DEFAULT_QUEUE_CODE);
  if (desk?.active) return desk;
  return (await queues.listQueues(db, { active: 'true' }))[0] ?? null;
}

export const findTeam = queues.findTeam;
export const findCategory = taxonomy.findCategory;
/** The queues and teams a user belongs to (views "my queues", "my teams"). */
export const queueIdsOfUser = queues.queueIdsOfUser;
export const teamIdsOfUser = queues.teamIdsOfUser;

/* ------------------------------------------------------------------------------------
 * The configuration as one snapshot, for the hot paths (creating and listing tickets).
 *
 * Loading it takes a dozen queries; a snapshot is kept per database and reused while
 * the configuration version (platform/db/config-version.ts; raised by triggers in the
 * same transaction as every change to the tables read here) is unchanged. So each request reads one small
 * row instead of the configuration, and a change made by any process is seen by the
 * next request of every process.
 * ---------------------------------------------------------------------------------- */

export interface HelpdeskSnapshot {
  version: number;
  /** Every type (active or not) with its process, by id and by code. */
  typesById: ReadonlyMap<number, LoadedProcess>;
  typesByCode: ReadonlyMap<string, LoadedProcess>;
  /** Every state of every type. */
  statesById: ReadonlyMap<number, LoadedProcess['states'][number] & { typeId: number }>;
  queuesById: ReadonlyMap<number, Queue>;
  /** What getDefaultQueue() gives. */
  defaultQueue: Queue | null;
  /** Policies with their calendars (as getSlaPolicy() gives them), by id; null when the calendar is missing. */
  policiesById: ReadonlyMap<number, { policy: EffectiveSlaPolicy | null; active: boolean }>;
  /** What findDefaultPolicy() gives, as getSlaPolicy() gives it. */
  defaultPolicy: EffectiveSlaPolicy | null;
  priorityMatrix: PriorityMatrix;
  ticketNumberPrefix: string;
  /** listCustomFields(typeId) for every type. */
  customFieldsOf(typeId: number): CustomField[];
}


async function loadSnapshot(db: DbOrTx, version: number): Promise<HelpdeskSnapshot> {
  const [types, queueList, policies, calendars, fields, matrix, prefix] = await Promise.all([
    processes.listTypes(db),
    queues.listQueues(db),
    sla.listPolicies(db),
    sla.listCalendars(db),
    taxonomy.listFields(db, { active: 'true' }),
    getPriorityMatrix(db),
    getTicketNumberPrefix(db),
  ]);
  const loaded = types.map(toProcess);
  const calendarsById = new Map(calendars.map((c) => [c.id, c]));
  const effective = (p: (typeof policies)[number]): EffectiveSlaPolicy | null => {
    const calendar = calendarsById.get(p.calendarId);
    if (!calendar) return null;
    const { timeZone, weekly, holidayCountries, extraDaysOff } = calendar;
    return {
      id: p.id, name: p.name, calendar: { timeZone, weekly, holidayCountries, extraDaysOff },
      targets: p.targets, warnAtPercent: p.warnAtPercent, escalateToQueueId: p.escalateToQueueId,
    };
  };
  const policiesById = new Map(policies.map((p) => [p.id, { policy: effective(p), active: p.active }]));
  const defaultRow = policies.find((p) => p.isDefault);
  // Queues come ordered by name, id: the first active one is getDefaultQueue()'s fallback.
  const desk = queueList.find((q) => q.code === DEFAULT_QUEUE_CODE);
  const fieldsByType = new Map<number, CustomField[]>();
  return {
    version,
    typesById: new Map(loaded.map((t) => [t.typeId, t])),
    typesByCode: new Map(loaded.map((t) => [t.type.code, t])),
    statesById: new Map(loaded.flatMap((t) => t.states.map((s) => [s.id, { ...s, typeId: t.typeId }] as const))),
    queuesById: new Map(queueList.map((q) => [q.id, q])),
    defaultQueue: desk?.active ? desk : (queueList.find((q) => q.active) ?? null),
    policiesById,
    defaultPolicy: defaultRow ? effective(defaultRow) : null,
    priorityMatrix: matrix,
    ticketNumberPrefix: prefix,
    customFieldsOf(typeId) {
      let list = fieldsByType.get(typeId);
      if (!list) fieldsByType.set(typeId, (list = fields.filter((f) => f.typeId === null || f.typeId === typeId)));
      return list;
    },
  };
}

// Per database (its dialect adapter, shared by the database and its transactions).
const snapshots = new WeakMap<object, HelpdeskSnapshot>();

/**
 * The helpdesk configuration as of now: one small query when nothing changed since
 * the last call, else a fresh load (kept only if no change committed while loading).
 */
export async function helpdeskSnapshot(db: DbOrTx): Promise<HelpdeskSnapshot> {
  const key = db.getExecutor().adapter;
  const version = await configVersion(db);
  const cached = snapshots.get(key);
  if (cached && version !== null && cached.version === version) return cached;
  const snapshot = await loadSnapshot(db, version ?? -1);
  // Kept only if nothing changed while loading, and never from inside a transaction (it may roll back).
  if (version !== null && !db.isTransaction && (await configVersion(db)) === version) snapshots.set(key, snapshot);
  return snapshot;
}

/** The policy a new ticket of the client gets (getSlaPolicyForClient() on a snapshot and the client's own policy id). */
export function slaPolicyFor(snapshot: HelpdeskSnapshot, clientPolicyId: number | null): EffectiveSlaPolicy | null {
  const own = clientPolicyId === null ? undefined : snapshot.policiesById.get(clientPolicyId);
  if (own?.active) return own.policy;
  return snapshot.defaultPolicy;
}
