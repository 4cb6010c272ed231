// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ServiceRecord } from './api';
import { formatDecimal } from './format';
import { emptyLog, fromRecord, toNewRecord, toRecordChange } from './recordFormModel';

const base = emptyLog('2026-10-12', '2');

describe('the log form', () => {
  it('logs work with minutes typed as hours and minutes', () => {
    const r = toNewRecord({ ...base, startTime: '18:30', duration: '1:40', description: ' Oprava ' });
    expect(r.body).toEqual({ kind: 'work', date: '2026-10-12', billable: true, description: 'Oprava', internalNote: '', startTime: '18:30', minutes: 100, workTypeId: 2 });
  });

  it('lets the server count the minutes from a start and an end', () => {
    const r = toNewRecord({ ...base, startTime: '10:00', endTime: '10:45', duration: '' });
    expect(r.body).toMatchObject({ startTime: '10:00', endTime: '10:45' });
    expect(r.body).not.toHaveProperty('minutes');
  });

  it('names the fields that are missing or wrong', () => {
    expect(toNewRecord({ ...base, workTypeId: null }).problems).toEqual({ workTypeId: 'required', duration: 'durationRequired' });
    expect(toNewRecord({ ...base, duration: 'abc', endTime: '11:00' }).problems).toEqual({ duration: 'duration', startTime: 'startForEnd' });
  });

  it('refuses an end before the start instead of logging 23 hours; past midnight is a start and minutes', () => {
    expect(toNewRecord({ ...base, startTime: '14:00', endTime: '13:00', duration: '' }).problems).toEqual({ endTime: 'endBeforeStart' });
    expect(toNewRecord({ ...base, kind: 'travel', km: '5', startTime: '23:30', endTime: '00:15' }).problems).toEqual({ endTime: 'endBeforeStart' });
    expect(toNewRecord({ ...base, startTime: '10:00', endTime: '10:00' }).problems).toEqual({ endTime: 'endIsStart' });
    expect(toNewRecord({ ...base, startTime: '23:30', duration: '45' }).body).toMatchObject({ startTime: '23:30', minutes: 45 });
  });

  it('says what is wrong with a number: not more than 0, negative, too long, too many decimals', () => {
    expect(toNewRecord({ ...base, duration: '-30' }).problems).toEqual({ duration: 'notPositive' });
    expect(toNewRecord({ ...base, duration: '0' }).problems).toEqual({ duration: 'notPositive' });
    expect(toNewRecord({ ...base, duration: '25h' }).problems).toEqual({ duration: 'tooLong' });
    expect(toNewRecord({ ...base, duration: '1441' }).problems).toEqual({ duration: 'tooLong' });
    // Long numbers and hours are read, so that the form names the limit instead of calling them a wrong format.
    expect(toNewRecord({ ...base, duration: '99999' }).problems).toEqual({ duration: 'tooLong' });
    expect(toNewRecord({ ...base, duration: '30 h' }).problems).toEqual({ duration: 'tooLong' });
    expect(toNewRecord({ ...base, duration: '100:00' }).problems).toEqual({ duration: 'tooLong' });
    expect(toNewRecord({ ...base, kind: 'travel', km: '5', duration: '99999' }).problems).toEqual({ duration: 'tooLong' });
    expect(toNewRecord({ ...base, duration: '1440' }).problems).toBeNull();
    expect(toNewRecord({ ...base, duration: 'xyz' }).problems).toEqual({ duration: 'duration' });
    expect(toNewRecord({ ...base, kind: 'travel', km: '-5' }).problems).toEqual({ km: 'negative' });
    expect(toNewRecord({ ...base, kind: 'travel', km: '5', duration: '-10' }).problems).toEqual({ duration: 'negative' });
    expect(toNewRecord({ ...base, kind: 'travel', km: '1,2345' }).problems).toEqual({ km: 'decimals' });
    expect(toNewRecord({ ...base, kind: 'travel', km: 'daleko' }).problems).toEqual({ km: 'km' });
    expect(toNewRecord({ ...base, kind: 'travel', km: '0', duration: '0' }).problems).toBeNull();
    expect(toNewRecord({ ...base, kind: 'fee', feeId: '1', quantity: '-2' }).problems).toEqual({ quantity: 'notPositive' });
    expect(toNewRecord({ ...base, kind: 'fee', feeId: '1', quantity: '0,0001' }).problems).toEqual({ quantity: 'decimals' });
  });

  it('logs travel with km typed with a decimal comma', () => {
    const r = toNewRecord({ ...base, kind: 'travel', km: '36,5', duration: '40', vehicle: ' 1AB 2345 ' });
    expect(r.body).toEqual({ kind: 'travel', date: '2026-10-12', billable: true, description: '', internalNote: '', startTime: null, minutes: 40, km: '36.5', zoneId: null, vehicle: '1AB 2345' });
    expect(toNewRecord({ ...base, kind: 'travel' }).problems).toEqual({ km: 'kmOrZone' });
    expect(toNewRecord({ ...base, kind: 'travel', zoneId: '3' }).body).toMatchObject({ zoneId: 3 });
  });

  it('logs a unit fee with a quantity', () => {
    expect(toNewRecord({ ...base, kind: 'fee', feeId: '1', quantity: '2' }).body).toEqual({ kind: 'fee', date: '2026-10-12', billable: true, description: '', internalNote: '', feeId: 1, quantity: '2' });
    expect(toNewRecord({ ...base, kind: 'fee', quantity: '0' }).problems).toEqual({ feeId: 'required', quantity: 'notPositive' });
    expect(toNewRecord({ ...base, kind: 'fee', feeId: '1', quantity: 'dva' }).problems).toEqual({ quantity: 'quantity' });
  });
});

