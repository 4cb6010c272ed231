// @vitest-environment node
import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLanguage, type Language } from '../../i18n';
import type { SlaTargetOutcome } from './api';
import { formatDuration, momentDay, slaBadgeText, slaView, targetDisplay } from './sla';

const units = { d: 'd', h: 'h', m: 'min' };
const NOW = Date.parse('2026-11-26T10:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('formatDuration', () => {
  it.each([
    [0, '< 1 min'],
    [59_000, '< 1 min'],
    [60_000, '1 min'],
    [45 * 60_000, '45 min'],
    [60 * 60_000, '1 h'],
    [(3 * 60 + 15) * 60_000, '3 h 15 min'],
    [(3 * 60 + 15) * 60_000 + 59_000, '3 h 15 min'],
    [24 * 60 * 60_000, '1 d'],
    [(2 * 24 * 60 + 4 * 60 + 30) * 60_000, '2 d 4 h'],
    [-(90 * 60_000), '1 h 30 min'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatDuration(ms, units)).toBe(text);
  });
});

describe('slaView', () => {
  it('a running clock shows the time left, colour-coded', () => {
    expect(slaView({ status: 'running', dueAt: at(90) }, NOW)).toEqual({ status: 'running', color: 'teal', remainingMs: 90 * 60_000 });
  });

  it('a warning keeps the server status and the time left', () => {
    expect(slaView({ status: 'warning', dueAt: at(10) }, NOW)).toMatchObject({ status: 'warning', color: 'orange', remainingMs: 10 * 60_000 });
  });

  it('a running clock past its due time is shown as breached before the server marks it', () => {
    expect(slaView({ status: 'running', dueAt: at(-5) }, NOW)).toMatchObject({ status: 'breached', color: 'red', remainingMs: -5 * 60_000 });
    expect(slaView({ status: 'warning', dueAt: at(-1) }, NOW).status).toBe('breached');
  });

  it('paused, met and none carry no time; unknown statuses count as none', () => {
    expect(slaView({ status: 'paused', dueAt: null }, NOW)).toEqual({ status: 'paused', color: 'gray', remainingMs: null });
    expect(slaView({ status: 'met', dueAt: at(30) }, NOW)).toMatchObject({ status: 'met', remainingMs: null });
    expect(slaView({ status: 'none', dueAt: null }, NOW).status).toBe('none');
    expect(slaView({ status: 'something_new', dueAt: null }, NOW).status).toBe('none');
  });

  it('a breached ticket shows how long it is overdue', () => {
    expect(slaView({ status: 'breached', dueAt: at(-125) }, NOW).remainingMs).toBe(-125 * 60_000);
  });
});

describe('the list badge names the due moment in the reader\'s time zone and language', () => {
  // Thursday 26 November 2026, 11:00 in Prague (10:00 UTC).
  const originalTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Europe/Prague';
  });
  afterAll(async () => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
    await setLanguage('cs');
  });

  const badge = async (lang: Language, sla: { status: string; dueAt: string | null }, now = NOW) => {
    await setLanguage(lang);
    return slaBadgeText(i18n.t.bind(i18n), sla, slaView(sla, now), now);
  };
  const running = (dueAt: string) => ({ status: 'running', dueAt });

  it('by a time today, tomorrow, a weekday of the coming six days, else a date (with the year when not this one)', async () => {
    expect(await badge('cs', running('2026-11-26T13:00:00Z'))).toBe('do 14:00');
    expect(await badge('cs', running('2026-11-27T08:00:00Z'))).toBe('do zítra 9:00');
    // The weekday in the form "do" takes, written out: "do po 9:00" would read as "by after 9:00".
    expect(await badge('cs', running('2026-11-30T08:00:00Z'))).toBe('do pondělí 9:00');
    expect(await badge('cs', running('2026-12-02T08:00:00Z'))).toBe('do středy 9:00');
    // Seven days ahead: the same weekday as today, so the date.
    expect(await badge('cs', running('2026-12-03T08:00:00Z'))).toBe('do 3. 12. 9:00');
    expect(await badge('cs', running('2027-01-05T08:00:00Z'))).toBe('do 5. 1. 2027 9:00');
  });

  it('says the same in Slovak and English', async () => {
    expect(await badge('sk', running('2026-11-26T13:00:00Z'))).toBe('do 14:00');
    expect(await badge('sk', running('2026-11-27T08:00:00Z'))).toBe('do zajtra 9:00');
    expect(await badge('sk', running('2026-11-30T08:00:00Z'))).toBe('do pondelka 9:00');
    expect(await badge('sk', running('2026-12-03T08:00:00Z'))).toBe('do 3. 12. 9:00');
    expect(await badge('en', running('2026-11-26T13:00:00Z'))).toBe('by 14:00');
    expect(await badge('en', running('2026-11-27T08:00:00Z'))).toBe('by tomorrow 09:00');
    expect(await badge('en', running('2026-11-30T08:00:00Z'))).toBe('by Monday 09:00');
    expect(await badge('en', running('2026-12-03T08:00:00Z'))).toBe('by 03/12 09:00');
    expect(await badge('en', { status: 'breached', dueAt: '2026-11-25T16:00:00Z' })).toBe('overdue since yesterday 17:00');
  });

  it('overdue: since when, as a moment, also while the server still says running', async () => {
    expect(await badge('cs', { status: 'breached', dueAt: '2026-11-26T08:00:00Z' })).toBe('po termínu od 9:00');
    expect(await badge('cs', running('2026-11-26T09:55:00Z'))).toBe('po termínu od 10:55');
    expect(await badge('cs', { status: 'breached', dueAt: '2026-11-25T16:00:00Z' })).toBe('po termínu od včera 17:00');
    expect(await badge('cs', { status: 'breached', dueAt: '2026-11-23T08:00:00Z' })).toBe('po termínu od pondělí 9:00');
    expect(await badge('cs', { status: 'breached', dueAt: '2026-11-02T08:00:00Z' })).toBe('po termínu od 2. 11. 9:00');
    expect(await badge('sk', { status: 'breached', dueAt: '2026-11-23T08:00:00Z' })).toBe('po termíne od pondelka 9:00');
  });

  it('no clock running: the status', async () => {
    expect(await badge('cs', { status: 'paused', dueAt: null })).toBe('Pozastaveno');
    expect(await badge('cs', { status: 'met', dueAt: '2026-11-27T08:00:00Z' })).toBe('Splněno');
    expect(await badge('cs', { status: 'running', dueAt: null })).toBe('Běží');
    expect(await badge('en', { status: 'none', dueAt: null })).toBe('No SLA');
  });

  it('counts calendar days in the local time zone: 00:30 in Prague is tomorrow though still today in UTC', async () => {
    const lateEvening = Date.parse('2026-11-26T22:30:00Z'); // 23:30 in Prague
    expect(await badge('cs', running('2026-11-26T23:30:00Z'), lateEvening)).toBe('do zítra 0:30');
    // Across the change to winter time (Sunday 25 October 2026 has 25 hours) days still count whole:
    // from Saturday 22:00, Sunday 23:59 is tomorrow and Monday 0:30 is Monday.
    const saturdayNight = Date.parse('2026-10-24T20:00:00Z');
    expect(momentDay(Date.parse('2026-10-25T22:59:00Z'), saturdayNight)).toEqual({ kind: 'tomorrow' });
    expect(momentDay(Date.parse('2026-10-25T23:30:00Z'), saturdayNight)).toEqual({ kind: 'weekday', weekday: 'mon' });
  });
});

