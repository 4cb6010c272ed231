import { describe, expect, it } from 'vitest';
import { addBusinessMinutes } from './business-time.ts';
import { computeSla, type SlaEvent } from './sla-clock.ts';
import { validateSlaPolicy } from './sla-policy.ts';
import { alwaysPolicy, at, H, iso, standardPolicy } from './sla.fixture.ts';

// The scenario: a P3 ticket (16 business hours to resolve, Mon–Fri
// 08:00–17:00 Prague) created Tuesday 27 Oct 2026 15:00. Wednesday 28 Oct is a
// Czech public holiday; CET applies since Sunday 25 Oct.
const created: SlaEvent = { at: at('2026-10-27', '15:00'), kind: 'created', priority: 'P3' };
const sla = (events: SlaEvent[], date: string, time: string) => computeSla(standardPolicy, events, at(date, time));

describe('the running clock', () => {
  it('P3 due Friday 30 Oct 13:00 CET (12:00Z): 2 h Tue, holiday Wed, 9 h Thu, 5 h Fri', () => {
    const { resolution, firstResponse, priority } = sla([created], '2026-10-27', '16:00');
    expect(priority).toBe('P3');
    expect(iso(resolution.dueAt)).toBe('2026-10-30T12:00:00.000Z');
    expect(resolution).toMatchObject({ status: 'running', targetMinutes: 960, elapsedBusinessMinutes: 60, remainingBusinessMinutes: 900 });
    expect(resolution.percentUsed).toBeCloseTo(6.25, 10);
    // First response: 4 h → 2 h Tuesday + 2 h Thursday.
    expect(firstResponse.dueAt).toBe(at('2026-10-29', '10:00'));
  });

  it('does not count the holiday or the night', () => {
    expect(sla([created], '2026-10-29', '08:00').resolution.elapsedBusinessMinutes).toBe(2 * H);
  });

  it('warns at 80 %: 12 h 48 min used on Friday 09:48', () => {
    expect(sla([created], '2026-10-30', '09:47').resolution.warn).toBe(false);
    const at80 = sla([created], '2026-10-30', '09:48').resolution;
    expect(at80).toMatchObject({ warn: true, percentUsed: 80, status: 'running' });
    expect(at80.warnAt).toBe(at('2026-10-30', '09:48'));
  });

  it('honours a policy warning threshold', () => {
    const early = computeSla({ ...standardPolicy, warnAtPercent: 50 }, [created], at('2026-10-29', '14:00'));
    expect(early.resolution).toMatchObject({ warn: true, percentUsed: 50 });
    expect(early.warnAtPercent).toBe(50);
  });

  it('breaches after the due time, by business minutes only', () => {
    expect(sla([created], '2026-10-30', '13:00').resolution).toMatchObject({ status: 'running', remainingBusinessMinutes: 0 });
    expect(sla([created], '2026-10-30', '15:30').resolution).toMatchObject({
      status: 'breached',
      breachedByMinutes: 150,
      remainingBusinessMinutes: -150,
      warn: false,
    });
    expect(sla([created], '2026-10-31', '12:00').resolution.breachedByMinutes).toBe(240); // Saturday: no more
    expect(sla([created], '2026-11-02', '09:00').resolution.breachedByMinutes).toBe(300);
    expect(sla([created], '2026-11-02', '09:00').resolution.dueAt).toBe(at('2026-10-30', '13:00'));
  });
});

