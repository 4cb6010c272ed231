import type { DbOrTx } from '../../platform/db/index.ts';
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
