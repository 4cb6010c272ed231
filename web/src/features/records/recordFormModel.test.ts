// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ServiceRecord, Timer } from './api';
import { formatDecimal } from './format';
import {
  emptyLog, endAfter, fromRecord, futureEnd, fromTimer, timerTimesAfter, toNewRecord, toRecordChange, toTimerStop, withDefaultBillable, withWorkType, type WorkTypeBillable,
} from './recordFormModel';

const base = emptyLog('2026-10-12', '2');

describe('the log form', () => {
  it('logs work with minutes typed as hours and minutes', () => {
    const r = toNewRecord({ ...base, startTime: '18:30', duration: '1:40', description: ' Oprava ' });
    expect(r.body).toEqual({ kind: 'work', date: '2026-10-12', description: 'Oprava', internalNote: '', startTime: '18:30', minutes: 100, workTypeId: 2 });
  });

  it('lets the server count the minutes from a start and an end', () => {
    const r = toNewRecord({ ...base, startTime: '10:00', endTime: '10:45', duration: '' });
    expect(r.body).toMatchObject({ startTime: '10:00', endTime: '10:45' });
    expect(r.body).not.toHaveProperty('minutes');
  });

  it('reads a start typed short as 24 hours, and refuses one it cannot read instead of logging without a start', () => {
    for (const typed of ['9', '900', '0900', '9:00', '09.00']) expect(toNewRecord({ ...base, startTime: typed, duration: '90' }).body, typed).toMatchObject({ startTime: '09:00', minutes: 90 });
    // What a 12-hour browser left of "0900" (an empty AM/PM part), or anything else that is no time: never "no start".
    for (const typed of ['09:00 --', '9 am', '25:00', 'ráno']) expect(toNewRecord({ ...base, startTime: typed, duration: '90' }).problems, typed).toEqual({ startTime: 'time' });
    expect(toNewRecord({ ...base, startTime: '8', endTime: '1730', duration: '' }).body).toMatchObject({ startTime: '08:00', endTime: '17:30' });
    expect(toNewRecord({ ...base, startTime: '8', endTime: '17:3', duration: '60' }).problems).toEqual({ endTime: 'time' });
    expect(toNewRecord({ ...base, startTime: '  ', duration: '90' }).body).toMatchObject({ startTime: null });
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
    expect(r.body).toEqual({ kind: 'travel', date: '2026-10-12', description: '', internalNote: '', startTime: null, minutes: 40, km: '36.5', zoneId: null, vehicle: '1AB 2345' });
    expect(toNewRecord({ ...base, kind: 'travel' }).problems).toEqual({ km: 'kmOrZone' });
    expect(toNewRecord({ ...base, kind: 'travel', zoneId: '3' }).body).toMatchObject({ zoneId: 3 });
  });

  it('logs a unit fee with a quantity', () => {
    expect(toNewRecord({ ...base, kind: 'fee', feeId: '1', quantity: '2' }).body).toEqual({ kind: 'fee', date: '2026-10-12', description: '', internalNote: '', feeId: 1, quantity: '2' });
    expect(toNewRecord({ ...base, kind: 'fee', quantity: '0' }).problems).toEqual({ feeId: 'required', quantity: 'notPositive' });
    expect(toNewRecord({ ...base, kind: 'fee', feeId: '1', quantity: 'dva' }).problems).toEqual({ quantity: 'quantity' });
  });

  it('takes whole visits or pieces only for a fee counted in them, before anything is sent', () => {
    const units: Record<string, string> = { '1': 'visit', '2': 'Výjezd', '3': 'ks', '4': 'h' };
    const feeUnit = (feeId: string) => units[feeId];
    const fee = (feeId: string, quantity: string) => ({ ...base, kind: 'fee' as const, feeId, quantity });
    for (const feeId of ['1', '2', '3']) expect(toNewRecord(fee(feeId, '1,5'), feeUnit).problems, feeId).toEqual({ quantity: 'wholeUnits' });
    expect(toNewRecord(fee('1', '2'), feeUnit).body).toMatchObject({ feeId: 1, quantity: '2' });
    expect(toNewRecord(fee('4', '1,5'), feeUnit).body).toMatchObject({ feeId: 4, quantity: '1.5' });
    // The catalogue not loaded yet: sent, and the server answers at the field.
    expect(toNewRecord(fee('1', '1,5')).body).toMatchObject({ quantity: '1.5' });
    expect(toRecordChange(fee('1', '0,5'), 3, feeUnit).problems).toEqual({ quantity: 'wholeUnits' });
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
    expect(change.body).toEqual({ version: 4, date: '2026-10-12', description: 'Cesta', internalNote: '', startTime: '08:00', minutes: 55, km: '36.5', zoneId: 3, vehicle: '1AB 2345' });
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

describe('stopping a timer', () => {
  const timer: Timer = {
    ticket: { id: 1, number: 'T2026-000001', subject: 'Tiskárna' }, workType: { id: 5, code: 'onsite', name: 'Práce u zákazníka' }, description: 'Výměna válce',
    startedAt: '2026-11-28T08:00:00.000Z', localStart: { date: '2026-11-28', time: '09:00' }, elapsedMinutes: 1,
  };
  const billable = (workTypeId: string | null) => workTypeId !== '9';

  it('fills the form with what the timer measured: its day and start, the minutes so far, its work type and description', () => {
    expect(fromTimer(timer, '2', billable)).toMatchObject({
      kind: 'work', date: '2026-11-28', startTime: '09:00', duration: '1', workTypeId: '5', description: 'Výměna válce', endTime: '09:01', internalNote: '', billable: true,
    });
    // The end is the start and the minutes measured; past midnight it stays empty (a start and minutes).
    expect(fromTimer({ ...timer, elapsedMinutes: 154 }, null, billable).endTime).toBe('11:34');
    expect(fromTimer({ ...timer, localStart: { date: '2026-11-28', time: '23:30' }, elapsedMinutes: 45 }, null, billable)).toMatchObject({ startTime: '23:30', duration: '45', endTime: '' });
    // A timer without a work type takes the one last used; billable follows the work type's default.
    expect(fromTimer({ ...timer, workType: null }, '9', billable)).toMatchObject({ workTypeId: '9', billable: false, billableChosen: false });
    // The work types not known yet: billable is not sent, the server takes the work type's default.
    const early = fromTimer({ ...timer, workType: null }, '9', () => undefined);
    expect(early).toMatchObject({ billable: true, billableChosen: false });
    expect(toTimerStop(early).body).not.toHaveProperty('billable');
  });

  it('sends what was corrected, checked like a new work entry, without the kind', () => {
    const measured = fromTimer(timer, null, billable);
    const values = { ...measured, ...timerTimesAfter(measured, 'duration', '45'), internalNote: ' klíč u vrátného ' };
    expect(toTimerStop(values).body).toEqual({
      date: '2026-11-28', startTime: '09:00', endTime: '09:45', workTypeId: 5, description: 'Výměna válce', internalNote: 'klíč u vrátného',
    });
    // Unticked by hand in the dialog: sent so.
    expect(toTimerStop({ ...values, billable: false, billableChosen: true }).body).toMatchObject({ billable: false });
    const change = (field: 'startTime' | 'duration' | 'endTime', value: string) => toTimerStop({ ...values, ...timerTimesAfter(values, field, value) });
    // The start emptied: sent as none (then the Saturday is priced as business hours, which the form says).
    expect(change('startTime', '').body).toMatchObject({ startTime: null, minutes: 45 });
    expect(change('duration', '0').problems).toEqual({ duration: 'notPositive' });
    expect(change('startTime', '9:00 PM').problems).toEqual({ startTime: 'time' });
    expect(toTimerStop({ ...values, workTypeId: null }).problems).toEqual({ workTypeId: 'required' });
  });

  it('keeps start, minutes and end agreeing, so that an end sent never overrules corrected minutes', () => {
    const values = fromTimer({ ...timer, elapsedMinutes: 47 }, null, billable);
    expect(values).toMatchObject({ startTime: '09:00', duration: '47', endTime: '09:47' });
    expect(timerTimesAfter(values, 'duration', '1:30')).toEqual({ duration: '1:30', endTime: '10:30' });
    expect(timerTimesAfter(values, 'startTime', '8')).toEqual({ startTime: '8', endTime: '08:47' });
    expect(timerTimesAfter(values, 'endTime', '10:15')).toEqual({ endTime: '10:15', duration: '75' });
    // An end not yet typed whole, or before the start, leaves the minutes for the form to check.
    expect(timerTimesAfter(values, 'endTime', '1')).toEqual({ endTime: '1' });
    expect(timerTimesAfter(values, 'endTime', '')).toEqual({ endTime: '' });
    expect(timerTimesAfter(values, 'duration', '1:')).toEqual({ duration: '1:', endTime: '' });
    expect(endAfter('22:30', '90')).toBe('');
    expect(endAfter('', '90')).toBe('');
    expect(endAfter('8:15', '1,5h')).toBe('09:45');
  });
});

describe('billable', () => {
  // Work type 2 is billable by default, 9 is not (internal work); 7 is not in the catalogue.
  const catalogue: WorkTypeBillable = (id) => ({ '2': true, '9': false } as Record<string, boolean | undefined>)[id];
  const today = '2026-10-12';

  it('starts a new entry as its work type says (the remembered one too), and leaves it to the server to log it so', () => {
    const internal = withDefaultBillable(emptyLog(today, '9'), catalogue);
    expect(internal).toMatchObject({ workTypeId: '9', billable: false, billableChosen: false });
    expect(withDefaultBillable(emptyLog(today, '2'), catalogue)).toMatchObject({ billable: true, billableChosen: false });
    // Not sent: the server logs the work type's default, the one the box shows.
    expect(toNewRecord({ ...internal, duration: '30' }).body).not.toHaveProperty('billable');
  });

  it('leaves billable as it stands while the work type is not known, and follows it once it is', () => {
    const loading = withDefaultBillable(emptyLog(today, '9'), () => undefined);
    expect(loading.billable).toBe(true);
    expect(toNewRecord({ ...loading, duration: '30' }).body).not.toHaveProperty('billable');
    expect(withDefaultBillable(loading, catalogue).billable).toBe(false);
    expect(withDefaultBillable(emptyLog(today, null), catalogue).billable).toBe(true);
    expect(withDefaultBillable(emptyLog(today, '7'), catalogue).billable).toBe(true);
  });

  it('makes travel and fees billable whatever work type stays in the form, as the server does', () => {
    const internal = withDefaultBillable(emptyLog(today, '9'), catalogue);
    expect(withDefaultBillable({ ...internal, kind: 'travel' }, catalogue).billable).toBe(true);
    expect(withDefaultBillable({ ...internal, kind: 'fee' }, catalogue).billable).toBe(true);
    expect(withDefaultBillable({ ...internal, kind: 'travel', billable: true }, catalogue).billable).toBe(true);
  });

  it('keeps and sends what the user ticked or unticked, until another work type is picked or the entry is logged', () => {
    const ticked = { ...withDefaultBillable(emptyLog(today, '9'), catalogue), billable: true, billableChosen: true };
    const unticked = { ...withDefaultBillable(emptyLog(today, '2'), catalogue), billable: false, billableChosen: true };
    expect(withDefaultBillable(ticked, catalogue)).toBe(ticked);
    expect(withDefaultBillable({ ...unticked, kind: 'fee' }, catalogue).billable).toBe(false);
    expect(toNewRecord({ ...ticked, duration: '30' }).body).toMatchObject({ billable: true });
    expect(toNewRecord({ ...unticked, duration: '30' }).body).toMatchObject({ billable: false });
    // A work type picked: billable follows it again, the same one picked again too.
    expect(withWorkType(unticked, '2', catalogue)).toMatchObject({ workTypeId: '2', billable: true, billableChosen: false });
    expect(withWorkType(ticked, '9', catalogue)).toMatchObject({ workTypeId: '9', billable: false, billableChosen: false });
    expect(withWorkType(ticked, '2', catalogue)).toMatchObject({ billable: true });
    // The form emptied after logging (the choice forgotten): the next entry starts from the default.
    expect(withDefaultBillable({ ...ticked, billableChosen: false }, catalogue).billable).toBe(false);
  });

  describe('correcting a saved record', () => {
    // Saved as work type 2 (billable by default) and billable.
    const saved = {
      kind: 'work', date: today, startTime: null, minutes: 30, workType: { id: 2, code: 'work', name: 'Práce' }, billable: true, description: '', internalNote: '',
      km: null, zone: null, vehicle: null, fee: null, quantity: null, version: 3,
    } as unknown as ServiceRecord;
    const corrected = (record: object = {}) => withDefaultBillable(fromRecord({ ...saved, ...record } as ServiceRecord), catalogue);

    it("shows the record's own billable and leaves it unsent, so the server keeps it, also against its work type's default", () => {
      const values = fromRecord(saved);
      expect(withDefaultBillable(values, catalogue)).toBe(values);
      expect(values).toMatchObject({ billable: true, billableChosen: false });
      expect(toRecordChange(values, 3).body).not.toHaveProperty('billable');
      // Internal work ticked billable when it was logged stays so.
      const tickedInternal = corrected({ workType: { id: 9, code: 'internal', name: 'Interní' }, billable: true });
      expect(tickedInternal.billable).toBe(true);
      expect(toRecordChange(tickedInternal, 3).body).not.toHaveProperty('billable');
      // Travel saved not billable is not made billable by the travel default.
      const travel = corrected({ kind: 'travel', workType: null, km: '10', billable: false });
      expect(travel.billable).toBe(false);
      expect(toRecordChange(travel, 3).body).not.toHaveProperty('billable');
    });

    it("follows another work type picked, unsent (the server takes the new type's default), and the record's own again when its type is picked back", () => {
      const moved = withWorkType(corrected(), '9', catalogue);
      expect(moved).toMatchObject({ workTypeId: '9', billable: false, billableChosen: false });
      const body = toRecordChange(moved, 3).body;
      expect(body).toMatchObject({ workTypeId: 9 });
      expect(body).not.toHaveProperty('billable');
      const tickedInternal = corrected({ workType: { id: 9, code: 'internal', name: 'Interní' }, billable: true });
      expect(withWorkType(withWorkType(tickedInternal, '2', catalogue), '9', catalogue).billable).toBe(true);
      // The work types not known yet: the box stays, the server decides.
      expect(withWorkType(corrected(), '9', () => undefined)).toMatchObject({ billable: true, billableChosen: false });
    });

    it('sends billable ticked or unticked by hand in this correction, and forgets it when another work type is picked after, as a new entry does', () => {
      // Moved to internal work, then ticked: billable internal work, sent so.
      const ticked = { ...withWorkType(corrected(), '9', catalogue), billable: true, billableChosen: true };
      expect(withDefaultBillable(ticked, catalogue)).toBe(ticked);
      expect(toRecordChange(ticked, 3).body).toMatchObject({ workTypeId: 9, billable: true });
      const unticked = { ...corrected(), billable: false, billableChosen: true };
      expect(toRecordChange(unticked, 3).body).toMatchObject({ workTypeId: 2, billable: false });
      expect(withWorkType(unticked, '9', catalogue)).toMatchObject({ billable: false, billableChosen: false });
      expect(withWorkType(unticked, '2', catalogue)).toMatchObject({ billable: true, billableChosen: false });
    });
  });
});

describe('a record that ends in the future', () => {
  // Saturday 28 November 2026, 15:50 on the browser's clock.
  const now = new Date(2026, 10, 28, 15, 50);
  const times = (date: string, startTime: string, duration: string, endTime = '') => ({ date, startTime, duration, endTime });

  it('is noticed from a start and minutes, or a start and an end', () => {
    // A timer started at 15:05 and stopped now: 0:45 ends now, 1:45 typed by mistake an hour from now.
    expect(futureEnd(times('2026-11-28', '14:05', '1:45'), now)).toBeNull();
    expect(futureEnd(times('2026-11-28', '15:05', '1:45'), now)).toBe('16:50');
    expect(futureEnd(times('2026-11-28', '15:05', '45'), now)).toBeNull();
    expect(futureEnd(times('2026-11-28', '15:05', '47'), now)).toBe('15:52');
    expect(futureEnd(times('2026-11-28', '15:00', '', '17:35'), now)).toBe('17:35');
    expect(futureEnd(times('2026-11-28', '15:00', '', '15:50'), now)).toBeNull();
  });

  it('leaves the minute after now\'s alone: a timer\'s own proposal never warns about itself', () => {
    // The minute being worked in ends at the next one: no typo to point at.
    expect(futureEnd(times('2026-11-28', '15:05', '46'), now)).toBeNull();
    expect(futureEnd(times('2026-11-28', '15:00', '', '15:51'), now)).toBeNull();
    // Stopped at 15:50:50 after a timer started 15:20:10 (the server's minutes: 15:20 to 15:50),
    // one started within the same minute (at least one minute: to 15:51), and one whose minutes
    // the server counted with its clock a few seconds ahead (15:51 there).
    const stoppedAt = new Date(2026, 10, 28, 15, 50, 50);
    const timer: Timer = {
      ticket: { id: 1, number: 'T2026-000001', subject: 'Tiskárna' }, workType: null, description: '',
      startedAt: '2026-11-28T14:20:10.000Z', localStart: { date: '2026-11-28', time: '15:20' }, elapsedMinutes: 30,
    };
    const proposed = (t: Partial<Timer>) => fromTimer({ ...timer, ...t }, '2', () => true);
    for (const t of [{}, { localStart: { date: '2026-11-28', time: '15:50' }, elapsedMinutes: 1 }, { elapsedMinutes: 31 }]) {
      const values = proposed(t);
      expect(futureEnd(values, stoppedAt), JSON.stringify(values)).toBeNull();
    }
    // A typo in the proposal's minutes is still said.
    expect(futureEnd({ ...proposed({}), ...timerTimesAfter(proposed({}), 'duration', '1:30') }, stoppedAt)).toBe('16:50');
  });

  it('names the end that start and minutes make, which the end field does not show', () => {
    // Started at 21:00 for 90 minutes: the end field stays empty, the hint says 22:30.
    expect(futureEnd(times('2026-11-28', '21:00', '90'), now)).toBe('22:30');
    expect(futureEnd(times('2026-11-28', '21:00', '1:30'), now)).toBe('22:30');
    // Past midnight: the next day's clock time.
    expect(futureEnd(times('2026-11-28', '23:00', '120'), now)).toBe('01:00');
  });

  it('counts the day: yesterday late into the night is past, tomorrow morning is not', () => {
    expect(futureEnd(times('2026-11-27', '22:00', '180'), now)).toBeNull();
    expect(futureEnd(times('2026-11-29', '08:00', '30'), now)).toBe('08:30');
  });

  it('says nothing without a start, or with times that are no times', () => {
    expect(futureEnd(times('2026-11-28', '', '600'), now)).toBeNull();
    expect(futureEnd(times('2026-11-28', '25:99', '60'), now)).toBeNull();
    expect(futureEnd(times('2026-11-28', '16:00', 'hodně'), now)).toBeNull();
    expect(futureEnd(times('28. 11.', '16:00', '60'), now)).toBeNull();
  });
});
