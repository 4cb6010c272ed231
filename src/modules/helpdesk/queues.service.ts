import type { DbOrTx } from '../../platform/db/index.ts';
import { AppError, notFound, type ErrorDetail } from '../../shared/errors.ts';
import { ROLE_DEFINITIONS, ROLES, ticketScopeOf, type RequestContext } from '../identity/index.ts';
import { queueInTicketScope } from './domain/queue-scope.ts';
import { auditedChange, duplicate, failIf, merged, nameTaken, nameUsedIn, requireConfigure, requireRead, type HelpdeskDeps } from './common.ts';
import type { ActiveFilter } from './common.schemas.ts';
import * as repo from './queues.repo.ts';
import { listPolicies } from './sla.repo.ts';
import type { SlaPolicy } from './sla.schemas.ts';
import type { ListedQueue, NewQueue, NewTeam, Queue, QueuePatch, Team, TeamPatch } from './queues.schemas.ts';

/** Roles that work tickets: only their holders may lead or join queues and teams. */
const TICKET_ROLES = ROLES.filter((role) => ROLE_DEFINITIONS[role].permissions.includes('tickets.read'));

/**
 * Problems with the people named: each must be an active user who works
 * tickets, listed once. People already there (`before`) pass: a member who
 * left the company stays listed until removed.
 */
async function peopleProblems(
  db: DbOrTx,
  v: { leadUserId?: number | null; members: number[] },
  before: { leadUserId?: number | null; members: number[] } = { members: [] },
): Promise<ErrorDetail[]> {
  const named = [...new Set([...v.members, ...(v.leadUserId ? [v.leadUserId] : [])])];
  const staff = await repo.activeUsersWithRoles(db, named, TICKET_ROLES);
  const ok = (userId: number) => staff.has(userId) || before.members.includes(userId) || before.leadUserId === userId;
  const problem = (path: string): ErrorDetail => ({ path, code: 'invalid_user', message: 'Not an active user who works tickets' });
  const problems: ErrorDetail[] = [];
  if (v.leadUserId && !ok(v.leadUserId)) problems.push(problem('leadUserId'));
  const seen = new Set<number>();
  v.members.forEach((userId, i) => {
    if (seen.has(userId)) problems.push({ path: `members.${i}`, code: 'duplicate', message: 'Listed twice' });
    else if (!ok(userId)) problems.push(problem(`members.${i}`));
    seen.add(userId);
  });
  return problems;
}

/**
 * The 409 for deactivating a queue that SLA policies escalate to: their breaches would
 * then move tickets nowhere. Names the policies (details, and `policies` for the web app).
 */
function escalationTarget(policies: SlaPolicy[]): AppError {
  const names = policies.map((p) => `"${p.name}"`).join(', ');
  return new AppError('conflict', 'queue_is_escalation_target', `The queue is the escalation queue of SLA policy ${names}: change their escalation first`, {
    details: policies.map((p) => ({ path: 'active', code: 'queue_is_escalation_target', message: `SLA policy "${p.name}" escalates to this queue` })),
    extra: { policies: policies.map((p) => ({ id: p.id, name: p.name })) },
  });
}

/** Queues (where tickets wait) and teams (who works them). */
export function createQueuesService(deps: HelpdeskDeps) {
  const { db } = deps;

  /** Queues, each saying whether the asking user's ticket lists can show its tickets (the same rule as the list's scope). */
  async function listQueues(ctx: RequestContext, active: ActiveFilter): Promise<ListedQueue[]> {
    requireRead(ctx);
    const scope = ticketScopeOf(ctx.actor);
    return (await repo.listQueues(db, { active })).map((q) => ({ ...q, ticketsVisible: queueInTicketScope(scope, q) }));
  }

  async function createQueue(ctx: RequestContext, input: NewQueue): Promise<Queue> {
    requireConfigure(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      failIf(await peopleProblems(trx, input));
      if (await repo.findQueueByCode(trx, input.code)) throw duplicate('code', `A queue with code "${input.code}" already exists`);
      if (await nameUsedIn(trx, 'queues', input.name)) throw nameTaken('A queue', input.name);
      const id = await repo.insertQueue(trx, input, at);
      const created = (await repo.findQueue(trx, id))!;
      return { result: created, audit: { entity: 'queue', entityId: id, action: 'create', after: created } };
    });
  }

  async function updateQueue(ctx: RequestContext, id: number, patch: QueuePatch): Promise<Queue> {
    requireConfigure(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const before = await repo.findQueue(trx, id);
      if (!before) throw notFound('Queue');
      const values = merged(before, patch);
      failIf(await peopleProblems(trx, values, before));
      if (values.code !== before.code && (await repo.findQueueByCode(trx, values.code))) {
        throw duplicate('code', `A queue with code "${values.code}" already exists`);
      }
      // Only a changed name is checked: twins from before this rule can still be edited, e.g. renamed apart.
      if (values.name !== before.name && (await nameUsedIn(trx, 'queues', values.name, id))) throw nameTaken('A queue', values.name);
      // Inactive policies count too: one made active again would escalate nowhere.
      if (before.active && !values.active) {
        const escalatingHere = await listPolicies(trx, { escalateToQueueId: id });
        if (escalatingHere.length) throw escalationTarget(escalatingHere);
      }
      await repo.updateQueue(trx, id, values, at);
      const after = (await repo.findQueue(trx, id))!;
      return { result: after, audit: { entity: 'queue', entityId: id, action: 'update', before, after } };
    });
  }

  async function listTeams(ctx: RequestContext, active: ActiveFilter): Promise<Team[]> {
    requireRead(ctx);
    return repo.listTeams(db, { active });
  }

  async function createTeam(ctx: RequestContext, input: NewTeam): Promise<Team> {
    requireConfigure(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      failIf(await peopleProblems(trx, input));
      if (await nameUsedIn(trx, 'teams', input.name)) throw nameTaken('A team', input.name);
      const id = await repo.insertTeam(trx, input, at);
      const created = (await repo.findTeam(trx, id))!;
      return { result: created, audit: { entity: 'team', entityId: id, action: 'create', after: created } };
    });
  }

  async function updateTeam(ctx: RequestContext, id: number, patch: TeamPatch): Promise<Team> {
    requireConfigure(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const before = await repo.findTeam(trx, id);
      if (!before) throw notFound('Team');
      const values = merged(before, patch);
      failIf(await peopleProblems(trx, values, before));
      // As for queues: only a changed name is checked, and a team may change the case of its own.
      if (values.name !== before.name && (await nameUsedIn(trx, 'teams', values.name, id))) throw nameTaken('A team', values.name);
      await repo.updateTeam(trx, id, values, at);
      const after = (await repo.findTeam(trx, id))!;
      return { result: after, audit: { entity: 'team', entityId: id, action: 'update', before, after } };
    });
  }

  return { listQueues, createQueue, updateQueue, listTeams, createTeam, updateTeam };
}

export type QueuesService = ReturnType<typeof createQueuesService>;
