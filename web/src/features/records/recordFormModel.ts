// The log form of the ticket's records panel (pure): what is typed → the API's
// body, or the problems to show on the fields before anything is sent.
import { parseTimeField } from '../../app/components/timeFieldText';
import type { NewRecord, ServiceRecord, Timer, TimerStop } from './api';
import { readDecimalInput, readDuration } from './format';
import { isCountedUnit } from '../warehouse/units';
import { isIsoDate } from './week';
import { todayIso } from '../../app/format';

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
  /**
   * The user ticked or unticked "billable" themselves: from then on it stays as they left it,
   * and it is sent. Until then it follows the entry's default (see withDefaultBillable).
   */
  billableChosen: boolean;
  /**
   * A saved record being corrected: its work type and billable as saved. Its billable stands
   * while the work type is the saved one; another work type's default replaces it (what the
   * server does with a change that leaves billable out). Null for a new entry.
   */
  savedBillable: { workTypeId: string | null; billable: boolean } | null;
  description: string;
  internalNote: string;
  km: string;
  zoneId: string | null;
  vehicle: string;
  feeId: string | null;
  quantity: string;
}

/** A new entry; "billable" is the default of a billable work type until withDefaultBillable knows the work type's own. */
export function emptyLog(today: string, workTypeId: string | null): LogValues {
  return {
    kind: 'work', date: today, startTime: '', duration: '', endTime: '', workTypeId, billable: true, billableChosen: false, savedBillable: null,
    description: '', internalNote: '', km: '', zoneId: null, vehicle: '', feeId: null, quantity: '1',
  };
}

/** A work type's "billable by default" flag, by its id as the form holds it; undefined while the catalogue is not known (or has no such type). */
export type WorkTypeBillable = (workTypeId: string) => boolean | undefined;

/**
 * "Billable" as the entry's default has it, unless the user chose it themselves: what the
 * server gives it when billable is not sent (see defaultBillable). Left as it stands while the
 * work type's default is not known, the catalogue still loading.
 */
export function withDefaultBillable(v: LogValues, workTypeBillable: WorkTypeBillable): LogValues {
  if (v.billableChosen) return v;
  const billable = defaultBillable(v, workTypeBillable);
  return billable === undefined || billable === v.billable ? v : { ...v, billable };
}

/**
 * Billable as the server has it when it is not sent: a saved record keeps its own while its work
 * type stays; work takes its work type's default; travel and fees are billable. Undefined: not known yet.
 */
function defaultBillable(v: LogValues, workTypeBillable: WorkTypeBillable): boolean | undefined {
  const saved = v.savedBillable;
  if (saved && (v.kind !== 'work' || v.workTypeId === saved.workTypeId)) return saved.billable;
  if (v.kind !== 'work') return true;
  return v.workTypeId ? workTypeBillable(v.workTypeId) : undefined;
}

/** A work type picked: "billable" follows it again, even after the user had ticked it for the previous one. */
export function withWorkType(v: LogValues, workTypeId: string | null, workTypeBillable: WorkTypeBillable): LogValues {
  return withDefaultBillable({ ...v, workTypeId, billableChosen: false }, workTypeBillable);
}

/** Field → error code (texts: records.form.errors.<code>): each says what is wrong, not only the format. */
export type LogProblems = Partial<Record<keyof LogValues, string>>;

/** One entry covers at most a day (the server refuses more, too). */
export const MAX_ENTRY_MINUTES = 24 * 60;

const id = (v: string | null) => (v ? Number(v) : null);
const DECIMAL_CODES = { negative: 'negative', decimals: 'decimals', notNumber: 'km' } as const;

/** A unit fee's unit by its id as the form holds it; undefined while the catalogue is not known (the server checks in any case). */
export type FeeUnit = (feeId: string) => string | undefined;

