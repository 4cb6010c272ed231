// The log form of the ticket's records panel (pure): what is typed → the API's
// body, or the problems to show on the fields before anything is sent.
import type { NewRecord } from './api';
import { normaliseTime, parseDecimalInput, parseDuration } from './format';

export type LogKind = 'work' | 'travel' | 'fee';

export interface LogValues {
  kind: LogKind;
  date: string;
  startTime: string;
  /** Minutes as typed: "90", "1:30", "1h30", "1,5h". */
  duration: string;
  endTime: string;
  workTypeId: string | null;
  billable: boolean;
  description: string;
  internalNote: string;
  km: string;
  zoneId: string | null;
  vehicle: string;
  feeId: string | null;
  quantity: string;
}

export function emptyLog(today: string, workTypeId: string | null): LogValues {
  return {
    kind: 'work', date: today, startTime: '', duration: '', endTime: '', workTypeId, billable: true,
    description: '', internalNote: '', km: '', zoneId: null, vehicle: '', feeId: null, quantity: '1',
  };
}

/** Field → error code (texts: records.form.errors.<code>). */
export type LogProblems = Partial<Record<keyof LogValues, string>>;

const id = (v: string | null) => (v ? Number(v) : null);

/** The body to POST, or the problems found before asking the server. */
export function toNewRecord(v: LogValues): { body: NewRecord; problems: null } | { body: null; problems: LogProblems } {
  const problems: LogProblems = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) problems.date = 'date';
  const common = { date: v.date, billable: v.billable, description: v.description.trim(), internalNote: v.internalNote.trim() };

  if (v.kind === 'fee') {
    const feeId = id(v.feeId);
    const quantity = parseDecimalInput(v.quantity);
    if (feeId === null) problems.feeId = 'required';
    if (quantity === null || Number(quantity) <= 0) problems.quantity = 'quantity';
    if (Object.keys(problems).length) return { body: null, problems };
    return { body: { kind: 'fee', ...common, feeId: feeId!, quantity: quantity! }, problems: null };
  }

  const start = v.startTime.trim() ? normaliseTime(v.startTime) : null;
  const end = v.endTime.trim() ? normaliseTime(v.endTime) : null;
  if (v.startTime.trim() && !start) problems.startTime = 'time';
  if (v.endTime.trim() && !end) problems.endTime = 'time';
  if (end && !start) problems.startTime = 'startForEnd';
  const minutes = v.duration.trim() ? parseDuration(v.duration) : null;
  if (v.duration.trim() && minutes === null) problems.duration = 'duration';
  // Minutes, or a start and an end: the server works out the minutes from the times.
  const time = { startTime: start, ...(end ? { endTime: end } : {}), ...(minutes !== null && !end ? { minutes } : {}) };

  if (v.kind === 'work') {
    const workTypeId = id(v.workTypeId);
    if (workTypeId === null) problems.workTypeId = 'required';
    if (minutes === null && !end && !problems.duration) problems.duration = 'durationRequired';
    if (Object.keys(problems).length) return { body: null, problems };
    return { body: { kind: 'work', ...common, ...time, workTypeId: workTypeId! }, problems: null };
  }

  const zoneId = id(v.zoneId);
  const km = v.km.trim() ? parseDecimalInput(v.km) : null;
  if (v.km.trim() && km === null) problems.km = 'km';
  if (km === null && zoneId === null && !problems.km) problems.km = 'kmOrZone';
  if (Object.keys(problems).length) return { body: null, problems };
  return {
    body: { kind: 'travel', ...common, ...time, ...(km !== null ? { km } : {}), zoneId, vehicle: v.vehicle.trim() || null },
    problems: null,
  };
}

/** The work type last used in this browser: the next entry and the timer start with it. */
const WORK_TYPE_KEY = 'kontor.records.workTypeId';

export function rememberedWorkType(): string | null {
  try {
    return localStorage.getItem(WORK_TYPE_KEY);
  } catch {
    return null;
  }
}

export function rememberWorkType(value: string | null): void {
  try {
    if (value) localStorage.setItem(WORK_TYPE_KEY, value);
  } catch {
    // storage unavailable: not fatal
  }
}
