import type { DbOrTx } from '../../platform/db/index.ts';
import { publicHolidays as holidaysOf } from '../../shared/calendar/index.ts';
import { conflict, notFound, staleVersion, type ErrorDetail } from '../../shared/errors.ts';
import type { CustomersService } from '../customers/index.ts';
import type { RequestContext } from '../identity/index.ts';
import { auditedChange, failIf, merged, nameTaken, nameUsedIn, requireConfigure, requireRead, unknownReference, type HelpdeskDeps } from './common.ts';
import { calendarProblems, normalizeCalendar, priorityMatrixProblems, targetProblems, type PriorityMatrix } from './domain/index.ts';
import { getPriorityMatrix, getTicketNumberPrefix, PRIORITY_MATRIX_KEY, TICKET_NUMBER_PREFIX_KEY } from './loaders.ts';
import { findQueue } from './queues.repo.ts';
import * as repo from './sla.repo.ts';
import type {
  Calendar,
  CalendarPatch,
  ClientSlaPolicy,
  NewCalendar,
  NewSlaPolicy,
  PublicHolidays,
  PublicHolidaysQuery,
  SlaPolicy,
  SlaPolicyPatch,
} from './sla.schemas.ts';

/**
 * Problems with what a policy refers to. An inactive escalation queue would move no
 * breaching ticket, so it cannot be chosen; one the policy already had (from before this
 * rule) may stay, so the policy can still be edited, and the watcher notes each skipped move.
 */
async function policyReferenceProblems(
  db: DbOrTx,
  v: { calendarId: number; escalateToQueueId: number | null },
  before: { escalateToQueueId: number | null } | null = null,
): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  if (!(await repo.findCalendar(db, v.calendarId))) problems.push(unknownReference('calendarId', 'The calendar'));
  const queue = v.escalateToQueueId === null ? null : await findQueue(db, v.escalateToQueueId);
  if (v.escalateToQueueId !== null && !queue) problems.push(unknownReference('escalateToQueueId', 'The queue'));
  if (queue && !queue.active && queue.id !== before?.escalateToQueueId) {
    problems.push({ path: 'escalateToQueueId', code: 'inactive', message: 'The queue is deactivated: choose an active queue to escalate to' });
  }
  return problems;
}

const defaultRequired = () =>
  conflict('default_required', 'One SLA policy must stay the default: make another policy the default instead', [
    { path: 'isDefault', code: 'default_required', message: 'Make another policy the default instead' },
  ]);

