// Pure helpers of the SLA pages: targets as hours + minutes, durations for
// display, weekly opening hours.
import { typedNotANumber } from '../../../app/components/numberFieldText';
import { type CountryYear, type HolidayCountry, PRIORITIES, type Priority, type PriorityTargets, type PublicHoliday, type TimeWindow, WEEKDAYS, type Weekday } from './api';

/**
 * A duration field pair; '' is an empty input, other text is what was typed and is no whole
 * number (NumberField): refused by notNumberPaths, never read as one.
 */
export interface HoursMinutes {
  hours: number | string;
  minutes: number | string;
}

export function splitMinutes(total: number | null): HoursMinutes {
  if (total === null) return { hours: '', minutes: '' };
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/**
 * Both empty: no target (null). Otherwise hours × 60 + minutes (an empty part counts 0).
 * Typed text that is no number is refused before (notNumberPaths): meeting it here is a bug.
 */
export function joinMinutes(value: HoursMinutes): number | null {
  if (value.hours === '' && value.minutes === '') return null;
  return part(value.hours) * 60 + part(value.minutes);
}

function part(value: number | string): number {
  if (typeof value === 'number') return value;
  if (typedNotANumber(value)) throw new Error(`"${value}" is no number: the form refuses it before reading the targets`);
  return 0;
}

const TARGET_KINDS = ['firstResponse', 'resolution'] as const;

/** Fields holding typed text that is no number, as form paths (targets.P1.firstResponse.hours). */
export function notNumberPaths(form: TargetsForm): string[] {
  return PRIORITIES.flatMap((p) => TARGET_KINDS.flatMap((target) =>
    (['hours', 'minutes'] as const).filter((unit) => typedNotANumber(form[p][target][unit])).map((unit) => `targets.${p}.${target}.${unit}`)));
}

/** 90 → "1 h 30 min", 480 → "8 h", 45 → "45 min", null → null. */
export function formatMinutes(total: number | null): string | null {
  if (total === null) return null;
  const { hours, minutes } = splitMinutes(total);
  if (hours && minutes) return `${hours} h ${minutes} min`;
  if (hours) return `${hours} h`;
  return `${minutes} min`;
}

export type TargetsForm = Record<Priority, { firstResponse: HoursMinutes; resolution: HoursMinutes }>;

export function targetsToForm(targets: Record<Priority, PriorityTargets>): TargetsForm {
  return Object.fromEntries(
    PRIORITIES.map((p) => [p, { firstResponse: splitMinutes(targets[p].firstResponseMinutes), resolution: splitMinutes(targets[p].resolutionMinutes) }]),
  ) as TargetsForm;
}

export function formToTargets(form: TargetsForm): Record<Priority, PriorityTargets> {
  return Object.fromEntries(
    PRIORITIES.map((p) => [p, { firstResponseMinutes: joinMinutes(form[p].firstResponse), resolutionMinutes: joinMinutes(form[p].resolution) }]),
  ) as Record<Priority, PriorityTargets>;
}

/**
 * Minutes fields over 59 beside filled-in hours ("2 h 75 min"), as form paths
 * (targets.P1.firstResponse.minutes). Such a pair is refused rather than saved as
 * 3 h 15 min: the admin most likely mistyped one of the two. Minutes alone may be
 * any number (90 min is a plain way to say 1 h 30 min).
 */
export function overlongMinutePaths(form: TargetsForm): string[] {
  const paths: string[] = [];
  for (const p of PRIORITIES) {
    for (const target of TARGET_KINDS) {
      const { hours, minutes } = form[p][target];
      if (typeof hours === 'number' && typeof minutes === 'number' && minutes > 59) paths.push(`targets.${p}.${target}.minutes`);
    }
  }
  return paths;
}

/**
 * What is wrong with the warning percent: text that is no number, or a number outside 1–99
 * (the server's range), or nothing. Nothing here rounds or raises it into the range.
 */
export function warnAtPercentProblem(value: number | string): 'notNumber' | 'range' | null {
  if (typedNotANumber(value)) return 'notNumber';
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 99 ? null : 'range';
}

/**
 * The API's target paths ("targets.P3.resolutionMinutes") as the form's
 * ("targets.P3.resolution.hours"), so field errors land on the hours input.
 */
export function targetErrorPathMap(): Record<string, string> {
  const map: Record<string, string> = {};
  for (const p of PRIORITIES) {
    map[`targets.${p}.firstResponseMinutes`] = `targets.${p}.firstResponse.hours`;
    map[`targets.${p}.resolutionMinutes`] = `targets.${p}.resolution.hours`;
  }
  return map;
}

export function emptyWeek(): Record<Weekday, TimeWindow[]> {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as Record<Weekday, TimeWindow[]>;
}

/** Mon–Fri 08:00–17:00, the usual office week. */
export function officeWeek(): Record<Weekday, TimeWindow[]> {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, Number(d) <= 5 ? [{ start: '08:00', end: '17:00' }] : []])) as unknown as Record<Weekday, TimeWindow[]>;
}

