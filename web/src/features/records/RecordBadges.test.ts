// @vitest-environment node
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import type { ServiceRecord } from './api';
import { recordMinutes, recordSummary, recordWhat } from './RecordBadges';

const base = {
  contractId: null, id: 1, ticket: { id: 1, number: 'T2026-000001' }, client: { id: 1, name: 'Strojírny Brno a.s.' }, technician: { id: 4, name: 'Tomáš Technik' },
  date: '2026-10-12', startTime: null, minutes: 0, workType: null, timeClass: null, timeClassOverridden: false, km: null, zone: null, vehicle: null,
  fee: null, item: null, quantity: null, billable: true, description: '', internalNote: '', state: 'draft', approvedBy: null, approvedAt: null,
  billedInvoiceId: null, returnReason: null, version: 1,
  price: { status: 'priced', reason: null, message: null, priceListId: 1, validFrom: '2026-01-01', currency: 'CZK', billableMinutes: null, vatCategory: 'standard' },
} as unknown as ServiceRecord;
const fee = { ...base, kind: 'fee', quantity: '1', fee: { id: 1, code: 'call_out', name: 'Výjezdní poplatek', unit: 'visit' } } as ServiceRecord;
const material = { ...base, kind: 'material', quantity: '2', item: { id: 1, code: 'SSD-1TB', name: 'SSD 1 TB', unit: 'pcs' } } as ServiceRecord;
const travel = { ...base, kind: 'travel', km: '36' } as ServiceRecord;
const work = { ...base, kind: 'work', minutes: 100, startTime: '18:30', workType: { id: 2, code: 'on_site', name: 'On-site' }, timeClass: 'out_of_hours' } as ServiceRecord;

describe('how a record reads (BILLING.md example A)', () => {
  it('names built-in units in the reader language, as the material panel and invoices do', async () => {
    await i18n.changeLanguage('cs');
    const t = i18n.t.bind(i18n);
    expect(recordWhat(t, fee)).toBe('Výjezdní poplatek × 1 výjezd');
    expect(recordWhat(t, material)).toBe('SSD-1TB · SSD 1 TB × 2 ks');
    await i18n.changeLanguage('sk');
    expect(recordWhat(i18n.t.bind(i18n), material)).toBe('SSD-1TB · SSD 1 TB × 2 ks');
    await i18n.changeLanguage('en');
    expect(recordWhat(i18n.t.bind(i18n), material)).toBe('SSD-1TB · SSD 1 TB × 2 pcs');
    expect(recordWhat(i18n.t.bind(i18n), { ...material, item: { ...material.item!, unit: 'bal.' } })).toBe('SSD-1TB · SSD 1 TB × 2 bal.');
  });

  it('does not say a trip logged as km only took "0 min"', async () => {
    await i18n.changeLanguage('cs');
    const t = i18n.t.bind(i18n);
    expect(recordMinutes(t, travel)).toBe('');
    expect(recordMinutes(t, { ...travel, billable: false })).toBe(t('records.notBillable'));
    expect(recordMinutes(t, { ...travel, minutes: 30 })).toBe('30\u00a0min');
    expect(recordSummary(t, work)).toBe('1\u00a0h 40\u00a0min');
    expect(recordSummary(t, fee)).toBe('Výjezdní poplatek × 1 výjezd');
  });

  it('makes the confirmation after logging read as a sentence in every language', async () => {
    const callOut = { ...fee, fee: { id: 1, code: 'call_out', name: 'Výjezd', unit: 'visit' } } as ServiceRecord;
    const trip = { ...travel, km: '36.5' } as ServiceRecord;
    const logged = (what: string) => i18n.t('records.logged', { what });
    await i18n.changeLanguage('cs');
    let t = i18n.t.bind(i18n);
    expect(logged(recordSummary(t, trip))).toBe('Vykázáno: cesta 36,5 km');
    expect(logged(recordSummary(t, { ...trip, minutes: 40 }))).toBe('Vykázáno: cesta 36,5 km, 40\u00a0min');
    expect(logged(recordSummary(t, { ...trip, km: null, minutes: 0, zone: { id: 1, code: 'A', name: 'Zóna A' } } as ServiceRecord))).toBe('Vykázáno: cesta Zóna A');
    expect(logged(recordSummary(t, callOut))).toBe('Vykázáno: Výjezd × 1');
    expect(logged(recordSummary(t, work))).toBe('Vykázáno: 1\u00a0h 40\u00a0min');
    expect(t('records.saved', { what: recordSummary(t, trip) })).toBe('Uloženo: cesta 36,5 km');
    // The lists name the fee once too.
    expect(recordWhat(t, callOut)).toBe('Výjezd × 1');
    await i18n.changeLanguage('sk');
    t = i18n.t.bind(i18n);
    expect(logged(recordSummary(t, trip))).toBe('Vykázané: cesta 36,5 km');
    expect(logged(recordSummary(t, callOut))).toBe('Vykázané: Výjezd × 1 výjazd');
    await i18n.changeLanguage('en');
    t = i18n.t.bind(i18n);
    expect(logged(recordSummary(t, trip))).toBe('Logged: travel 36.5 km');
    expect(logged(recordSummary(t, work))).toBe('Logged: 1\u00a0h 40\u00a0min');
    await i18n.changeLanguage('cs');
  });
});
