/**
 * Escalation events: which SLA thresholds a ticket crossed between two moments.
 * A job keeps the instant it last checked up to (t1), computes the SLA at t1 and
 * at now (t2) from the same history, and emits what this returns. Because the
 * states are pure functions of (history, instant), checking contiguous windows
 * [t0,t1], [t1,t2], … reports each crossing in exactly one window, with no
 * "already sent" flags — as long as the window ends are persisted with the
 * emitted events in one transaction and events are not back-dated before t1.
 *
 * Crossing rules, per clock:
 * - 'breach' when the clock went over its target (including a response or
 *   resolution that came late inside the window: the breach is a fact for reports).
 * - 'warning' when the clock reached the warning threshold and is still open at
 *   t2 (a warning about a ticket already answered or resolved helps no one).
 * - A crossing that is undone (a priority change to a longer target) and happens
 *   again is reported again: it is a new crossing of a new target.
 */
import { compileCalendar } from './business-calendar.ts';
import { addBusinessMs, type Instant } from './business-time.ts';
import { computeSla, type SlaEvent, type SlaState, type SlaTarget } from './sla-clock.ts';
import type { SlaClockName, SlaPolicy } from './sla-policy.ts';

export interface SlaTransition {
  readonly clock: SlaClockName;
  readonly kind: 'warning' | 'breach';
  /** When the threshold was reached (the warnAt / dueAt of the later state). */
  readonly at: Instant | null;
}

const NOTHING = 0;
const WARNED = 1;
const BREACHED = 2;

function level(target: SlaTarget, warnAtPercent: number): number {
  if (target.percentUsed === null) return NOTHING;
  if (target.breachedByMinutes !== null) return BREACHED;
  return target.percentUsed >= warnAtPercent ? WARNED : NOTHING;
}

/** The thresholds crossed between two SLA states of the same ticket (prev computed for an earlier instant). */
export function slaTransitions(prev: SlaState, next: SlaState): SlaTransition[] {
  const transitions: SlaTransition[] = [];
  for (const clock of ['firstResponse', 'resolution'] as const) {
    const before = level(prev[clock], prev.warnAtPercent);
    const after = level(next[clock], next.warnAtPercent);
    const target = next[clock];
    if (before < WARNED && after >= WARNED && target.metAt === null) {
      transitions.push({ clock, kind: 'warning', at: target.warnAt });
    }
    if (before < BREACHED && after === BREACHED) transitions.push({ clock, kind: 'breach', at: target.dueAt });
  }
  return transitions;
}

/** slaTransitions of the SLA at `from` and at `to`, from one history. */
export function slaTransitionsBetween(policy: SlaPolicy, events: readonly SlaEvent[], from: Instant, to: Instant): SlaTransition[] {
  return slaTransitions(computeSla(policy, events, from), computeSla(policy, events, to));
}

/**
 * The next instant after `state.at` at which a warning or breach can first be
 * seen, so a job can sleep until then; null when nothing is running towards a
 * threshold (paused, stopped, no target, or already breached). A breach is first
 * seen one business millisecond after dueAt (breach = elapsed > target), which
 * for a due time at closing is just after the next opening.
 */
export function nextSlaCheckAt(policy: SlaPolicy, state: SlaState): Instant | null {
  const calendar = compileCalendar(policy.calendar);
  let next: Instant | null = null;
  for (const target of [state.firstResponse, state.resolution]) {
    if (target.status !== 'running' || target.dueAt === null) continue;
    const breachAt = addBusinessMs(calendar, target.dueAt, 1);
    for (const at of [target.warnAt, breachAt]) {
      if (at !== null && at > state.at && (next === null || at < next)) next = at;
    }
  }
  return next;
}
