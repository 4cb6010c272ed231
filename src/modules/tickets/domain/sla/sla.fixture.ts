// Policies and helpers shared by the SLA clock tests (not exported by index.ts).
import { calendar24x7, officeHoursCalendar } from './business-calendar.ts';
import type { SlaPolicy } from './sla-policy.ts';
import { zonedInstant } from './time-zone.ts';

export const H = 60;

/** Mon–Fri 08:00–17:00 Prague with Czech holidays. */
export const standardPolicy: SlaPolicy = {
  id: 'standard',
  name: 'Standard',
  calendar: officeHoursCalendar(),
  targets: {
    P1: { firstResponseMinutes: 30, resolutionMinutes: 4 * H },
    P2: { firstResponseMinutes: 1 * H, resolutionMinutes: 8 * H },
    P3: { firstResponseMinutes: 4 * H, resolutionMinutes: 16 * H },
    P4: { firstResponseMinutes: 8 * H, resolutionMinutes: null },
  },
};

export const alwaysPolicy: SlaPolicy = { ...standardPolicy, id: '24x7', name: '24×7', calendar: calendar24x7() };

/** An instant given as Prague wall time. */
export const at = (date: string, time: string): number => zonedInstant('Europe/Prague', date, time);
export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
