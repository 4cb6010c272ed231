import { describe, expect, it } from 'vitest';
import { categoryPath, rewrittenPaths, wouldCycle } from './categories.ts';
import {
  calendarProblems,
  DEFAULT_PRIORITY_MATRIX,
  isValidTimeZone,
  normalizeCalendar,
  priorityMatrixProblems,
  targetProblems,
  type CalendarConfig,
} from './sla-config.ts';

const week = (hours: { start: string; end: string }[]) => ({ 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: [], 7: [] });
const calendar = (extra: Partial<CalendarConfig> = {}): CalendarConfig => ({
  timeZone: 'Europe/Prague',
  weekly: week([{ start: '08:00', end: '17:00' }]),
  holidayCountries: ['CZ'],
  extraDaysOff: [],
  ...extra,
});
const codes = (problems: { path: string; code: string }[]) => problems.map((p) => `${p.path}:${p.code}`);

describe('business calendars', () => {
  it('accepts office hours, split days and a midnight end', () => {
    expect(calendarProblems(calendar())).toEqual([]);
    expect(calendarProblems(calendar({ weekly: week([{ start: '13:00', end: '24:00' }, { start: '08:00', end: '12:00' }]) }))).toEqual([]);
  });

  it('names a bad zone, bad times, empty and overlapping windows, a closed week, repeated countries and bad dates', () => {
    expect(isValidTimeZone('Europe/Bratislava')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    const bad = calendar({
      timeZone: 'Mars/Olympus',
      weekly: { 1: [{ start: '8:00', end: '17:00' }], 2: [{ start: '17:00', end: '08:00' }], 3: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '13:00' }], 4: [], 5: [], 6: [], 7: [] },
      holidayCountries: ['CZ', 'CZ'],
      extraDaysOff: ['2026-12-24', '2026-02-30'],
    });
    expect(codes(calendarProblems(bad))).toEqual([
      'timeZone:invalid_time_zone',
      'weekly.1.0:invalid_time',
      'weekly.2.0:empty_window',
      'weekly.3:overlapping_windows',
      'holidayCountries.1:duplicate',
      'extraDaysOff.1:invalid_date',
    ]);
    expect(codes(calendarProblems(calendar({ weekly: week([]) })))).toEqual(['weekly:never_open']);
  });

  it('normalises: windows by start, days off sorted once each', () => {
    const n = normalizeCalendar(calendar({ weekly: week([{ start: '13:00', end: '17:00' }, { start: '08:00', end: '12:00' }]), extraDaysOff: ['2026-12-31', '2026-12-24', '2026-12-31'] }));
    expect(n.weekly[1].map((w) => w.start)).toEqual(['08:00', '13:00']);
    expect(n.extraDaysOff).toEqual(['2026-12-24', '2026-12-31']);
  });
});

describe('SLA targets and the priority matrix', () => {
  it('a first response cannot be due after the resolution', () => {
    const t = { firstResponseMinutes: 30, resolutionMinutes: 240 };
    expect(targetProblems({ P1: t, P2: t, P3: { firstResponseMinutes: null, resolutionMinutes: 60 }, P4: { firstResponseMinutes: 90, resolutionMinutes: null } })).toEqual([]);
    expect(codes(targetProblems({ P1: t, P2: t, P3: t, P4: { firstResponseMinutes: 500, resolutionMinutes: 100 } }))).toEqual([
      'targets.P4.firstResponseMinutes:first_response_after_resolution',
    ]);
  });

  it('a higher impact or urgency may not lower the priority', () => {
    expect(priorityMatrixProblems(DEFAULT_PRIORITY_MATRIX)).toEqual([]);
    const typo = { ...DEFAULT_PRIORITY_MATRIX, low: { high: 'P1' as const, medium: 'P4' as const, low: 'P4' as const } };
    expect(codes(priorityMatrixProblems(typo))).toEqual(['low.high:not_monotonic']);
  });
});

describe('category tree', () => {
  const nodes = [
    { id: 1, parentId: null, name: 'Hardware', path: 'Hardware' },
    { id: 2, parentId: 1, name: 'Printers', path: 'Hardware / Printers' },
    { id: 3, parentId: 2, name: 'Toner', path: 'Hardware / Printers / Toner' },
    { id: 4, parentId: null, name: 'Software', path: 'Software' },
  ];

  it('finds cycles', () => {
    expect(wouldCycle(nodes, 1, 3)).toBe(true);
    expect(wouldCycle(nodes, 1, 1)).toBe(true);
    expect(wouldCycle(nodes, 2, 4)).toBe(false);
    expect(wouldCycle(nodes, 2, null)).toBe(false);
  });

  it('rewrites the paths of a moved or renamed subtree only', () => {
    expect(categoryPath(null, 'A')).toBe('A');
    expect(rewrittenPaths(nodes, 2, 4, 'Printers')).toEqual([
      { id: 2, path: 'Software / Printers' },
      { id: 3, path: 'Software / Printers / Toner' },
    ]);
    expect(rewrittenPaths(nodes, 1, null, 'HW')).toEqual([
      { id: 1, path: 'HW' },
      { id: 2, path: 'HW / Printers' },
      { id: 3, path: 'HW / Printers / Toner' },
    ]);
    expect(rewrittenPaths(nodes, 4, null, 'Software')).toEqual([]);
  });
});
