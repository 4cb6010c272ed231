// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { SlaTargetOutcome } from './api';
import { formatDuration, slaLabel, slaView, targetDisplay } from './sla';

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

describe('slaLabel', () => {
  it('names time left, time overdue or the status', () => {
    expect(slaLabel(slaView({ status: 'running', dueAt: at(75) }, NOW), units)).toEqual({ key: 'tickets.sla.left', time: '1 h 15 min' });
    expect(slaLabel(slaView({ status: 'breached', dueAt: at(-30) }, NOW), units)).toEqual({ key: 'tickets.sla.overdue', time: '30 min' });
    expect(slaLabel(slaView({ status: 'paused', dueAt: null }, NOW), units)).toEqual({ key: 'tickets.sla.status.paused' });
    expect(slaLabel(slaView({ status: 'running', dueAt: null }, NOW), units)).toEqual({ key: 'tickets.sla.status.running' });
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
