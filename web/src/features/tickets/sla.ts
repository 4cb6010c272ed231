// What an SLA badge shows: the status (the server's, made worse when the due time
// has passed since the server last looked) and the time left or overdue.
import type { Sla, SlaTargetOutcome } from './api';

export const SLA_STATUSES = ['running', 'warning', 'breached', 'paused', 'met', 'none'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

export const SLA_COLORS: Record<SlaStatus, string> = {
  running: 'teal',
  warning: 'orange',
  breached: 'red',
  paused: 'gray',
  met: 'green',
  none: 'gray',
};

export interface SlaView {
  status: SlaStatus;
  color: string;
  /** Milliseconds to the due time (negative: overdue); null when no clock runs. */
  remainingMs: number | null;
}

const MINUTE = 60_000;

export function isSlaStatus(value: string): value is SlaStatus {
  return (SLA_STATUSES as readonly string[]).includes(value);
}

export function slaView(sla: Pick<Sla, 'status' | 'dueAt'>, now: number): SlaView {
  let status: SlaStatus = isSlaStatus(sla.status) ? sla.status : 'none';
  const due = sla.dueAt ? Date.parse(sla.dueAt) : Number.NaN;
  const running = status === 'running' || status === 'warning' || status === 'breached';
  const remainingMs = running && Number.isFinite(due) ? due - now : null;
  // The server marks a breach on its next pass; the clock on the wall already knows.
  if (remainingMs !== null && remainingMs < 0 && status !== 'breached') status = 'breached';
  return { status, color: SLA_COLORS[status], remainingMs };
}

export interface DurationUnits {
  d: string;
  h: string;
  m: string;
}

/**
 * A compact duration: "2 d 4 h", "3 h 15 min", "45 min", "< 1 min". Two units at
 * most, rounded down (time left should never look longer than it is).
 */
export function formatDuration(ms: number, units: DurationUnits): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  if (minutes < 1) return `< 1 ${units.m}`;
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h > 0 ? `${d} ${units.d} ${h} ${units.h}` : `${d} ${units.d}`;
  if (h > 0) return m > 0 ? `${h} ${units.h} ${m} ${units.m}` : `${h} ${units.h}`;
  return `${m} ${units.m}`;
}

/** The key and parameters of the badge's text (tickets.sla.*). */
export function slaLabel(view: SlaView, units: DurationUnits): { key: string; time?: string } {
  if (view.remainingMs === null) return { key: `tickets.sla.status.${view.status}` };
  const time = formatDuration(view.remainingMs, units);
  return view.remainingMs < 0 ? { key: 'tickets.sla.overdue', time } : { key: 'tickets.sla.left', time };
}

/**
 * The server's working time left (null: no count, e.g. an older server), but none once
 * the due time has passed on the wall clock since the server counted.
 */
export function workingLeftAt(target: Pick<SlaTargetOutcome, 'dueAt' | 'businessMinutesLeft'>, now: number): number | null {
  const left = target.businessMinutesLeft ?? null;
  if (left === null || left <= 0 || target.dueAt === null) return left;
  return Date.parse(target.dueAt) <= now ? 0 : left;
}

/** What the details panel shows for one SLA target. */
export type TargetDisplay =
  | { kind: 'countdown'; dueAt: string; remainingMs: number; warning: boolean; workingMinutesLeft: number | null }
  | { kind: 'paused' }
  | { kind: 'met'; at: string }
  | { kind: 'missed'; at: string; lateMs: number }
  | { kind: 'none' };

/**
 * A target that stopped (answered, resolved) shows its outcome, never a countdown;
 * one that runs shows its due time and the time left or overdue. The outcome is the
 * server's (business time), not a comparison of wall-clock times here.
 */
export function targetDisplay(target: SlaTargetOutcome, now: number): TargetDisplay {
  if (target.stoppedAt !== null) {
    return target.status === 'breached'
      ? { kind: 'missed', at: target.stoppedAt, lateMs: (target.breachedMinutes ?? 0) * MINUTE }
      : { kind: 'met', at: target.stoppedAt };
  }
  if (target.status === 'paused') return { kind: 'paused' };
  if (target.status === 'none' || target.status === 'met' || !target.dueAt) return { kind: 'none' };
  // warning: past the policy's warning share, so the time left shows in the warning colour.
  // workingMinutesLeft: the server's count in business hours, what the page says (remainingMs is wall-clock time).
  return {
    kind: 'countdown', dueAt: target.dueAt, remainingMs: Date.parse(target.dueAt) - now, warning: target.status === 'warning',
    workingMinutesLeft: workingLeftAt(target, now),
  };
}