describe('stopping the clocks', () => {
  it('a first response in time is met and frozen', () => {
    const events: SlaEvent[] = [created, { at: at('2026-10-27', '16:30'), kind: 'first_response' }];
    const { firstResponse } = sla(events, '2026-11-05', '12:00');
    expect(firstResponse).toMatchObject({ status: 'met', metAt: at('2026-10-27', '16:30'), elapsedBusinessMinutes: 90, warn: false });
    expect(firstResponse.breachedByMinutes).toBeNull();
  });

  it('resolving exactly at the due time meets the target; later breaches it and the overrun freezes', () => {
    const onTime = sla([created, { at: at('2026-10-30', '13:00'), kind: 'resolved' }], '2026-11-02', '12:00').resolution;
    expect(onTime).toMatchObject({ status: 'met', metAt: at('2026-10-30', '13:00'), percentUsed: 100 });
    const late = sla([created, { at: at('2026-10-30', '15:00'), kind: 'resolved' }], '2026-11-09', '12:00').resolution;
    expect(late).toMatchObject({ status: 'breached', breachedByMinutes: 120, metAt: at('2026-10-30', '15:00') });
  });

  it('a resolution without a first response also answers the first response (late here)', () => {
    const { firstResponse } = sla([created, { at: at('2026-10-29', '12:00'), kind: 'resolved' }], '2026-10-30', '12:00');
    expect(firstResponse).toMatchObject({ status: 'breached', metAt: at('2026-10-29', '12:00'), breachedByMinutes: 2 * H });
  });

  it('reopening continues the resolution clock from the elapsed time at resolution', () => {
    const events: SlaEvent[] = [
      created,
      { at: at('2026-10-29', '12:00'), kind: 'resolved' }, // 6 h used
      { at: at('2026-11-02', '08:00'), kind: 'reopened' },
    ];
    const whileResolved = sla(events.slice(0, 2), '2026-10-30', '12:00').resolution;
    expect(whileResolved).toMatchObject({ status: 'met', elapsedBusinessMinutes: 6 * H, dueAt: at('2026-10-30', '13:00') });
    const reopened = sla(events, '2026-11-02', '10:00').resolution;
    expect(reopened).toMatchObject({ status: 'running', elapsedBusinessMinutes: 8 * H, metAt: null });
    expect(reopened.dueAt).toBe(at('2026-11-03', '09:00')); // 10 h left from Mon 08:00: 9 h Mon + 1 h Tue
    expect(sla(events, '2026-11-03', '10:00').resolution.breachedByMinutes).toBe(60);
  });
});

describe('pausing (waiting for the client)', () => {
  const pause = (from: [string, string], to: [string, string]): SlaEvent[] => [
    { at: at(...from), kind: 'paused' },
    { at: at(...to), kind: 'resumed' },
  ];

  it('3 business hours paused on Friday move the due time from 13:00 to 16:00', () => {
    const events = [created, ...pause(['2026-10-30', '09:00'], ['2026-10-30', '12:00'])];
    const during = sla(events.slice(0, 2), '2026-10-30', '10:00').resolution;
    expect(during).toMatchObject({ status: 'paused', dueAt: null, pausedSince: at('2026-10-30', '09:00'), elapsedBusinessMinutes: 12 * H });
    expect(during.remainingBusinessMinutes).toBe(4 * H);
    expect(sla(events, '2026-10-30', '12:30').resolution.dueAt).toBe(at('2026-10-30', '16:00'));
  });

  it('a pause over the weekend pushes the due time into Monday', () => {
    // Paused Fri 11:00 → Mon 09:00 = 6 h + 1 h business time: 13:00 Fri + 7 h → Mon 2 Nov 11:00 CET.
    const events = [created, ...pause(['2026-10-30', '11:00'], ['2026-11-02', '09:00'])];
    const { resolution } = sla(events, '2026-11-02', '10:00');
    expect(iso(resolution.dueAt)).toBe('2026-11-02T10:00:00.000Z');
    expect(resolution).toMatchObject({ status: 'running', elapsedBusinessMinutes: 15 * H, pausedSince: null });
  });

  it('a second pause adds up: 13:00 + 3 h + 2 h → Fri 17:00 + 1 h → Mon 09:00', () => {
    const events = [created, ...pause(['2026-10-30', '09:00'], ['2026-10-30', '12:00']), ...pause(['2026-10-30', '14:00'], ['2026-10-30', '16:00'])];
    expect(sla(events, '2026-10-30', '16:30').resolution.dueAt).toBe(at('2026-11-02', '09:00'));
  });

  it('the first-response clock keeps running unless the policy pauses it too', () => {
    const events = [created, { at: at('2026-10-27', '16:00'), kind: 'paused' } as SlaEvent];
    expect(sla(events, '2026-10-29', '12:00').firstResponse).toMatchObject({ status: 'breached', breachedByMinutes: 2 * H });
    const pausing = computeSla({ ...standardPolicy, pauseFirstResponse: true }, events, at('2026-10-29', '12:00')).firstResponse;
    expect(pausing).toMatchObject({ status: 'paused', elapsedBusinessMinutes: 60, dueAt: null });
  });

  it('a breach stays a breach while paused, with its due time known', () => {
    const events = [created, { at: at('2026-10-30', '14:00'), kind: 'paused' } as SlaEvent];
    expect(sla(events, '2026-11-02', '12:00').resolution).toMatchObject({
      status: 'breached',
      breachedByMinutes: 60,
      dueAt: at('2026-10-30', '13:00'),
      pausedSince: at('2026-10-30', '14:00'),
    });
  });

  it('ignores a resume without a pause and a second pause', () => {
    const noisy: SlaEvent[] = [
      created,
      { at: at('2026-10-29', '09:00'), kind: 'resumed' },
      { at: at('2026-10-29', '10:00'), kind: 'paused' },
      { at: at('2026-10-29', '11:00'), kind: 'paused' },
      { at: at('2026-10-29', '12:00'), kind: 'resumed' },
    ];
    expect(sla(noisy, '2026-10-29', '13:00').resolution.elapsedBusinessMinutes).toBe(2 * H + 3 * H);
  });
});

