/**
 * Public holidays of the provider's country, for the `weekend_holiday` time
 * class (BILLING.md §2). "Public holiday" here means a day OFF by law (CZ:
 * státní svátek / ostatní svátek, both days of rest; SK: deň pracovného pokoja),
 * not a commemorative day that is worked normally.
 *
 * The lists are data tables so a change of law is a one-line edit: each rule
 * may carry the years it applies in (`fromYear`, `untilYear`) and single years
 * it is suspended (`exceptYears`).
 *
 * Sources and assumptions (checked 2026; please correct here when law changes):
 * - CZ: Act No. 245/2000 Coll. Good Friday is a day off from 2016 (Act 359/2015).
 *   Earlier history (before 2000) is not modelled; those years use today's list.
 * - SK: Act No. 241/1993 Coll. as amended by the consolidation packages:
 *   1 Sep (Constitution Day) is no longer a day of rest from 2024 (law of
 *   19 Dec 2023); 17 Nov is no longer a day of rest from 2025 (amendment in
 *   force 1 Nov 2025); 8 May and 15 Sep are not days of rest in 2026 only (same
 *   amendment). 28 Oct is a state holiday in SK but has never been a day off.
 */
import { formatIsoDate, toEpochDay, fromEpochDay, MIN_YEAR, MAX_YEAR, type IsoDate } from './dates.ts';
import { easterSunday } from './easter.ts';

export type CountryCode = 'CZ' | 'SK';

export const SUPPORTED_COUNTRIES: readonly CountryCode[] = ['CZ', 'SK'];

export interface PublicHoliday {
  readonly date: IsoDate;
  /** Stable machine code, e.g. 'good_friday'; UI translations key off it. */
  readonly code: string;
  /** English name, for logs and as a translation fallback. */
  readonly name: string;
}

interface RuleValidity {
  readonly fromYear?: number;
  readonly untilYear?: number;
  readonly exceptYears?: readonly number[];
}

type HolidayRule = RuleValidity & { readonly code: string; readonly name: string } & (
    | { readonly kind: 'fixed'; readonly month: number; readonly day: number }
    | { readonly kind: 'easter'; readonly offsetDays: number }
  );

const fixed = (month: number, day: number, code: string, name: string, validity: RuleValidity = {}): HolidayRule => ({
  kind: 'fixed',
  month,
  day,
  code,
  name,
  ...validity,
});

const GOOD_FRIDAY = -2;
const EASTER_MONDAY = 1;

const HOLIDAY_RULES: Readonly<Record<CountryCode, readonly HolidayRule[]>> = {
  CZ: [
    fixed(1, 1, 'new_year', "Restoration Day of the Independent Czech State; New Year's Day"),
    { kind: 'easter', offsetDays: GOOD_FRIDAY, code: 'good_friday', name: 'Good Friday', fromYear: 2016 },
    { kind: 'easter', offsetDays: EASTER_MONDAY, code: 'easter_monday', name: 'Easter Monday' },
    fixed(5, 1, 'labour_day', 'Labour Day'),
    fixed(5, 8, 'liberation_day', 'Liberation Day'),
    fixed(7, 5, 'cyril_methodius', 'Saints Cyril and Methodius Day'),
    fixed(7, 6, 'jan_hus', 'Jan Hus Day'),
    fixed(9, 28, 'statehood_day', 'St. Wenceslas Day (Czech Statehood Day)'),
    fixed(10, 28, 'independence_day', 'Independent Czechoslovak State Day'),
    fixed(11, 17, 'freedom_democracy', 'Struggle for Freedom and Democracy Day'),
    fixed(12, 24, 'christmas_eve', 'Christmas Eve'),
    fixed(12, 25, 'christmas_day', 'Christmas Day'),
    fixed(12, 26, 'st_stephen', "St. Stephen's Day"),
  ],
  SK: [
    fixed(1, 1, 'republic_day', 'Day of the Establishment of the Slovak Republic'),
    fixed(1, 6, 'epiphany', 'Epiphany'),
    { kind: 'easter', offsetDays: GOOD_FRIDAY, code: 'good_friday', name: 'Good Friday' },
    { kind: 'easter', offsetDays: EASTER_MONDAY, code: 'easter_monday', name: 'Easter Monday' },
    fixed(5, 1, 'labour_day', 'Labour Day'),
    fixed(5, 8, 'victory_day', 'Day of Victory over Fascism', { exceptYears: [2026] }),
    fixed(7, 5, 'cyril_methodius', 'Saints Cyril and Methodius Day'),
    fixed(8, 29, 'snp_anniversary', 'Slovak National Uprising Anniversary'),
    fixed(9, 1, 'constitution_day', 'Constitution Day', { untilYear: 2023 }),
    fixed(9, 15, 'our_lady_of_sorrows', 'Our Lady of Seven Sorrows', { exceptYears: [2026] }),
    fixed(11, 1, 'all_saints', "All Saints' Day"),
    fixed(11, 17, 'freedom_democracy', 'Struggle for Freedom and Democracy Day', { untilYear: 2024 }),
    fixed(12, 24, 'christmas_eve', 'Christmas Eve'),
    fixed(12, 25, 'christmas_day', 'Christmas Day'),
    fixed(12, 26, 'st_stephen', "St. Stephen's Day"),
  ],
};

