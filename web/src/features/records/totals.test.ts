// @vitest-environment node
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ticketTotals, totalsParts } from './totals';

// A stand-in for i18next that shows the key and its values, so the test sees which text is used.
const t = ((key: string, values?: Record<string, unknown>) => `${key}${values ? JSON.stringify(values) : ''}`) as unknown as TFunction;
const work = (minutes: number) => ({ kind: 'work' as const, minutes, km: null });
const travel = (minutes: number, km: string | null) => ({ kind: 'travel' as const, minutes, km });
const fee = { kind: 'fee' as const, minutes: 0, km: null };
const material = { kind: 'material' as const, minutes: 0, km: null };

describe('ticket totals', () => {
  it('adds minutes of work and travel, km in thousandths, and counts fees and material', () => {
    expect(ticketTotals([work(90), travel(30, '0.1'), travel(0, '0.2'), fee, fee, material])).toEqual({ minutes: 120, km: '0.3', fees: 2, materials: 1 });
    expect(ticketTotals([work(45)])).toEqual({ minutes: 45, km: null, fees: 0, materials: 0 });
  });

  it('says what a ticket without time holds instead of "total 0 min"', () => {
    expect(totalsParts(t, ticketTotals([fee, fee]), 'cs-CZ')).toEqual(['records.feeCount{"count":2}']);
    expect(totalsParts(t, ticketTotals([travel(0, '36.5')]), 'cs-CZ')).toEqual(['36,5 km']);
    expect(totalsParts(t, ticketTotals([material]), 'cs-CZ')).toEqual(['records.materialCount{"count":1}']);
  });

  it('keeps the time first when there is some, and km and fees beside it', () => {
    expect(totalsParts(t, ticketTotals([work(100), travel(20, '12'), fee]), 'cs-CZ')).toEqual(['records.totalTime{"time":"2\u00a0h"}', '12 km', 'records.feeCount{"count":1}']);
  });
});
