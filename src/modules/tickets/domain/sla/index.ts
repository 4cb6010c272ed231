// Public API of the pure SLA core: business-hours calendars, business-time
// arithmetic, the priority matrix and the SLA clock. Instants are epoch ms.
export {
  calendar24x7,
  officeHoursCalendar,
  validateBusinessCalendar,
  CALENDAR_24X7,
  DEFAULT_TIME_ZONE,
} from './business-calendar.ts';
export type { BusinessCalendar, TimeWindow, Weekday, WorkingDayOverride } from './business-calendar.ts';
export {
  addBusinessMinutes,
  businessMinutesBetween,
  isBusinessTime,
  nextBusinessOpening,
} from './business-time.ts';
export type { Instant } from './business-time.ts';
export { isValidTimeZone, localDateTime, offsetAt, zonedInstant } from './time-zone.ts';
export type { LocalDateTime } from './time-zone.ts';
export {
  isPriority,
  priorityFrom,
  validatePriorityMatrix,
  DEFAULT_PRIORITY_MATRIX,
  LEVELS,
  PRIORITIES,
} from './priority.ts';
export type { Level, Priority, PriorityMatrix } from './priority.ts';
export { validateSlaPolicy, DEFAULT_WARN_AT_PERCENT } from './sla-policy.ts';
export type { PriorityTargets, SlaClockName, SlaPolicy } from './sla-policy.ts';
export { computeSla } from './sla-clock.ts';
export type { SlaEvent, SlaEventKind, SlaState, SlaStatus, SlaTarget } from './sla-clock.ts';
export { nextSlaCheckAt, slaTransitions, slaTransitionsBetween } from './sla-transitions.ts';
export type { SlaTransition } from './sla-transitions.ts';
