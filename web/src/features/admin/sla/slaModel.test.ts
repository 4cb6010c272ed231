import { describe, expect, it } from 'vitest';
import { formatDay, formatMinutes, formToTargets, joinMinutes, nextWindow, officeWeek, splitMinutes, targetErrorPathMap, targetsToForm, weeklyMinutes } from './slaModel';

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