describe('targetDisplay', () => {
  const target = (over: Partial<SlaTargetOutcome>): SlaTargetOutcome => ({ status: 'running', dueAt: at(23), stoppedAt: null, breachedMinutes: null, businessMinutesLeft: 23, ...over });

  it('a running target counts down to its due time, and past it', () => {
    expect(targetDisplay(target({}), NOW)).toEqual({ kind: 'countdown', dueAt: at(23), remainingMs: 23 * 60_000, warning: false, workingMinutesLeft: 23 });
    // Past the warning share: the details panel marks the time left, as the badge does.
    expect(targetDisplay(target({ status: 'warning' }), NOW)).toEqual({ kind: 'countdown', dueAt: at(23), remainingMs: 23 * 60_000, warning: true, workingMinutesLeft: 23 });
    expect(targetDisplay(target({ status: 'breached', dueAt: at(-10), breachedMinutes: 10, businessMinutesLeft: -10 }), NOW)).toMatchObject({ kind: 'countdown', remainingMs: -10 * 60_000, workingMinutesLeft: -10 });
  });

  it('says the working time the server counted, not the wall-clock time to the due time', () => {
    // Friday 17:00, due Monday 10:00: 2 h of working time, though 65 h on the wall clock.
    expect(targetDisplay(target({ dueAt: at(65 * 60), businessMinutesLeft: 120 }), NOW)).toMatchObject({ remainingMs: 65 * 3_600_000, workingMinutesLeft: 120 });
    // The due time passed since the server counted: no working time is left any more.
    expect(targetDisplay(target({ dueAt: at(-1), businessMinutesLeft: 5 }), NOW)).toMatchObject({ workingMinutesLeft: 0 });
    // An answer without the count: no working time to say.
    expect(targetDisplay(target({ businessMinutesLeft: undefined as unknown as null }), NOW)).toMatchObject({ workingMinutesLeft: null });
  });

  it('a stopped target shows its outcome, never a countdown, even with its due time still ahead', () => {
    // A ticket resolved before any reply: the resolution met the first-response target.
    expect(targetDisplay(target({ status: 'met', stoppedAt: at(-60) }), NOW)).toEqual({ kind: 'met', at: at(-60) });
    expect(targetDisplay(target({ status: 'breached', dueAt: at(-90), stoppedAt: at(-15), breachedMinutes: 75 }), NOW)).toEqual({ kind: 'missed', at: at(-15), lateMs: 75 * 60_000 });
  });

  it('paused and no target carry no time', () => {
    expect(targetDisplay(target({ status: 'paused', dueAt: null }), NOW)).toEqual({ kind: 'paused' });
    expect(targetDisplay(target({ status: 'none', dueAt: null }), NOW)).toEqual({ kind: 'none' });
  });
});
