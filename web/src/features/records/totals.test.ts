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
  it('adds minutes of work and of travel apart, km in thousandths, and counts fees and material', () => {
    expect(ticketTotals([work(90), travel(30, '0.1'), travel(0, '0.2'), fee, fee, material])).toEqual({ workMinutes: 90, travelMinutes: 30, km: '0.3', fees: 2, materials: 1 });
    expect(ticketTotals([work(45)])).toEqual({ workMinutes: 45, travelMinutes: 0, km: null, fees: 0, materials: 0 });
  });

  it('says what a ticket without time holds instead of "total 0 min"', () => {
    expect(totalsParts(t, ticketTotals([fee, fee]), 'cs-CZ')).toEqual(['records.feeCount{"count":2}']);
    expect(totalsParts(t, ticketTotals([travel(0, '36.5')]), 'cs-CZ')).toEqual(['36,5 km']);
    expect(totalsParts(t, ticketTotals([material]), 'cs-CZ')).toEqual(['records.materialCount{"count":1}']);
  });

  it('says what it sums: work time, then travel time beside its km, then fees', () => {
    expect(totalsParts(t, ticketTotals([work(100), work(20), travel(20, '12'), fee]), 'cs-CZ')).toEqual([
      'records.workTime{"time":"2\u00a0h"}', 'records.travelTime{"time":"20\u00a0min"}', '12 km', 'records.feeCount{"count":1}',
    ]);
    expect(totalsParts(t, ticketTotals([travel(40, '42.5')]), 'cs-CZ')).toEqual(['records.travelTime{"time":"40\u00a0min"}', '42,5 km']);
  });

  it('reads "total 0 min" only when nothing at all is logged', () => {
    expect(totalsParts(t, ticketTotals([]), 'cs-CZ')).toEqual(['records.totalTime{"time":"0\u00a0min"}']);
  });

  it('in words, as the ticket shows them', async () => {
    const { default: i18n } = await import('../../i18n');
    const line = (lng: string) => totalsParts(i18n.getFixedT(lng), ticketTotals([work(1365), travel(100, '42.5')]), 'cs-CZ');
    expect(line('cs').slice(0, 2)).toEqual(['práce 22\u00a0h 45\u00a0min', 'na cestě 1\u00a0h 40\u00a0min']);
    expect(line('sk').slice(0, 2)).toEqual(['práca 22\u00a0h 45\u00a0min', 'na ceste 1\u00a0h 40\u00a0min']);
    expect(line('en').slice(0, 2)).toEqual(['work 22\u00a0h 45\u00a0min', 'travelling 1\u00a0h 40\u00a0min']);
  });
});