describe('priority changes keep the business time already spent', () => {
  const change = (time: string, priority: 'P1' | 'P2' | 'P4'): SlaEvent => ({ at: at('2026-10-29', time), kind: 'priority_changed', priority });

  it('P3 → P2 on Thu 10:00 (4 h spent): due = now + (8 h − 4 h) = Thu 14:00', () => {
    const { resolution, priority } = sla([created, change('10:00', 'P2')], '2026-10-29', '10:30');
    expect(priority).toBe('P2');
    expect(resolution.dueAt).toBe(at('2026-10-29', '14:00'));
    expect(resolution.dueAt).toBe(addBusinessMinutes(standardPolicy.calendar, at('2026-10-29', '10:00'), 8 * H - 4 * H));
    expect(resolution).toMatchObject({ targetMinutes: 8 * H, elapsedBusinessMinutes: 4.5 * H });
  });

  it('P3 → P1 after more than 4 h: breached at once, due when the P1 target ran out', () => {
    const { resolution } = sla([created, change('12:00', 'P1')], '2026-10-29', '12:00');
    expect(resolution).toMatchObject({ status: 'breached', breachedByMinutes: 2 * H, dueAt: at('2026-10-29', '10:00') });
  });

  it('P3 → P4: no resolution target any more; a met first response keeps its P3 target', () => {
    const events: SlaEvent[] = [created, { at: at('2026-10-27', '16:30'), kind: 'first_response' }, change('10:00', 'P4')];
    const { resolution, firstResponse } = sla(events, '2026-10-29', '11:00');
    expect(resolution).toMatchObject({ status: 'none', dueAt: null, remainingBusinessMinutes: null, percentUsed: null, elapsedBusinessMinutes: 5 * H });
    expect(firstResponse).toMatchObject({ status: 'met', targetMinutes: 4 * H });
  });
});

describe('24×7 and edge cases', () => {
  it('a 24×7 P1 counts real time, also across the October DST switch', () => {
    const p1: SlaEvent = { at: at('2026-10-24', '23:00'), kind: 'created', priority: 'P1' };
    const { resolution, firstResponse } = computeSla(alwaysPolicy, [p1], at('2026-10-24', '23:10'));
    expect(iso(firstResponse.dueAt)).toBe('2026-10-24T21:30:00.000Z');
    expect(iso(resolution.dueAt)).toBe('2026-10-25T01:00:00.000Z'); // 02:00 CET, 4 real hours after 23:00 CEST
    expect(resolution.elapsedBusinessMinutes).toBe(10);
  });

  it('events are sorted by time; events after now are ignored', () => {
    const events: SlaEvent[] = [{ at: at('2026-10-29', '12:00'), kind: 'resolved' }, created];
    expect(sla(events, '2026-10-29', '11:00').resolution.status).toBe('running');
    expect(sla(events, '2026-10-29', '12:00').resolution.status).toBe('met');
  });

  it('before creation (or without it) there is no SLA', () => {
    const state = sla([created], '2026-10-27', '14:00');
    expect(state.priority).toBeNull();
    expect(state.resolution.status).toBe('none');
    expect(sla([], '2026-10-27', '14:00').firstResponse.status).toBe('none');
  });

  it('rejects a created event without a priority and a malformed policy', () => {
    expect(() => sla([{ at: 0, kind: 'created' }], '2026-10-27', '14:00')).toThrow(RangeError);
    const bad = { ...standardPolicy, targets: { ...standardPolicy.targets, P3: { firstResponseMinutes: 0, resolutionMinutes: 1.5 } } };
    expect(() => computeSla(bad, [created], at('2026-10-28', '12:00'))).toThrow(RangeError);
  });
});

describe('validateSlaPolicy', () => {
  it('accepts the fixtures and lists what is wrong', () => {
    expect(validateSlaPolicy(standardPolicy)).toEqual([]);
    const bad = {
      ...standardPolicy,
      warnAtPercent: 100,
      calendar: { ...standardPolicy.calendar, timeZone: 'Nowhere' },
      targets: { ...standardPolicy.targets, P2: { firstResponseMinutes: -5, resolutionMinutes: null } },
    };
    expect(validateSlaPolicy(bad).map((p) => p.path)).toEqual(['calendar.timeZone', 'targets.P2.firstResponseMinutes', 'warnAtPercent']);
  });
});
