// @vitest-environment node
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import type { RecordCoverage, ServiceRecord } from './api';
import { clientTotals, coverageWords, prepaidTimeWords } from './coverage';

const price = { status: 'priced', reason: null, message: null, priceListId: 1, validFrom: '2026-01-01', currency: 'CZK', billableMinutes: 180, vatCategory: 'standard' } as ServiceRecord['price'];
const contract = { id: 3, number: 'SM-2026-001' };
const record = (coverage: RecordCoverage, amountMinor: number | null | undefined = 3_000_00) => ({ coverage, amountMinor, price });
const estimate = (coveredMinutes: number, overageMinutes: number, leftMinutes: number, counted = true): RecordCoverage => ({
  kind: 'prepaid', contract, clientAmountMinor: null, prepaid: { period: '2026-10', status: 'estimate', coveredMinutes, overageMinutes, leftMinutes, counted },
});
const plain = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, ' ') ?? null;

describe('what a record costs the client, in words (BILLING.md examples B and C)', () => {
  it('never shows covered work at its list price as if the client paid it', async () => {
    await i18n.changeLanguage('cs');
    const t = i18n.t.bind(i18n);
    const words = coverageWords(t, record({ kind: 'flat_fee', contract, prepaid: null, clientAmountMinor: 0 }));
    expect(words.headline).toBe('Kryto smlouvou SM-2026-001');
    expect(plain(words.listPrice)).toBe('Ceníková cena 3 000,00 Kč');
    await i18n.changeLanguage('en');
    expect(coverageWords(i18n.t.bind(i18n), record({ kind: 'flat_fee', contract, prepaid: null, clientAmountMinor: 0 })).headline).toBe('Covered by contract SM-2026-001');
  });

  it('says how much prepaid hours cover and that it may change until the period is billed', async () => {
    await i18n.changeLanguage('en');
    const t = i18n.t.bind(i18n);
    const covered = coverageWords(t, record(estimate(240, 0, 120)));
    // What is left is the period's balance after all its work counted so far, not what this record left.
    expect(plain(covered.headline)).toBe('From prepaid hours · October 2026: 2 h left after all work so far');
    expect(covered.detail).toContain('may change');
    expect(plain(coverageWords(t, record(estimate(60, 120, 0))).headline)).toBe('1 h from prepaid hours, 2 h over them');
    expect(plain(coverageWords(t, record(estimate(0, 30, 0))).headline)).toBe('Over prepaid hours: 30 min billed as overage');
    expect(coverageWords(t, record(estimate(30, 0, 0, false))).detail).toContain('draft');
    await i18n.changeLanguage('sk');
    expect(plain(coverageWords(i18n.t.bind(i18n), record(estimate(240, 0, 120))).headline)).toBe('Z predplatených hodín · október 2026: po všetkej práci zostáva 2 h');
    await i18n.changeLanguage('cs');
    expect(plain(coverageWords(i18n.t.bind(i18n), record(estimate(30, 0, 0))).headline)).toBe('Z předplacených hodin · říjen 2026: po veškeré práci zbývá 0 min');
  });

  it('leaves time and material to its amount, naming a contract it falls outside of', async () => {
    await i18n.changeLanguage('cs');
    const t = i18n.t.bind(i18n);
    expect(coverageWords(t, record({ kind: 'billable', contract: null, prepaid: null, clientAmountMinor: 3_000_00 }))).toEqual({ headline: null, detail: null, listPrice: null });
    expect(coverageWords(t, record({ kind: 'billable', contract, prepaid: null, clientAmountMinor: 3_000_00 })).detail).toContain('Mimo rozsah smlouvy SM-2026-001');
  });

  it('adds up what the client pays: covered work at 0, prepaid work counted apart', () => {
    const totals = clientTotals([
      record({ kind: 'billable', contract: null, prepaid: null, clientAmountMinor: 1_200_00 }),
      record({ kind: 'flat_fee', contract, prepaid: null, clientAmountMinor: 0 }),
      record(estimate(60, 120, 0)),
      record({ kind: 'billable', contract, prepaid: null }), // no prices field scope: nothing to add
    ]);
    expect(totals).toEqual({ money: [{ currency: 'CZK', amountMinor: 1_200_00 }], prepaid: { covered: 60, over: 120, later: 0 } });
  });

  it('counts prepaid work as the time it takes from the prepaid hours, not as a number of records (finding: "5" read as hours)', async () => {
    const late: RecordCoverage = { kind: 'prepaid', contract, clientAmountMinor: null, prepaid: { period: '2026-10', status: 'late', coveredMinutes: null, overageMinutes: null, leftMinutes: null, counted: true } };
    const billed: RecordCoverage = { ...late, prepaid: { ...late.prepaid!, status: 'billed' } };
    const totals = clientTotals([record(estimate(60, 0, 540)), record(estimate(45, 0, 495)), record(billed), record(billed), record(late)]);
    // Billed records are settled on their invoice; a late one (180 billable minutes) draws on a later period.
    expect(totals.prepaid).toEqual({ covered: 105, over: 0, later: 180 });
    await i18n.changeLanguage('cs');
    expect(plain(prepaidTimeWords(i18n.t.bind(i18n), { covered: 105, over: 0, later: 0 }))).toBe('1 h 45 min z předplacených hodin (vyúčtuje se na konci období)');
    expect(plain(prepaidTimeWords(i18n.t.bind(i18n), { covered: 0, over: 0, later: 0 }))).toBeNull();
    await i18n.changeLanguage('en');
    expect(plain(prepaidTimeWords(i18n.t.bind(i18n), totals.prepaid))).toBe('1 h 45 min from prepaid hours, 3 h from prepaid hours of a later period (settled at the period’s end)');
    expect(plain(prepaidTimeWords(i18n.t.bind(i18n), { covered: 30, over: 90, later: 0 }))).toBe('30 min from prepaid hours, 1 h 30 min over prepaid hours (settled at the period’s end)');
    await i18n.changeLanguage('sk');
    expect(plain(prepaidTimeWords(i18n.t.bind(i18n), { covered: 105, over: 0, later: 0 }))).toBe('1 h 45 min z predplatených hodín (vyúčtuje sa na konci obdobia)');
  });
});