function appliesIn(rule: RuleValidity, year: number): boolean {
  if (rule.fromYear !== undefined && year < rule.fromYear) return false;
  if (rule.untilYear !== undefined && year > rule.untilYear) return false;
  return !(rule.exceptYears?.includes(year) ?? false);
}

function rulesOf(country: CountryCode): readonly HolidayRule[] {
  const rules = HOLIDAY_RULES[country];
  if (rules === undefined) throw new RangeError(`unsupported country '${String(country)}'`);
  return rules;
}

/** The public holidays (days off) of a country in a year, in date order. */
export function publicHolidays(country: CountryCode, year: number): PublicHoliday[] {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year out of range: ${year}`);
  }
  const rules = rulesOf(country);
  let easter: number | null = null;
  const holidays: PublicHoliday[] = [];
  for (const rule of rules) {
    if (!appliesIn(rule, year)) continue;
    let date: IsoDate;
    if (rule.kind === 'fixed') {
      date = formatIsoDate(year, rule.month, rule.day);
    } else {
      easter ??= toEpochDay(easterSunday(year));
      date = fromEpochDay(easter + rule.offsetDays);
    }
    holidays.push({ date, code: rule.code, name: rule.name });
  }
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// Memo of holiday dates per country and year: pricing asks once per record, and a
// year's list never changes while the process runs (the tables are constants).
const holidaySets = new Map<string, ReadonlySet<IsoDate>>();

function holidaySet(country: CountryCode, year: number): ReadonlySet<IsoDate> {
  const key = `${country}${year}`;
  let set = holidaySets.get(key);
  if (set === undefined) {
    set = new Set(publicHolidays(country, year).map((holiday) => holiday.date));
    holidaySets.set(key, set);
  }
  return set;
}

function yearOf(date: IsoDate): number {
  let year = 0;
  for (let i = 0; i < 4; i++) year = year * 10 + (date.charCodeAt(i) - 48);
  return year;
}

/** Whether an ISO date is a public holiday (day off) in the country. */
export function isPublicHoliday(country: CountryCode, date: IsoDate): boolean {
  toEpochDay(date); // validates the date; cheap, and keeps garbage from being "not a holiday"
  return holidaySet(country, yearOf(date)).has(date);
}

/** Answers "is this date a public holiday?" — what pricing's time class needs. */
export type HolidayCalendar = (date: IsoDate) => boolean;

export function holidayCalendar(country: CountryCode): HolidayCalendar {
  rulesOf(country);
  return (date) => isPublicHoliday(country, date);
}