/** Business calendars, SLA policies (exactly one default), the priority matrix, ticket numbering and clients' policies. */
export function createSlaService(deps: HelpdeskDeps & { customers: CustomersService }) {
  const { db, customers } = deps;

  async function listCalendars(ctx: RequestContext): Promise<Calendar[]> {
    requireRead(ctx);
    return repo.listCalendars(db);
  }

  /** The public holidays a calendar with this country closes on in a year: the same table SLA clocks and pricing use. */
  function publicHolidays(ctx: RequestContext, query: PublicHolidaysQuery): PublicHolidays {
    requireRead(ctx);
    return { ...query, items: holidaysOf(query.country, query.year) };
  }

  async function createCalendar(ctx: RequestContext, input: NewCalendar): Promise<Calendar> {
    requireConfigure(ctx);
    failIf(calendarProblems(input));
    return auditedChange(deps, ctx, async (trx, at) => {
      if (await nameUsedIn(trx, 'calendars', input.name)) throw nameTaken('A calendar', input.name);
      const created = await repo.insertCalendar(trx, normalizeCalendar(input), at);
      return { result: created, audit: { entity: 'calendar', entityId: created.id, action: 'create', after: created } };
    });
  }

  async function updateCalendar(ctx: RequestContext, id: number, patch: CalendarPatch): Promise<Calendar> {
    requireConfigure(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const before = await repo.findCalendar(trx, id);
      if (!before) throw notFound('Calendar');
      const { version, ...changes } = patch;
      // Checked first, so an admin with an outdated form hears that rather than a rule it broke.
      if (before.version !== version) throw staleVersion('The calendar');
      const values = merged(before, changes);
      failIf(calendarProblems(values));
      // Only a changed name is checked (as for queues): twins from before this rule can still be edited, e.g. renamed apart.
      if (values.name !== before.name && (await nameUsedIn(trx, 'calendars', values.name, id))) throw nameTaken('A calendar', values.name);
      const after = await repo.updateCalendar(trx, id, version, normalizeCalendar(values), at);
      if (!after) throw staleVersion('The calendar');
      return { result: after, audit: { entity: 'calendar', entityId: id, action: 'update', before, after } };
    });
  }

  async function deleteCalendar(ctx: RequestContext, id: number): Promise<void> {
    requireConfigure(ctx);
    await auditedChange(deps, ctx, async (trx) => {
      const before = await repo.findCalendar(trx, id);
      if (!before) throw notFound('Calendar');
      const users = await repo.listPolicies(trx, { calendarId: id });
      if (users.length) {
        throw conflict('calendar_in_use', `The calendar is used by SLA policy ${users.map((p) => `"${p.name}"`).join(', ')}`);
      }
      await repo.deleteCalendar(trx, id);
      return { result: undefined, audit: { entity: 'calendar', entityId: id, action: 'delete', before } };
    });
  }

  async function listPolicies(ctx: RequestContext): Promise<SlaPolicy[]> {
    requireRead(ctx);
    return repo.listPolicies(db);
  }

  async function createPolicy(ctx: RequestContext, input: NewSlaPolicy): Promise<SlaPolicy> {
    requireConfigure(ctx);
    failIf(targetProblems(input.targets));
    return auditedChange(deps, ctx, async (trx, at) => {
      failIf(await policyReferenceProblems(trx, input));
      if (await nameUsedIn(trx, 'sla_policies', input.name)) throw nameTaken('An SLA policy', input.name);
      // The first policy is the default whatever the request says: there must be one.
      const isDefault = input.isDefault || !(await repo.findDefaultPolicy(trx));
      if (isDefault && !input.active) failIf([{ path: 'active', code: 'default_inactive', message: 'The default policy must be active' }]);
      const created = await repo.insertPolicy(trx, { ...input, isDefault }, at);
      if (isDefault) await repo.clearDefaultExcept(trx, created.id, at);
      return { result: created, audit: { entity: 'sla_policy', entityId: created.id, action: 'create', after: created } };
    });
  }

  async function updatePolicy(ctx: RequestContext, id: number, patch: SlaPolicyPatch): Promise<SlaPolicy> {
    requireConfigure(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const before = await repo.findPolicy(trx, id);
      if (!before) throw notFound('SLA policy');
      const { version, ...changes } = patch;
      if (before.version !== version) throw staleVersion('The SLA policy');
      const values = merged(before, changes);
      failIf([...targetProblems(values.targets), ...(await policyReferenceProblems(trx, values, before))]);
      if (before.isDefault && !values.isDefault) throw defaultRequired();
      if (values.isDefault && !values.active) {
        if (before.isDefault) throw defaultRequired();
        failIf([{ path: 'active', code: 'default_inactive', message: 'The default policy must be active' }]);
      }
      if (values.name !== before.name && (await nameUsedIn(trx, 'sla_policies', values.name, id))) throw nameTaken('An SLA policy', values.name);
      const after = await repo.updatePolicy(trx, id, version, values, at);
      if (!after) throw staleVersion('The SLA policy');
      if (after.isDefault && !before.isDefault) await repo.clearDefaultExcept(trx, id, at);
      return { result: after, audit: { entity: 'sla_policy', entityId: id, action: 'update', before, after } };
    });
  }

  async function priorityMatrix(ctx: RequestContext): Promise<PriorityMatrix> {
    requireRead(ctx);
    return getPriorityMatrix(db);
  }

  async function setPriorityMatrix(ctx: RequestContext, matrix: PriorityMatrix): Promise<PriorityMatrix> {
    requireConfigure(ctx);
    failIf(priorityMatrixProblems(matrix));
    return auditedChange(deps, ctx, async (trx, at) => {
      const before = await getPriorityMatrix(trx);
      await repo.putSetting(trx, PRIORITY_MATRIX_KEY, matrix, at);
      return { result: matrix, audit: { entity: 'setting', entityId: PRIORITY_MATRIX_KEY, action: 'update', before, after: matrix } };
    });
  }

  async function ticketNumberPrefix(ctx: RequestContext): Promise<{ prefix: string }> {
    requireRead(ctx);
    return { prefix: await getTicketNumberPrefix(db) };
  }

  async function setTicketNumberPrefix(ctx: RequestContext, prefix: string): Promise<{ prefix: string }> {
    requireConfigure(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const before = { prefix: await getTicketNumberPrefix(trx) };
      await repo.putSetting(trx, TICKET_NUMBER_PREFIX_KEY, prefix, at);
      return { result: { prefix }, audit: { entity: 'setting', entityId: TICKET_NUMBER_PREFIX_KEY, action: 'update', before, after: { prefix } } };
    });
  }

  async function clientPolicy(db: DbOrTx, clientId: number): Promise<ClientSlaPolicy> {
    const slaPolicyId = await repo.clientPolicyId(db, clientId);
    const own = slaPolicyId === null ? null : await repo.findPolicy(db, slaPolicyId);
    const effective = own?.active ? own : await repo.findDefaultPolicy(db);
    return { clientId, slaPolicyId, effectiveSlaPolicyId: effective?.id ?? null };
  }

  async function getClientPolicy(ctx: RequestContext, clientId: number): Promise<ClientSlaPolicy> {
    requireRead(ctx);
    await customers.get(ctx, clientId); // record scope: not found unless the actor may see the client
    return clientPolicy(db, clientId);
  }

  async function setClientPolicy(ctx: RequestContext, clientId: number, slaPolicyId: number | null): Promise<ClientSlaPolicy> {
    requireConfigure(ctx);
    await customers.get(ctx, clientId);
    return auditedChange(deps, ctx, async (trx) => {
      if (slaPolicyId !== null) {
        const policy = await repo.findPolicy(trx, slaPolicyId);
        if (!policy) failIf([unknownReference('slaPolicyId', 'The SLA policy')]);
        if (policy && !policy.active) failIf([{ path: 'slaPolicyId', code: 'inactive', message: 'The SLA policy is deactivated' }]);
      }
      const before = await clientPolicy(trx, clientId);
      await repo.setClientPolicyId(trx, clientId, slaPolicyId);
      const after = await clientPolicy(trx, clientId);
      return { result: after, audit: { entity: 'client', entityId: clientId, action: 'set_sla_policy', before, after } };
    });
  }

  return {
    listCalendars,
    publicHolidays,
    createCalendar,
    updateCalendar,
    deleteCalendar,
    listPolicies,
    createPolicy,
    updatePolicy,
    priorityMatrix,
    setPriorityMatrix,
    ticketNumberPrefix,
    setTicketNumberPrefix,
    getClientPolicy,
    setClientPolicy,
  };
}

export type SlaService = ReturnType<typeof createSlaService>;
