// The SLA in working time (business hours of the policy's calendar), as the ticket
// header says it. The server counts the minutes (it knows the calendar); here they
// are only chosen and put into words.
import type { Sla, SlaTargetOutcome } from './api';
import { slaView, workingLeftAt, type DurationUnits, type SlaStatus } from './sla';

type Targets = { firstResponse: SlaTargetOutcome; resolution: SlaTargetOutcome };

/**
 * Working time in hours and minutes, never days ("37 h 30 min", "2 h", "45 min",
 * "0 min"): a working day has no fixed length (it depends on the calendar), so
 * "2 d" would be read as 48 hours.
 */
export function formatWorkingTime(minutes: number, units: Pick<DurationUnits, 'h' | 'm'>): string {
  const whole = Math.abs(Math.trunc(minutes));
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  if (h === 0) return `${m} ${units.m}`;
  return m > 0 ? `${h} ${units.h} ${m} ${units.m}` : `${h} ${units.h}`;
}

/** What the ticket header says of the SLA. */
export type SlaHeadline =
  | { kind: 'left'; status: 'running' | 'warning'; minutes: number; dueAt: string | null }
  | { kind: 'over'; minutes: number; dueAt: string | null }
  | { kind: 'paused'; overMinutes: number | null }
  | { kind: 'status'; status: SlaStatus };

/** Whether some target's clock runs (so its working time left changes as time goes on). */
export function hasRunningClock(targets: Targets): boolean {
  return targets.firstResponse.businessMinutesLeft !== null || targets.resolution.businessMinutesLeft !== null;
}

/**
 * The header follows the target that runs out first in working time (first response
 * or resolution); with none running, a paused one (still saying by how much it is
 * over, if it already is); else the ticket's overall status (met, no SLA).
 * `now` only catches a due time that passed since the server counted: from then on
 * no working time is left, whatever the last answer said.
 */
export function slaHeadline(sla: Pick<Sla, 'status' | 'dueAt'>, targets: Targets, now: number): SlaHeadline {
  const running = [targets.firstResponse, targets.resolution].filter((t) => t.businessMinutesLeft !== null);
  const first = running.reduce<SlaTargetOutcome | null>((best, t) => (best === null || t.businessMinutesLeft! < best.businessMinutesLeft! ? t : best), null);
  if (first) {
    const left = workingLeftAt(first, now)!;
    if (left < 0 || first.status === 'breached') return { kind: 'over', minutes: Math.abs(left), dueAt: first.dueAt };
    return { kind: 'left', status: first.status === 'warning' ? 'warning' : 'running', minutes: left, dueAt: first.dueAt };
  }
  const paused = [targets.firstResponse, targets.resolution].find((t) => t.stoppedAt === null && (t.status === 'paused' || t.status === 'breached'));
  if (paused) return { kind: 'paused', overMinutes: paused.status === 'breached' ? paused.breachedMinutes : null };
  return { kind: 'status', status: slaView(sla, now).status };
}

/** The headline's colour: the badge's rules (orange past the warning share, red overdue). */
export function headlineStatus(headline: SlaHeadline): SlaStatus {
  switch (headline.kind) {
    case 'left':
      return headline.status;
    case 'over':
      return 'breached';
    case 'paused':
      return headline.overMinutes === null ? 'paused' : 'breached';
    case 'status':
      return headline.status;
  }
}

/** The words for working time left of a running target, or over it (negative, or `over` for a breach under half a minute). */
export function workingLeftText(minutes: number, units: Pick<DurationUnits, 'h' | 'm'>, over = minutes < 0): { key: string; time: string } {
  return { key: over ? 'tickets.sla.working.over' : 'tickets.sla.working.left', time: formatWorkingTime(minutes, units) };
}

/** The key and parameters of the headline's text (tickets.sla.working.*, tickets.sla.status.*). */
export function headlineText(headline: SlaHeadline, units: Pick<DurationUnits, 'h' | 'm'>): { key: string; time?: string } {
  switch (headline.kind) {
    case 'left':
      return workingLeftText(headline.minutes, units);
    case 'over':
      return workingLeftText(headline.minutes, units, true);
    case 'paused':
      return headline.overMinutes === null ? { key: 'tickets.sla.status.paused' } : { key: 'tickets.sla.working.pausedOver', time: formatWorkingTime(headline.overMinutes, units) };
    case 'status':
      return { key: `tickets.sla.status.${headline.status}` };
  }
}
