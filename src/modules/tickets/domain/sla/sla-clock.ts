/**
 * The SLA clock of a ticket, derived from its history of events and `now` (the
 * clock is an input: the same history and `now` always give the same answer).
 * Two clocks run from creation, in business time of the policy's calendar:
 * first response and resolution. The rules, chosen to match how ISO/IEC 20000
 * SLA reports are usually read:
 *
 * - Pause / resume ("waiting for the client"): the resolution clock stops while
 *   paused, so the due time moves later by the business time spent paused. The
 *   first-response clock keeps running unless the policy says `pauseFirstResponse`.
 *   While paused, `dueAt` is null (it depends on when work resumes) and
 *   `remainingBusinessMinutes` says what is left.
 * - Priority change: the business time already spent (counted from creation)
 *   is kept and measured against the new priority's target, i.e. new due = now +
 *   (new target − elapsed) in business time. If the new target is already used
 *   up, the ticket is breached at once and `dueAt` is when the new target ran out.
 * - First response is met by the first 'first_response'; a 'resolved' without
 *   one before it counts as the response too (the client got an answer).
 * - Reopen after resolve: the resolution clock continues from the elapsed time at
 *   resolution (it does not restart, nor count the time the ticket was resolved);
 *   an earlier breach stays a breach. The first response stays met.
 * - A clock that has stopped keeps the target of the priority it had when it stopped.
 *
 * Events are applied in time order (ties in the given order); events after `now`
 * are ignored, as are events that make no sense in the current state (a resume
 * while not paused, a second 'created', anything before 'created').
 */
import { compileCalendar, type CompiledCalendar } from './business-calendar.ts';
import { addBusinessMs, businessMsBetween, type Instant } from './business-time.ts';
import type { Priority } from './priority.ts';
import { targetMinutes, warnAtPercentOf, type SlaPolicy } from './sla-policy.ts';
import { MS_PER_MINUTE } from './time-zone.ts';

export type SlaEventKind = 'created' | 'paused' | 'resumed' | 'priority_changed' | 'first_response' | 'resolved' | 'reopened';

export interface SlaEvent {
  readonly at: Instant;
  readonly kind: SlaEventKind;
  /** Required on 'created' and 'priority_changed'. */
  readonly priority?: Priority;
}

/**
 * 'met' = stopped within the target; 'breached' = over the target, running or
 * stopped late. "Over" is measured in business time: elapsed > target. So a
 * ticket due at Friday 17:00 (closing time) and still open at 17:30 is not yet
 * breached (no business time beyond the target has been used); it breaches when
 * business time resumes on Monday 08:00, and resolving it on Friday evening
 * still meets the target. Breached ⇔ remainingBusinessMinutes < 0.
 */
export type SlaStatus = 'running' | 'paused' | 'met' | 'breached' | 'none';

/** One clock's state. Minutes are business minutes, exact to the ms (so possibly fractional). */
export interface SlaTarget {
  readonly status: SlaStatus;
  /** When the target runs (or ran) out. Null without a target, and while paused and not breached. */
  readonly dueAt: Instant | null;
  /** When the warning threshold is (or was) reached; null like dueAt. */
  readonly warnAt: Instant | null;
  readonly targetMinutes: number | null;
  readonly elapsedBusinessMinutes: number;
  /** target − elapsed; negative when breached; null without a target. */
  readonly remainingBusinessMinutes: number | null;
  /** elapsed / target × 100; null without a target. */
  readonly percentUsed: number | null;
  /** At risk: still open (running or paused), over the warning threshold, not yet breached. */
  readonly warn: boolean;
  readonly breachedByMinutes: number | null;
  /** When the clock stopped (the response or resolution happened), on time or late; null while open. */
  readonly metAt: Instant | null;
  readonly pausedSince: Instant | null;
}

export interface SlaState {
  /** The `now` it was computed for. */
  readonly at: Instant;
  /** Current priority; null before the ticket was created. */
  readonly priority: Priority | null;
  readonly warnAtPercent: number;
  readonly firstResponse: SlaTarget;
  readonly resolution: SlaTarget;
}

/** Mutable bookkeeping of one clock while the events are replayed. */
class Track {
  readonly segments: number[] = []; // closed running stretches [start, end, …]
  runningSince: Instant | null = null;
  pausedSince: Instant | null = null;
  stoppedAt: Instant | null = null;
  stoppedPriority: Priority | null = null;

  constructor(readonly pausable: boolean) {}

  private close(at: Instant): void {
    if (this.runningSince !== null && at > this.runningSince) this.segments.push(this.runningSince, at);
    this.runningSince = null;
  }
  start(at: Instant): void {
    this.runningSince = at;
  }
  pause(at: Instant): void {
    if (!this.pausable || this.stoppedAt !== null || this.runningSince === null) return;
    this.close(at);
    this.pausedSince = at;
  }
  resume(at: Instant): void {
    if (this.pausedSince === null) return;
    this.pausedSince = null;
    this.runningSince = at;
  }
  stop(at: Instant, priority: Priority): void {
    if (this.stoppedAt !== null) return;
    this.close(at);
    this.pausedSince = null;
    this.stoppedAt = at;
    this.stoppedPriority = priority;
  }
  reopen(at: Instant): void {
    if (this.stoppedAt === null) return;
    this.stoppedAt = null;
    this.stoppedPriority = null;
    this.runningSince = at;
  }
}

/**
 * The instant at which a clock's elapsed business time reaches `ms`, given the
 * business lengths of its closed stretches. Null when paused short of it.
 */