/** The body to POST, or the problems found before asking the server. */
export function toNewRecord(v: LogValues, feeUnit: FeeUnit = () => undefined): { body: NewRecord; problems: null } | { body: null; problems: LogProblems } {
  const problems: LogProblems = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) problems.date = 'date';
  // Billable is sent only as the user chose it: left out, the server logs the work type's default
  // (a correction keeps the record's own unless the work type changes), which is what the box
  // shows (and is right even when the form could not know it yet).
  const common = { date: v.date, ...(v.billableChosen ? { billable: v.billable } : {}), description: v.description.trim(), internalNote: v.internalNote.trim() };

  if (v.kind === 'fee') {
    const feeId = id(v.feeId);
    const quantity = readDecimalInput(v.quantity);
    if (feeId === null) problems.feeId = 'required';
    if (quantity.problem === 'notNumber') problems.quantity = 'quantity';
    else if (quantity.problem) problems.quantity = quantity.problem === 'negative' ? 'notPositive' : 'decimals';
    else if (Number(quantity.value) === 0) problems.quantity = 'notPositive';
    // A fee counted in visits or pieces takes whole ones (the server's rule, said at the field before sending).
    else if (!Number.isInteger(Number(quantity.value)) && v.feeId && isCountedUnit(feeUnit(v.feeId) ?? '')) problems.quantity = 'wholeUnits';
    if (Object.keys(problems).length) return { body: null, problems };
    return { body: { kind: 'fee', ...common, feeId: feeId!, quantity: quantity.value! }, problems: null };
  }

  // A start or end that is no time is refused on its field, never sent as "no start":
  // work without a start is priced as business hours, also on a Saturday.
  const start = v.startTime.trim() ? parseTimeField(v.startTime) : null;
  const end = v.endTime.trim() ? parseTimeField(v.endTime) : null;
  if (v.startTime.trim() && !start) problems.startTime = 'time';
  if (v.endTime.trim() && !end) problems.endTime = 'time';
  if (end && !start) problems.startTime = 'startForEnd';
  // An end before the start is a typing mistake, never 23 hours: work past midnight is a start and minutes.
  if (start && end && end < start) problems.endTime = 'endBeforeStart';
  if (start && end && end === start) problems.endTime = 'endIsStart';
  const duration = v.duration.trim() ? readDuration(v.duration) : null;
  const minutes = duration?.minutes ?? null;
  if (duration?.problem) problems.duration = duration.problem === 'negative' ? (v.kind === 'work' ? 'notPositive' : 'negative') : 'duration';
  else if (minutes !== null && minutes > MAX_ENTRY_MINUTES) problems.duration = 'tooLong';
  else if (minutes === 0 && v.kind === 'work') problems.duration = 'notPositive';
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
  const km = v.km.trim() ? readDecimalInput(v.km) : null;
  if (km?.problem) problems.km = DECIMAL_CODES[km.problem];
  if (km === null && zoneId === null) problems.km = 'kmOrZone';
  if (Object.keys(problems).length) return { body: null, problems };
  return {
    body: { kind: 'travel', ...common, ...time, ...(km?.value ? { km: km.value } : {}), zoneId, vehicle: v.vehicle.trim() || null },
    problems: null,
  };
}

/**
 * A draft being corrected: the form filled from the saved record (work, travel or fee; never material); `decimal` writes km and
 * quantities as the user types them (36,5). Its billable is the record's own, not chosen: unsent, it stays unless another work type is picked.
 */
export function fromRecord(r: ServiceRecord, decimal: (apiDecimal: string) => string = (d) => d): LogValues {
  const kind: LogKind = r.kind === 'travel' || r.kind === 'fee' ? r.kind : 'work';
  const workTypeId = r.workType ? String(r.workType.id) : null;
  return {
    kind, date: r.date, startTime: r.startTime ?? '', duration: kind === 'fee' ? '' : String(r.minutes), endTime: '',
    workTypeId, billable: r.billable, billableChosen: false,
    savedBillable: { workTypeId, billable: r.billable }, description: r.description, internalNote: r.internalNote,
    km: r.km === null ? '' : decimal(r.km), zoneId: r.zone ? String(r.zone.id) : null, vehicle: r.vehicle ?? '', feeId: r.fee ? String(r.fee.id) : null,
    quantity: r.quantity === null ? '1' : decimal(r.quantity),
  };
}

/**
 * Stopping a running timer: the form starts from what it measured (its day and start,
 * the minutes so far, its work type and description), for the technician to correct
 * or discard before anything is logged.
 */
export function fromTimer(timer: Timer, fallbackWorkTypeId: string | null, workTypeBillable: WorkTypeBillable): LogValues {
  const workTypeId = timer.workType ? String(timer.workType.id) : fallbackWorkTypeId;
  const duration = String(timer.elapsedMinutes);
  return withDefaultBillable({
    ...emptyLog(timer.localStart.date, workTypeId),
    startTime: timer.localStart.time, duration, endTime: endAfter(timer.localStart.time, duration), description: timer.description,
  }, workTypeBillable);
}

const clockMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
/** 1350 → '22:30'; a minute of the next day reads as its clock time. */
const clockText = (minute: number) => {
  const clock = minute % (24 * 60);
  return `${String(Math.floor(clock / 60)).padStart(2, '0')}:${String(clock % 60).padStart(2, '0')}`;
};

/**
 * The end of work that began at a start and lasted the typed minutes, the same day:
 * ('09:00', '47') → '09:47'. Empty when either is unreadable, the minutes are none, or the
 * end would fall past midnight (such work is a start and minutes, never an end before the start).
 */
