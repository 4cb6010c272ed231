import { z } from 'zod';
import { MAX_YEAR, MIN_YEAR } from '../../shared/calendar/index.ts';
import { id, uniqueName } from './common.schemas.ts';
import { HOLIDAY_COUNTRIES, LEVELS, PRIORITIES } from './domain/index.ts';

/* Business calendars */

const timeWindow = z.strictObject({ start: z.string().max(5), end: z.string().max(5) });
const day = z.array(timeWindow).max(10).default([]);
/** Opening hours per ISO weekday, Monday = "1"; a missing day is closed. */
const weekly = z.strictObject({ 1: day, 2: day, 3: day, 4: day, 5: day, 6: day, 7: day });
const calendarFields = {
  name: uniqueName('business calendar', { deactivatable: false }),
  /** IANA zone, e.g. Europe/Prague. */
  timeZone: z.string().trim().min(1).max(100),
  weekly,
  holidayCountries: z.array(z.enum(HOLIDAY_COUNTRIES)).max(HOLIDAY_COUNTRIES.length),
  /** The company's own closed dates, YYYY-MM-DD. */
  extraDaysOff: z.array(z.string().max(10)).max(1000),
};
export const newCalendarBody = z.strictObject({
  ...calendarFields,
  holidayCountries: calendarFields.holidayCountries.default([]),
  extraDaysOff: calendarFields.extraDaysOff.default([]),
});
/** The version an admin read; a save over a newer one would silently undo their colleague's. */
const versionRead = (what: string) =>
  z.number().int().positive().describe(`The ${what}'s version as read; 409 stale_version (nothing changed) if it was changed since`);
const versionOut = (what: string) => z.number().describe(`Raised by every change of the ${what}; send it back with a change`);

export const calendarPatchBody = z.strictObject({
  version: versionRead('calendar'),
  name: calendarFields.name.optional(),
  timeZone: calendarFields.timeZone.optional(),
  weekly: weekly.optional(),
  holidayCountries: calendarFields.holidayCountries.optional(),
  extraDaysOff: calendarFields.extraDaysOff.optional(),
});
const windowOut = z.object({ start: z.string(), end: z.string() });
export const calendarSchema = z.object({
  id: z.number(),
  name: z.string(),
  timeZone: z.string(),
  weekly: z.object({ 1: z.array(windowOut), 2: z.array(windowOut), 3: z.array(windowOut), 4: z.array(windowOut), 5: z.array(windowOut), 6: z.array(windowOut), 7: z.array(windowOut) }),
  holidayCountries: z.array(z.enum(HOLIDAY_COUNTRIES)),
  extraDaysOff: z.array(z.string()),
  version: versionOut('calendar'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/* Public holidays (the days off a calendar's countries give) */

export const publicHolidaysQuery = z.strictObject({
  country: z.enum(HOLIDAY_COUNTRIES),
  year: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR),
});
export const publicHolidaysSchema = z.object({
  country: z.enum(HOLIDAY_COUNTRIES),
  year: z.number(),
  items: z.array(
    z.object({
      date: z.string().describe('YYYY-MM-DD'),
      code: z.string().describe("Stable code, e.g. easter_monday, the same in every country that has the day; name it in the user's language"),
      name: z.string().describe('English name, a fallback for a client without names of its own'),
    }),
  ),
});

/* SLA policies */

/** Business minutes; null: no target for this priority. At most a year of them. */
const minutes = z.number().int().positive().max(525_600).nullable();
const target = z.strictObject({ firstResponseMinutes: minutes, resolutionMinutes: minutes });
const targets = z.strictObject({ P1: target, P2: target, P3: target, P4: target });
const policyFields = {
  name: uniqueName('SLA policy'),
  calendarId: id,
  targets,
  /** Share of a target used at which a ticket is "at risk". */
  warnAtPercent: z.number().int().min(1).max(99),
  /** Exactly one policy is the default: making one the default takes it from the other. */
  isDefault: z.boolean(),
  /** Where a breaching ticket escalates; null: it stays. */
  escalateToQueueId: id
    .nullable()
    .describe('The queue a breaching ticket moves to; null: it stays. Must be an active queue (400 inactive on escalateToQueueId), unless the policy already had it'),
  active: z.boolean(),
};
export const newSlaPolicyBody = z.strictObject({
  ...policyFields,
  warnAtPercent: policyFields.warnAtPercent.default(80),
  isDefault: policyFields.isDefault.default(false),
  escalateToQueueId: policyFields.escalateToQueueId.default(null),
  active: policyFields.active.default(true),
});
export const slaPolicyPatchBody = z.strictObject({
  ...(Object.fromEntries(Object.entries(policyFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof policyFields]: z.ZodOptional<(typeof policyFields)[K]>;
  }),
  version: versionRead('policy'),
});
const targetOut = z.object({ firstResponseMinutes: z.number().nullable(), resolutionMinutes: z.number().nullable() });
export const slaPolicySchema = z.object({
  id: z.number(),
  name: z.string(),
  calendarId: z.number(),
  targets: z.object({ P1: targetOut, P2: targetOut, P3: targetOut, P4: targetOut }),
  warnAtPercent: z.number(),
  isDefault: z.boolean(),
  escalateToQueueId: z.number().nullable(),
  active: z.boolean(),
  version: versionOut('policy'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/* Settings */

const priority = z.enum(PRIORITIES);
const matrixRow = z.strictObject(Object.fromEntries(LEVELS.map((l) => [l, priority])) as Record<(typeof LEVELS)[number], typeof priority>);
/** matrix[impact][urgency] → priority; all nine cells. */
export const priorityMatrixSchema = z.strictObject(Object.fromEntries(LEVELS.map((l) => [l, matrixRow])) as Record<(typeof LEVELS)[number], typeof matrixRow>);

export const ticketNumberPrefixSchema = z.strictObject({
  /** Up to five capital letters before the year: T → T2026-000123; empty for none. */
  prefix: z.string().trim().toUpperCase().regex(/^[A-Z]{0,5}$/, 'up to five letters A–Z'),
});

export const clientSlaPolicyBody = z.strictObject({ slaPolicyId: id.nullable() });
export const clientSlaPolicySchema = z.object({
  clientId: z.number(),
  /** The policy chosen for the client; null: the default applies. */
  slaPolicyId: z.number().nullable(),
  /** The policy its tickets get: the client's (when active), else the default. */
  effectiveSlaPolicyId: z.number().nullable(),
});

export type NewCalendar = z.infer<typeof newCalendarBody>;
export type CalendarPatch = z.infer<typeof calendarPatchBody>;
export type Calendar = z.infer<typeof calendarSchema>;
export type PublicHolidaysQuery = z.infer<typeof publicHolidaysQuery>;
export type PublicHolidays = z.infer<typeof publicHolidaysSchema>;
export type NewSlaPolicy = z.infer<typeof newSlaPolicyBody>;
export type SlaPolicyPatch = z.infer<typeof slaPolicyPatchBody>;
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
export type ClientSlaPolicy = z.infer<typeof clientSlaPolicySchema>;