/** The window a day gets next: after its last one (an hour later), else office hours. */
export function nextWindow(windows: readonly TimeWindow[]): TimeWindow {
  const last = windows.at(-1);
  if (!last) return { start: '08:00', end: '17:00' };
  const [h] = last.end.split(':').map(Number);
  const start = Math.min((h ?? 17) + 1, 23);
  return { start: `${String(start).padStart(2, '0')}:00`, end: start + 2 >= 24 ? '24:00' : `${String(start + 2).padStart(2, '0')}:00` };
}

/** Open hours of a week in minutes, for a summary ("45 h a week"). Invalid windows count 0. */
export function weeklyMinutes(weekly: Record<Weekday, TimeWindow[]>): number {
  const minute = (s: string) => {
    const m = /^(\d{2}):(\d{2})$/.exec(s);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  let total = 0;
  for (const d of WEEKDAYS) for (const w of weekly[d]) {
    const span = minute(w.end) - minute(w.start);
    if (span > 0) total += span;
  }
  return total;
}

/** "08:00–12:00, 13:00–17:00" for one day. */
export function formatDay(windows: readonly TimeWindow[]): string {
  return windows.map((w) => `${w.start}–${w.end}`).join(', ');
}

/** ISO weekday of a YYYY-MM-DD date, Monday = "1". */
export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number);
  const sundayFirst = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
  return String(sundayFirst === 0 ? 7 : sundayFirst) as Weekday;
}

/** The country-years whose holidays a calendar form needs: this year and next for the list, and every year of an own day off. */
export function holidayYearsWanted(countries: readonly HolidayCountry[], daysOff: readonly string[], thisYear: number): CountryYear[] {
  const years = [...new Set([thisYear, thisYear + 1, ...daysOff.map((d) => Number(d.slice(0, 4))).filter(Number.isInteger)])].sort((a, b) => a - b);
  return countries.flatMap((country) => years.map((year) => ({ country, year })));
}

/** Why an own day off adds nothing: a public holiday already, or a day the week is closed anyway. */
export type DayOffHint = { date: string; kind: 'holiday'; holiday: PublicHoliday } | { date: string; kind: 'closed'; weekday: Weekday };

/**
 * Hints (not errors) for own days off the calendar is closed on anyway: the admin
 * who adds Easter Monday learns it is already a holiday of a chosen country.
 */
export function dayOffHints(daysOff: readonly string[], weekly: Record<Weekday, TimeWindow[]>, holidays: readonly PublicHoliday[]): DayOffHint[] {
  const byDate = new Map(holidays.map((h) => [h.date, h]));
  return daysOff.flatMap((date): DayOffHint[] => {
    const holiday = byDate.get(date);
    if (holiday) return [{ date, kind: 'holiday', holiday }];
    const weekday = weekdayOf(date);
    return weekly[weekday].length === 0 ? [{ date, kind: 'closed', weekday }] : [];
  });
}
