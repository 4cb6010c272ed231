import type { Updateable } from 'kysely';
import type { DbOrTx, TicketsTable } from '../../platform/db/index.ts';
import type { EffectiveSlaPolicy } from '../helpdesk/index.ts';
import { computeSla, nextSlaCheckAt, slaTransitions, type SlaEvent, type SlaPolicy, type SlaState, type SlaTarget } from './domain/sla/index.ts';
import { listSlaEvents, NO_DUE } from './tickets.repo.ts';
import type { SlaTargetOutcome } from './tickets.schemas.ts';

/**
 * Bridges stored SLA events and the pure SLA clock: the ticket's SLA columns
 * (status, due times, breach) are always derived from its event history.
 */
export function toCorePolicy(p: EffectiveSlaPolicy): SlaPolicy {
  return {
    id: String(p.id),
    name: p.name,
    calendar: p.calendar as SlaPolicy['calendar'],
    targets: p.targets as SlaPolicy['targets'],
    warnAtPercent: p.warnAtPercent,
  };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function openDue(t: SlaTarget): number | null {
  return t.status === 'running' || t.status === 'breached' ? (t.metAt === null ? t.dueAt : null) : null;
}

/** The one status a list shows: the worst of the two clocks. */
export function overallStatus(state: SlaState): string {
  const { firstResponse: f, resolution: r } = state;
  if (f.status === 'breached' || r.status === 'breached') return 'breached';
  if (f.warn || r.warn) return 'warning';
  if (r.status === 'paused') return 'paused';
  if (f.status === 'running' || r.status === 'running') return 'running';
  if (f.status === 'met' || r.status === 'met') return 'met';
  return 'none';
}

const NO_TARGET: SlaTargetOutcome = { status: 'none', dueAt: null, stoppedAt: null, breachedMinutes: null, businessMinutesLeft: null };

/**
 * Working time left on a clock that runs (negative: over the target), in whole
 * minutes; null when it does not run towards its target (no target, paused,
 * stopped), as there is no countdown to show then.
 */
function businessMinutesLeftOf(t: SlaTarget): number | null {
  if (t.remainingBusinessMinutes === null || t.metAt !== null || t.pausedSince !== null) return null;
  return Math.round(t.remainingBusinessMinutes) || 0; // `|| 0`: no -0 for a breach of under half a minute
}

/** One target as the ticket page shows it: its countdown while it runs, its outcome once it stopped. */
export function targetOutcome(t: SlaTarget): SlaTargetOutcome {
  if (t.status === 'none') return NO_TARGET;
  return {
    status: t.status === 'running' && t.warn ? 'warning' : t.status,
    dueAt: iso(t.dueAt),
    stoppedAt: iso(t.metAt),
    breachedMinutes: t.breachedByMinutes === null ? null : Math.round(t.breachedByMinutes),
    businessMinutesLeft: businessMinutesLeftOf(t),
  };
}

/** Both targets of a ticket (no policy: none). */
export function slaTargetsOf(state: SlaState | null): { firstResponse: SlaTargetOutcome; resolution: SlaTargetOutcome } {
  return state ? { firstResponse: targetOutcome(state.firstResponse), resolution: targetOutcome(state.resolution) } : { firstResponse: NO_TARGET, resolution: NO_TARGET };
}

export function slaColumns(state: SlaState): Updateable<TicketsTable> {
  const dues = [openDue(state.firstResponse), openDue(state.resolution)].filter((d): d is number => d !== null);
  const breachedBy = Math.max(state.firstResponse.breachedByMinutes ?? 0, state.resolution.breachedByMinutes ?? 0);
  return {
    sla_status: overallStatus(state),
    sla_first_response_due_at: iso(state.firstResponse.dueAt),
    sla_resolution_due_at: iso(state.resolution.dueAt),
    sla_due_at: dues.length ? iso(Math.min(...dues)) : NO_DUE,
    sla_breached_minutes: breachedBy > 0 ? Math.round(breachedBy) : null,
  };
}

/** The ticket's SLA history, as the pure core reads it. */
export async function slaEventsOf(db: DbOrTx, ticketId: number): Promise<SlaEvent[]> {
  const rows = await listSlaEvents(db, ticketId);
  return rows.map((r) => ({
    at: new Date(r.at).getTime(),
    kind: r.kind as SlaEvent['kind'],
    ...(r.priority ? { priority: r.priority as NonNullable<SlaEvent['priority']> } : {}),
  }));
}

export async function slaStateOf(db: DbOrTx, ticketId: number, policy: SlaPolicy, now: Date): Promise<SlaState> {
  return computeSla(policy, await slaEventsOf(db, ticketId), now.getTime());
}

/** Where the SLA watcher's last checked window ended (tickets.sla_checked_at); never checked: from the beginning. */
export function checkedFrom(checkedAt: string | null): number {
  return checkedAt === null ? 0 : new Date(checkedAt).getTime();
}

/**
 * When the SLA watcher must look at the ticket next (tickets.sla_next_check_at):
 * at once when a threshold was crossed since its last check and is not yet
 * reported (a priority change that breached the ticket, a late response that
 * came before the watcher saw the breach), else the next threshold ahead; null
 * when no clock runs towards one (paused, stopped, breached, no target).
 */
export function nextCheckAt(policy: SlaPolicy, events: readonly SlaEvent[], checkedAt: string | null, state: SlaState): string | null {
  const from = checkedFrom(checkedAt);
  if (from < state.at && slaTransitions(computeSla(policy, events, from), state).length > 0) return iso(state.at);
  return iso(nextSlaCheckAt(policy, state));
}
