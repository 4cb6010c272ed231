// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clearRecordDraft, isUntouchedLog, loadRecordDraft, saveRecordDraft } from './recordDraft';
import { emptyLog, type LogValues } from './recordFormModel';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
}

const defaults = emptyLog('2026-10-12', '3');
const typed: LogValues = { ...defaults, startTime: '08:00', duration: '45', description: 'Výměna ložiska', internalNote: 'Díl z auta' };

describe('record draft', () => {
  it('keeps the half-written entry per ticket, with its kind', () => {
    const s = memory();
    const travel = { ...defaults, kind: 'travel' as const, km: '36,5', vehicle: '1B2 3456' };
    saveRecordDraft(1, typed, defaults, s);
    saveRecordDraft(2, travel, defaults, s);
    expect(loadRecordDraft(1, defaults, s)).toEqual(typed);
    expect(loadRecordDraft(2, defaults, s)).toEqual(travel);
    expect(loadRecordDraft(3, defaults, s)).toBeNull();
  });

  it('keeps no draft of the untouched form, nor of a kind, work type or billable alone', () => {
    const s = memory();
    saveRecordDraft(1, defaults, defaults, s);
    saveRecordDraft(1, { ...defaults, kind: 'travel', workTypeId: '7', billable: false, description: '  ' }, defaults, s);
    expect(s.m.size).toBe(0);
    expect(isUntouchedLog({ ...defaults, date: '2026-10-11' }, defaults)).toBe(false);
    expect(isUntouchedLog({ ...defaults, zoneId: '2' }, defaults)).toBe(false);
    expect(isUntouchedLog({ ...defaults, quantity: '2' }, defaults)).toBe(false);
  });

  it('forgets the draft once the form is back as it stands untouched: logged, emptied or discarded', () => {
    const s = memory();
    saveRecordDraft(1, typed, defaults, s);
    // After logging the day, kind and work type stay in the form: as they are, they are no draft.
    const afterLogging = { ...defaults, kind: 'fee' as const, feeId: '4' };
    saveRecordDraft(1, afterLogging, afterLogging, s);
    expect(s.m.size).toBe(0);
    saveRecordDraft(1, { ...afterLogging, quantity: '3' }, afterLogging, s);
    expect(loadRecordDraft(1, defaults, s)).toEqual({ ...afterLogging, quantity: '3' });
    clearRecordDraft(1, s);
    expect(loadRecordDraft(1, defaults, s)).toBeNull();
  });

  it('brings back billable ticked or unticked by hand as it was; one that only followed the work type follows it again', () => {
    const s = memory();
    saveRecordDraft(1, { ...typed, billable: false, billableChosen: true }, defaults, s);
    expect(loadRecordDraft(1, defaults, s)).toMatchObject({ billable: false, billableChosen: true });
    saveRecordDraft(1, { ...typed, billable: false, billableChosen: false }, defaults, s);
    expect(loadRecordDraft(1, defaults, s)).toMatchObject({ billable: false, billableChosen: false });
    // A draft that does not say whether it was chosen comes back as it was left; one without billable, with the default.
    s.setItem('kontor.ticket.1.record', JSON.stringify({ description: 'Oprava', billable: false }));
    expect(loadRecordDraft(1, defaults, s)).toMatchObject({ billable: false, billableChosen: true });
    s.setItem('kontor.ticket.1.record', JSON.stringify({ description: 'Oprava', billableChosen: true }));
    expect(loadRecordDraft(1, defaults, s)).toMatchObject({ billable: true, billableChosen: false });
  });

  it('ignores what it cannot read and works without storage', () => {
    const s = memory();
    const stored = (value: string) => s.setItem('kontor.ticket.1.record', value);
    for (const bad of ['{broken', 'null', '42', '"text"', '[1,2]', '{}', JSON.stringify({ kind: 'material' })]) {
      stored(bad);
      expect(loadRecordDraft(1, defaults, s), bad).toBeNull();
    }
    // A field of the wrong type keeps its default; the rest of the draft comes back.
    stored(JSON.stringify({ kind: 'lunch', date: '2026-13-45', duration: 45, description: 'Oprava', billable: 'yes', zoneId: 5, feeId: null, km: ['1'] }));
    expect(loadRecordDraft(1, defaults, s)).toEqual({ ...defaults, description: 'Oprava' });
    // A draft written by an older form, without the fields added since.
    stored(JSON.stringify({ kind: 'travel', km: '12' }));
    expect(loadRecordDraft(1, defaults, s)).toEqual({ ...defaults, kind: 'travel', km: '12' });
    expect(loadRecordDraft(1, defaults, null)).toBeNull();
    expect(() => saveRecordDraft(1, typed, defaults, null)).not.toThrow();
    const full = { ...memory(), setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => saveRecordDraft(1, typed, defaults, full)).not.toThrow();
  });
});