function instantAtElapsed(calendar: CompiledCalendar, track: Track, lengths: readonly number[], ms: number): Instant | null {
  let before = 0;
  for (let i = 0; i < lengths.length; i++) {
    if (before + lengths[i]! >= ms) return addBusinessMs(calendar, track.segments[2 * i]!, ms - before);
    before += lengths[i]!;
  }
  if (track.runningSince !== null) return addBusinessMs(calendar, track.runningSince, ms - before);
  // Stopped: the due time as it stood when the clock stopped.
  if (track.stoppedAt !== null) return addBusinessMs(calendar, track.stoppedAt, ms - before);
  return null; // paused: unknown until resumed
}

// Plain functions and one object literal per result on purpose: this runs on the
// ticket list and creation paths, and closures or object spreads here cost V8
// (and tsx's __name wrappers) more than the business-time arithmetic itself.
function evaluate(
  calendar: CompiledCalendar,
  track: Track,
  target: number | null,
  warnAtPercent: number,
  now: Instant,
): SlaTarget {
  const lengths: number[] = [];
  let elapsed = 0;
  for (let i = 0; i < track.segments.length; i += 2) {
    const length = businessMsBetween(calendar, track.segments[i]!, track.segments[i + 1]!);
    lengths.push(length);
    elapsed += length;
  }
  if (track.runningSince !== null) elapsed += businessMsBetween(calendar, track.runningSince, now);
  const elapsedBusinessMinutes = elapsed / MS_PER_MINUTE;

  if (target === null) {
    return {
      status: 'none',
      dueAt: null,
      warnAt: null,
      targetMinutes: null,
      elapsedBusinessMinutes,
      remainingBusinessMinutes: null,
      percentUsed: null,
      warn: false,
      breachedByMinutes: null,
      metAt: track.stoppedAt,
      pausedSince: track.pausedSince,
    };
  }
  const targetMs = target * MS_PER_MINUTE;
  const breached = elapsed > targetMs;
  const percentUsed = (elapsed / targetMs) * 100;
  const status: SlaStatus =
    track.stoppedAt !== null
      ? breached ? 'breached' : 'met'
      : breached ? 'breached' : track.pausedSince !== null ? 'paused' : 'running';
  return {
    status,
    dueAt: instantAtElapsed(calendar, track, lengths, targetMs),
    // ceil: at warnAt the threshold is reached, never a millisecond short of it.
    warnAt: instantAtElapsed(calendar, track, lengths, Math.ceil((targetMs * warnAtPercent) / 100)),
    targetMinutes: target,
    elapsedBusinessMinutes,
    remainingBusinessMinutes: (targetMs - elapsed) / MS_PER_MINUTE,
    percentUsed,
    warn: (status === 'running' || status === 'paused') && percentUsed >= warnAtPercent,
    breachedByMinutes: breached ? (elapsed - targetMs) / MS_PER_MINUTE : null,
    metAt: track.stoppedAt,
    pausedSince: track.pausedSince,
  };
}

const NO_TARGET: SlaTarget = {
  status: 'none',
  dueAt: null,
  warnAt: null,
  targetMinutes: null,
  elapsedBusinessMinutes: 0,
  remainingBusinessMinutes: null,
  percentUsed: null,
  warn: false,
  breachedByMinutes: null,
  metAt: null,
  pausedSince: null,
};

function requirePriority(event: SlaEvent): Priority {
  if (event.priority === undefined) throw new RangeError(`SLA event '${event.kind}' at ${event.at} needs a priority`);
  return event.priority;
}

/** Both SLA clocks of a ticket at `now`, from its event history. */
export function computeSla(policy: SlaPolicy, events: readonly SlaEvent[], now: Instant): SlaState {
  if (!Number.isFinite(now)) throw new RangeError(`now must be an instant in epoch ms, got ${String(now)}`);
  const calendar = compileCalendar(policy.calendar);
  const warnAtPercent = warnAtPercentOf(policy);
  const ordered = events.filter((event) => event.at <= now).sort((a, b) => a.at - b.at); // stable: ties keep their order
  const response = new Track(policy.pauseFirstResponse ?? false);
  const resolution = new Track(true);
  let priority: Priority | null = null;
  let paused = false;

  for (const event of ordered) {
    if (priority === null) {
      if (event.kind !== 'created') continue;
      priority = requirePriority(event);
      response.start(event.at);
      resolution.start(event.at);
      continue;
    }
    switch (event.kind) {
      case 'created':
        break;
      case 'paused':
        if (paused || resolution.stoppedAt !== null) break;
        paused = true;
        response.pause(event.at);
        resolution.pause(event.at);
        break;
      case 'resumed':
        if (!paused) break;
        paused = false;
        response.resume(event.at);
        resolution.resume(event.at);
        break;
      case 'priority_changed':
        priority = requirePriority(event);
        break;
      case 'first_response':
        response.stop(event.at, priority);
        break;
      case 'resolved':
        paused = false;
        response.stop(event.at, priority);
        resolution.stop(event.at, priority);
        break;
      case 'reopened':
        resolution.reopen(event.at);
        break;
      default:
        break;
    }
  }
  if (priority === null) return { at: now, priority: null, warnAtPercent, firstResponse: NO_TARGET, resolution: NO_TARGET };
  return {
    at: now,
    priority,
    warnAtPercent,
    firstResponse: evaluate(calendar, response, targetMinutes(policy, response.stoppedPriority ?? priority, 'firstResponse'), warnAtPercent, now),
    resolution: evaluate(calendar, resolution, targetMinutes(policy, resolution.stoppedPriority ?? priority, 'resolution'), warnAtPercent, now),
  };
}
