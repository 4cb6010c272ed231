import { describe, expect, it } from 'vitest';
import {
  dayOffHints,
  formatDay,
  formatMinutes,
  formToTargets,
  holidayYearsWanted,
  joinMinutes,
  nextWindow,
  notNumberPaths,
  officeWeek,
  overlongMinutePaths,
  splitMinutes,
  targetErrorPathMap,
  targetsToForm,
  warnAtPercentProblem,
  weekdayOf,
  weeklyMinutes,
} from './slaModel';

describe('SLA targets as hours and minutes', () => {
  it('splits and joins', () => {
    expect(splitMinutes(960)).toEqual({ hours: 16, minutes: 0 });
    expect(splitMinutes(90)).toEqual({ hours: 1, minutes: 30 });
    expect(splitMinutes(null)).toEqual({ hours: '', minutes: '' });
    expect(joinMinutes({ hours: 16, minutes: 0 })).toBe(960);
    expect(joinMinutes({ hours: '', minutes: 45 })).toBe(45);
    expect(joinMinutes({ hours: 2, minutes: '' })).toBe(120);
    expect(joinMinutes({ hours: '', minutes: '' })).toBeNull();
    for (const m of [1, 59, 60, 61, 525_600]) expect(joinMinutes(splitMinutes(m))).toBe(m);
  });

  it('formats durations', () => {
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(480)).toBe('8 h');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(null)).toBeNull();
  });

  it('round-trips a policy and maps error paths onto the hours field', () => {
    const targets = {
      P1: { firstResponseMinutes: 30, resolutionMinutes: 240 },
      P2: { firstResponseMinutes: 60, resolutionMinutes: 480 },
      P3: { firstResponseMinutes: 240, resolutionMinutes: 960 },
      P4: { firstResponseMinutes: null, resolutionMinutes: 2400 },
    };
    const form = targetsToForm(targets);
    expect(form.P3.resolution).toEqual({ hours: 16, minutes: 0 });
    expect(formToTargets(form)).toEqual(targets);
    expect(targetErrorPathMap()['targets.P3.resolutionMinutes']).toBe('targets.P3.resolution.hours');
  });
});

describe('weekly hours', () => {
  it('summarises a week and proposes the next window', () => {
    const week = officeWeek();
    expect(weeklyMinutes(week)).toBe(45 * 60);
    expect(formatDay(week['1'])).toBe('08:00–17:00');
    expect(formatDay(week['7'])).toBe('');
    expect(nextWindow([])).toEqual({ start: '08:00', end: '17:00' });
    expect(nextWindow([{ start: '08:00', end: '12:00' }])).toEqual({ start: '13:00', end: '15:00' });
    expect(nextWindow([{ start: '18:00', end: '22:00' }])).toEqual({ start: '23:00', end: '24:00' });
  });
});

describe('minutes beside hours', () => {
  it('refuses 2 h 75 min at the minutes field, but not 75 min alone or 2 h 59 min', () => {
    const none = { hours: '' as const, minutes: '' as const };
    const form = targetsToForm({
      P1: { firstResponseMinutes: 30, resolutionMinutes: 240 },
      P2: { firstResponseMinutes: null, resolutionMinutes: null },
      P3: { firstResponseMinutes: null, resolutionMinutes: null },
      P4: { firstResponseMinutes: null, resolutionMinutes: null },
    });
    form.P1.resolution = { hours: 2, minutes: 75 };
    form.P2.firstResponse = { hours: '', minutes: 75 };
    form.P2.resolution = { hours: 2, minutes: 59 };
    form.P3.firstResponse = { hours: 0, minutes: 60 };
    form.P4.resolution = none;
    expect(overlongMinutePaths(form)).toEqual(['targets.P1.resolution.minutes', 'targets.P3.firstResponse.minutes']);
    form.P1.resolution = { hours: 3, minutes: 15 };
    form.P3.firstResponse = { hours: 1, minutes: 0 };
    expect(overlongMinutePaths(form)).toEqual([]);
  });
});

describe('targets and the warning typed as text that is no number', () => {
  const empty = { firstResponseMinutes: null, resolutionMinutes: null };
  it('refuses each such field at its path and never reads it as a number', () => {
    const form = targetsToForm({ P1: { firstResponseMinutes: 30, resolutionMinutes: 240 }, P2: empty, P3: empty, P4: empty });
    form.P1.resolution = { hours: '4h', minutes: '' };
    form.P3.firstResponse = { hours: 1, minutes: '3O' };
    expect(notNumberPaths(form)).toEqual(['targets.P1.resolution.hours', 'targets.P3.firstResponse.minutes']);
    // "4h" is not 4 hours, nor none, nor 0 (before, "3O" min beside 1 h was read as NaN minutes).
    expect(() => formToTargets(form)).toThrow(/no number/);
    expect(overlongMinutePaths(form)).toEqual([]);
    form.P1.resolution = { hours: 4, minutes: '' };
    form.P3.firstResponse = { hours: 1, minutes: 30 };
    expect(notNumberPaths(form)).toEqual([]);
    expect(formToTargets(form).P3).toEqual({ firstResponseMinutes: 90, resolutionMinutes: null });
  });

  it('refuses a warning percent that is text, and one outside 1–99, without raising it into range', () => {
    expect(warnAtPercentProblem('8O')).toBe('notNumber');
    expect(warnAtPercentProblem('')).toBe('range');
    expect(warnAtPercentProblem(0)).toBe('range');
    expect(warnAtPercentProblem(100)).toBe('range');
    expect(warnAtPercentProblem(80)).toBeNull();
  });
});

describe('public holidays in the calendar form', () => {
  const easterMonday = { date: '2027-03-29', code: 'easter_monday', name: 'Easter Monday' };

  it('knows the weekday of a date', () => {
    expect(weekdayOf('2027-03-29')).toBe('1');
    expect(weekdayOf('2027-04-03')).toBe('6');
    expect(weekdayOf('2027-04-04')).toBe('7');
  });

  it('asks for this year and next per country, and for the years of own days off', () => {
    expect(holidayYearsWanted(['CZ', 'SK'], [], 2026)).toEqual([
      { country: 'CZ', year: 2026 }, { country: 'CZ', year: 2027 }, { country: 'SK', year: 2026 }, { country: 'SK', year: 2027 },
    ]);
    expect(holidayYearsWanted(['CZ'], ['2030-01-02', '2026-12-31', '2030-05-05'], 2026)).toEqual([
      { country: 'CZ', year: 2026 }, { country: 'CZ', year: 2027 }, { country: 'CZ', year: 2030 },
    ]);
    expect(holidayYearsWanted([], ['2030-01-02'], 2026)).toEqual([]);
  });

  it('hints at own days off that are a holiday already or fall on a closed weekday', () => {
    const hints = dayOffHints(['2026-12-31', '2027-03-29', '2027-04-03'], officeWeek(), [easterMonday]);
    expect(hints).toEqual([
      { date: '2027-03-29', kind: 'holiday', holiday: easterMonday },
      { date: '2027-04-03', kind: 'closed', weekday: '6' },
    ]);
    // Without the country's holidays (none chosen), Easter Monday is an ordinary open Monday.
    expect(dayOffHints(['2027-03-29'], officeWeek(), [])).toEqual([]);
  });
});