describe('correcting a draft', () => {
  const saved = {
    id: 7, kind: 'travel', date: '2026-10-12', startTime: '08:00', minutes: 40, workType: null, billable: true, description: 'Cesta', internalNote: '',
    km: '36.5', zone: { id: 3, code: 'A', name: 'Zóna A' }, vehicle: '1AB 2345', fee: null, quantity: null, version: 4,
  } as unknown as ServiceRecord;

  it('fills the form from the record and sends its version back without the kind', () => {
    const values = fromRecord(saved);
    expect(values).toMatchObject({ kind: 'travel', date: '2026-10-12', startTime: '08:00', duration: '40', km: '36.5', zoneId: '3', vehicle: '1AB 2345' });
    const change = toRecordChange({ ...values, duration: '55' }, saved.version);
    expect(change.body).toEqual({ version: 4, date: '2026-10-12', billable: true, description: 'Cesta', internalNote: '', startTime: '08:00', minutes: 55, km: '36.5', zoneId: 3, vehicle: '1AB 2345' });
  });

  it('sends emptied km and minutes as 0, so the old values do not silently stay', () => {
    const change = toRecordChange({ ...fromRecord(saved), km: '', duration: '' }, 4);
    expect(change.body).toMatchObject({ km: '0', minutes: 0, zoneId: 3 });
    const timed = toRecordChange({ ...fromRecord(saved), duration: '', endTime: '09:10' }, 4);
    expect(timed.body).toMatchObject({ startTime: '08:00', endTime: '09:10' });
    expect(timed.body).not.toHaveProperty('minutes');
  });

  it('writes km and quantities with the decimal comma of the UI, and reads them back', () => {
    const big = { ...saved, km: '1234.5' } as ServiceRecord;
    const values = fromRecord(big, (d) => formatDecimal(d, 'cs-CZ'));
    expect(values.km).toBe('1\u00a0234,5');
    expect(toRecordChange(values, 4).body).toMatchObject({ km: '1234.5' });
  });

  it('checks the corrected values like a new entry', () => {
    const work = fromRecord({ ...saved, kind: 'work', workType: { id: 2, code: 'x', name: 'X' }, km: null, zone: null } as ServiceRecord);
    expect(toRecordChange({ ...work, duration: '0' }, 4).problems).toEqual({ duration: 'notPositive' });
    expect(toRecordChange({ ...work, duration: '90' }, 4).body).toMatchObject({ workTypeId: 2, minutes: 90, version: 4 });
  });
});
