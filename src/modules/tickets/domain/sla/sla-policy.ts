/**
 * An SLA policy: per priority, how many business minutes the first response and
 * the resolution may take, on which business calendar. Minutes are whole
 * (DESIGN.md: time is whole minutes); null means "no target for this priority".
 */
import type { ErrorDetail } from '../../../../shared/errors.ts';
import { validateBusinessCalendar, type BusinessCalendar } from './business-calendar.ts';
import { PRIORITIES, type Priority } from './priority.ts';

export interface PriorityTargets {
  readonly firstResponseMinutes: number | null;
  readonly resolutionMinutes: number | null;
}

export interface SlaPolicy {
  readonly id: string;
  readonly name: string;
  readonly calendar: BusinessCalendar;
  readonly targets: Readonly<Record<Priority, PriorityTargets>>;
  /** Share of a target used at which the ticket is "at risk"; default 80. */
  readonly warnAtPercent?: number;
  /**
   * Whether waiting for the client also stops the first-response clock. Default
   * false: a first response is owed to every ticket, and a ticket is normally
   * only put on hold by someone who has already answered it, so pausing it would
   * mostly hide late responses.
   */
  readonly pauseFirstResponse?: boolean;
}

export const DEFAULT_WARN_AT_PERCENT = 80;

export type SlaClockName = 'firstResponse' | 'resolution';

/** The target minutes of one clock for a priority; RangeError for a malformed policy. */
export function targetMinutes(policy: SlaPolicy, priority: Priority, clock: SlaClockName): number | null {
  const targets = policy.targets[priority];
  if (targets === undefined) throw new RangeError(`SLA policy ${policy.id} has no targets for ${priority}`);
  const minutes = clock === 'firstResponse' ? targets.firstResponseMinutes : targets.resolutionMinutes;
  if (minutes === null || minutes === undefined) return null;
  if (!Number.isSafeInteger(minutes) || minutes <= 0) {
    throw new RangeError(`SLA policy ${policy.id}: ${priority} ${clock} target must be a positive whole number of minutes, got ${minutes}`);
  }
  return minutes;
}

export function warnAtPercentOf(policy: SlaPolicy): number {
  return policy.warnAtPercent ?? DEFAULT_WARN_AT_PERCENT;
}

/** Everything wrong with a policy an administrator configured; empty when valid. */
export function validateSlaPolicy(policy: SlaPolicy): ErrorDetail[] {
  const problems: ErrorDetail[] = validateBusinessCalendar(policy.calendar).map((p) => ({ ...p, path: `calendar.${p.path}` }));
  for (const priority of PRIORITIES) {
    const targets = policy.targets?.[priority];
    if (targets === undefined || targets === null) {
      problems.push({ path: `targets.${priority}`, code: 'missing_targets', message: `targets for ${priority} are missing` });
      continue;
    }
    for (const field of ['firstResponseMinutes', 'resolutionMinutes'] as const) {
      const minutes = targets[field];
      if (minutes !== null && (!Number.isSafeInteger(minutes) || minutes <= 0)) {
        problems.push({
          path: `targets.${priority}.${field}`,
          code: 'invalid_target',
          message: 'a target is a positive whole number of minutes, or empty for none',
        });
      }
    }
  }
  const warn = warnAtPercentOf(policy);
  if (!Number.isFinite(warn) || warn <= 0 || warn >= 100) {
    problems.push({ path: 'warnAtPercent', code: 'invalid_percent', message: 'the warning threshold must be between 0 and 100 %' });
  }
  return problems;
}
