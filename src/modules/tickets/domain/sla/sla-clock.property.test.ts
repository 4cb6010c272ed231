import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeSla, type SlaEvent } from './sla-clock.ts';
import { slaTransitions } from './sla-transitions.ts';
import { PRIORITIES } from './priority.ts';
import { alwaysPolicy, standardPolicy } from './sla.fixture.ts';

const HOUR = 3_600_000;
const policy = fc.constantFrom(standardPolicy, alwaysPolicy, { ...standardPolicy, pauseFirstResponse: true });
const start = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-01T00:00:00Z') });
const gaps = (n: number) => fc.array(fc.integer({ min: 0, max: 72 * HOUR }), { minLength: n, maxLength: n });

// A ticket's life after creation: a random sequence of the non-priority events.
const history = fc.tuple(
  fc.array(fc.constantFrom<SlaEvent['kind']>('paused', 'resumed', 'first_response', 'resolved', 'reopened'), { maxLength: 12 }),
  fc.constantFrom(...PRIORITIES),
);

function offsetsToTimes(s: number, offsets: readonly number[]): number[] {
  const times: number[] = [];
  let t = s;
  for (const offset of offsets) times.push((t += offset));
  return times;
}

/** Stretch a short list of offsets to 12, so events and checkpoints interleave in varied ways. */
function gaps12(offsets: readonly number[]): number[] {
  return Array.from({ length: 12 }, (_, i) => (offsets[i % offsets.length]! * (i + 1)) % (40 * HOUR));
}

function toEvents(s: number, [kinds, priority]: [SlaEvent['kind'][], (typeof PRIORITIES)[number]], times: number[]): SlaEvent[] {
  return [{ at: s, kind: 'created', priority }, ...kinds.map((kind, i) => ({ at: times[i]!, kind }))];
}

describe('SLA clock properties', () => {
  it('pausing never makes a due time earlier (nor the elapsed time larger)', () => {
    fc.assert(
      fc.property(policy, start, fc.constantFrom('P1', 'P2', 'P3'), fc.integer({ min: 0, max: 3 }), gaps(10), (p, s, priority, pauses, offsets) => {
        // Times: created at s, then `pauses` earlier pause/resume pairs, then one more pair, then now.
        const times = offsetsToTimes(s, offsets);
        const base: SlaEvent[] = [{ at: s, kind: 'created', priority }];
        for (let i = 0; i < pauses; i++) base.push({ at: times[2 * i]!, kind: 'paused' }, { at: times[2 * i + 1]!, kind: 'resumed' });
        const extra: SlaEvent[] = [{ at: times[8]!, kind: 'paused' }, { at: times[9]!, kind: 'resumed' }];
        const now = times[9]! + HOUR;
        const without = computeSla(p, base, now).resolution;
        const withPause = computeSla(p, [...base, ...extra], now).resolution;
        expect(withPause.dueAt).not.toBeNull();
        expect(withPause.dueAt!).toBeGreaterThanOrEqual(without.dueAt!);
        expect(withPause.elapsedBusinessMinutes).toBeLessThanOrEqual(without.elapsedBusinessMinutes);
      }),
      { numRuns: 500 },
    );
  });

  it('elapsed time never decreases as now advances, whatever the history', () => {
    fc.assert(
      fc.property(policy, start, history, gaps(6), (p, s, kinds, offsets) => {
        const events = toEvents(s, kinds, offsetsToTimes(s, gaps12(offsets)));
        let last = { firstResponse: -1, resolution: -1 };
        for (const now of offsetsToTimes(s, offsets)) {
          const state = computeSla(p, events, now);
          expect(state.firstResponse.elapsedBusinessMinutes).toBeGreaterThanOrEqual(last.firstResponse);
          expect(state.resolution.elapsedBusinessMinutes).toBeGreaterThanOrEqual(last.resolution);
          last = { firstResponse: state.firstResponse.elapsedBusinessMinutes, resolution: state.resolution.elapsedBusinessMinutes };
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with a fixed priority, checking any partition of time reports each crossing exactly once', () => {
    fc.assert(
      fc.property(policy, start, history, fc.array(fc.integer({ min: 0, max: 24 * HOUR }), { minLength: 1, maxLength: 25 }), (p, s, kinds, steps) => {
        const events = toEvents(s, kinds, offsetsToTimes(s, gaps12(steps)));
        const checkpoints = offsetsToTimes(s - HOUR, steps);
        const seen = new Map<string, number>();
        let prev = computeSla(p, events, s - HOUR);
        for (const t of checkpoints) {
          const next = computeSla(p, events, t);
          for (const transition of slaTransitions(prev, next)) {
            const key = `${transition.clock}:${transition.kind}`;
            seen.set(key, (seen.get(key) ?? 0) + 1);
          }
          prev = next;
        }
        for (const count of seen.values()) expect(count).toBe(1);
        for (const clock of ['firstResponse', 'resolution'] as const) {
          expect(seen.has(`${clock}:breach`)).toBe(prev[clock].status === 'breached');
        }
      }),
      { numRuns: 500 },
    );
  });
});
