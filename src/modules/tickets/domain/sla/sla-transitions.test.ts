import { describe, expect, it } from 'vitest';
import { computeSla, type SlaEvent } from './sla-clock.ts';
import { nextSlaCheckAt, slaTransitions, slaTransitionsBetween } from './sla-transitions.ts';
import { at, standardPolicy } from './sla.fixture.ts';

const created: SlaEvent = { at: at('2026-10-27', '15:00'), kind: 'created', priority: 'P3' };
const between = (events: SlaEvent[], from: [string, string], to: [string, string]) =>
  slaTransitionsBetween(standardPolicy, events, at(...from), at(...to)).map((t) => `${t.clock}:${t.kind}@${new Date(t.at!).toISOString()}`);

describe('slaTransitions', () => {
  it('reports each crossing in the window it happened in', () => {
    const events = [created];
    expect(between(events, ['2026-10-27', '14:00'], ['2026-10-27', '16:00'])).toEqual([]);
    // First response (4 h): warning at 80 % = Thu 09:12 CET, breach at Thu 10:00.
    expect(between(events, ['2026-10-27', '16:00'], ['2026-10-29', '11:00'])).toEqual([
      'firstResponse:warning@2026-10-29T08:12:00.000Z',
      'firstResponse:breach@2026-10-29T09:00:00.000Z',
    ]);
    expect(between(events, ['2026-10-29', '11:00'], ['2026-10-30', '09:00'])).toEqual([]);
    expect(between(events, ['2026-10-30', '09:00'], ['2026-10-30', '10:00'])).toEqual(['resolution:warning@2026-10-30T08:48:00.000Z']);
    expect(between(events, ['2026-10-30', '10:00'], ['2026-10-30', '14:00'])).toEqual(['resolution:breach@2026-10-30T12:00:00.000Z']);
    expect(between(events, ['2026-10-30', '14:00'], ['2026-11-09', '14:00'])).toEqual([]);
  });

  it('no warning for a clock stopped inside the window; a late stop is still a breach', () => {
    const answered: SlaEvent[] = [created, { at: at('2026-10-29', '09:30'), kind: 'first_response' }];
    expect(between(answered, ['2026-10-29', '09:00'], ['2026-10-29', '12:00'])).toEqual([]);
    const late: SlaEvent[] = [created, { at: at('2026-10-29', '10:30'), kind: 'first_response' }];
    expect(between(late, ['2026-10-29', '09:00'], ['2026-10-29', '12:00'])).toEqual(['firstResponse:breach@2026-10-29T09:00:00.000Z']);
  });

  it('a priority change that undoes a warning lets it fire again under the new target', () => {
    const events: SlaEvent[] = [
      created,
      { at: at('2026-10-27', '15:30'), kind: 'first_response' },
      { at: at('2026-10-30', '10:00'), kind: 'priority_changed', priority: 'P4' }, // no resolution target
      { at: at('2026-10-30', '11:00'), kind: 'priority_changed', priority: 'P3' },
    ];
    expect(between(events, ['2026-10-30', '09:00'], ['2026-10-30', '09:55'])).toEqual(['resolution:warning@2026-10-30T08:48:00.000Z']);
    expect(between(events, ['2026-10-30', '09:55'], ['2026-10-30', '10:30'])).toEqual([]);
    expect(between(events, ['2026-10-30', '10:30'], ['2026-10-30', '11:30'])).toEqual(['resolution:warning@2026-10-30T08:48:00.000Z']);
  });

  it('works on precomputed states', () => {
    const prev = computeSla(standardPolicy, [created], at('2026-10-30', '12:00'));
    const next = computeSla(standardPolicy, [created], at('2026-10-30', '13:01'));
    expect(slaTransitions(prev, next)).toEqual([{ clock: 'resolution', kind: 'breach', at: at('2026-10-30', '13:00') }]);
    expect(slaTransitions(next, next)).toEqual([]);
  });
});

describe('nextSlaCheckAt', () => {
  it('is the nearest warning or breach of a running clock', () => {
    const state = (events: SlaEvent[], date: string, time: string) => computeSla(standardPolicy, events, at(date, time));
    expect(nextSlaCheckAt(standardPolicy, state([created], '2026-10-27', '16:00'))).toBe(at('2026-10-29', '09:12'));
    const answered: SlaEvent[] = [created, { at: at('2026-10-27', '15:30'), kind: 'first_response' }];
    expect(nextSlaCheckAt(standardPolicy, state(answered, '2026-10-27', '16:00'))).toBe(at('2026-10-30', '09:48'));
    // A breach is seen one business millisecond after the due time.
    expect(nextSlaCheckAt(standardPolicy, state(answered, '2026-10-30', '10:00'))).toBe(at('2026-10-30', '13:00') + 1);
    expect(nextSlaCheckAt(standardPolicy, state(answered, '2026-10-30', '14:00'))).toBeNull();
  });

  it('for a due time at closing, the breach shows after the next opening', () => {
    const ticket: SlaEvent[] = [
      { at: at('2026-11-05', '09:00'), kind: 'created', priority: 'P2' }, // 8 h → Thu 17:00
      { at: at('2026-11-05', '09:30'), kind: 'first_response' },
    ];
    const evening = computeSla(standardPolicy, ticket, at('2026-11-05', '17:30'));
    expect(evening.resolution).toMatchObject({ status: 'running', remainingBusinessMinutes: 0, dueAt: at('2026-11-05', '17:00') });
    expect(nextSlaCheckAt(standardPolicy, evening)).toBe(at('2026-11-06', '08:00') + 1);
  });
});
