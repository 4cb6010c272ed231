// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emptyLog, toNewRecord } from './recordFormModel';

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