export function endAfter(startTime: string, duration: string): string {
  const start = startTime.trim() ? parseTimeField(startTime) : null;
  const minutes = duration.trim() ? readDuration(duration).minutes : null;
  if (start === null || minutes === null || minutes <= 0) return '';
  const end = clockMinutes(start) + minutes;
  return end < 24 * 60 ? clockText(end) : '';
}

/**
 * When the work as typed ends, if that is later than now (the browser's clock): a start with
 * minutes, or a start with an end, on the record's day; null otherwise. Only a hint at the end
 * field, never a refusal: a stopped timer whose minutes were raised by mistake ("1:45" for
 * "0:45") ends in the future and would otherwise be logged without a word. The hint names the
 * end ('22:30'), as the end field stays empty when the end follows from start and minutes.
 * Without a start there is no end to judge. The minute after now's is not yet "the future":
 * times are whole minutes, so the minute being worked in ends then, and a stopped timer
 * (its start's minute and at least one minute) may end there too; its proposal never
 * warns about itself, even with the server's clock a few seconds ahead of the browser's.
 */
export function futureEnd(v: Pick<LogValues, 'date' | 'startTime' | 'duration' | 'endTime'>, now: Date): string | null {
  if (!isIsoDate(v.date)) return null;
  const start = v.startTime.trim() ? parseTimeField(v.startTime) : null;
  if (start === null) return null;
  const end = v.endTime.trim() ? parseTimeField(v.endTime) : null;
  const minutes = v.duration.trim() ? readDuration(v.duration).minutes : null;
  const endMinute = end !== null ? clockMinutes(end) : minutes !== null && minutes > 0 ? clockMinutes(start) + minutes : null;
  if (endMinute === null) return null;
  const dayMinutes = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 60_000;
  if (dayMinutes(v.date) + endMinute <= dayMinutes(todayIso(now)) + now.getHours() * 60 + now.getMinutes() + 1) return null;
  return clockText(endMinute);
}

/**
 * The stop dialog keeps its times agreeing, since an end sent wins over the minutes: a changed
 * start or minutes moves the end, an end typed after the start sets the minutes. (The log form
 * leaves them apart: there an end is the other way to give the minutes.)
 */
export function timerTimesAfter(values: LogValues, field: 'startTime' | 'duration' | 'endTime', value: string): Partial<LogValues> {
  const next = { ...values, [field]: value };
  if (field !== 'endTime') return { [field]: value, endTime: endAfter(next.startTime, next.duration) };
  const start = next.startTime.trim() ? parseTimeField(next.startTime) : null;
  const end = value.trim() ? parseTimeField(value) : null;
  const minutes = start && end ? clockMinutes(end) - clockMinutes(start) : 0;
  return minutes > 0 ? { endTime: value, duration: String(minutes) } : { endTime: value };
}

/** The stop dialog → the body of POST /timers/me/stop (a work entry; the same checks as logging). */
export function toTimerStop(v: LogValues): { body: TimerStop; problems: null } | { body: null; problems: LogProblems } {
  const built = toNewRecord({ ...v, kind: 'work' });
  if (built.problems) return built;
  if (built.body.kind !== 'work') throw new Error('a timer stops as a work entry');
  const { kind: _kind, ...body } = built.body;
  return { body, problems: null };
}

/** What PATCH /records/:id takes: the kind cannot change; the version guards against a change made meanwhile. */
export type RecordChange = Omit<NewRecord, 'kind'> & { version: number };

/**
 * The corrected form → the PATCH body (same checks as logging). A field emptied while
 * correcting is sent as emptied, never left out: left out, the server would keep the old
 * value and the record would silently stay as it was (travel km or minutes). Billable is the
 * exception, sent only as the user chose it, as for a new entry: left out, the server keeps the
 * record's own, or takes a newly picked work type's default (what the box shows).
 */
export function toRecordChange(v: LogValues, version: number, feeUnit?: FeeUnit): { body: RecordChange; problems: null } | { body: null; problems: LogProblems } {
  const built = toNewRecord(v, feeUnit);
  if (built.problems) return built;
  const { kind, ...rest } = built.body;
  const body: RecordChange = { ...rest, version };
  if (kind === 'travel') {
    const travel = body as RecordChange & { km?: string; minutes?: number; endTime?: string };
    travel.km ??= '0';
    if (travel.endTime === undefined) travel.minutes ??= 0;
  }
  return { body, problems: null };
}

/** Ctrl+Enter (⌘+Enter on a Mac) logs the form, from whichever of its fields has the focus. */
export function isSubmitShortcut(e: { key: string; ctrlKey: boolean; metaKey: boolean; isComposing?: boolean }): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing;
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
