import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/identity/index.ts';
import { AppError } from '../src/shared/errors.ts';
import { testEngines } from './db.ts';
import { recordCount, recordsWorld, type RecordsWorld } from './records.fixture.ts';

/** Timers, timesheets, exports, bulk logging and the CSV import of service records. */
describe.each(testEngines())('service records in and out on %s', (engine) => {
  let w: RecordsWorld;
  beforeAll(async () => {
    w = await recordsWorld(engine);
  });
  afterAll(() => w.t.close());

  it('runs one timer per user; stopping it logs a draft with the minutes from the start\'s minute to now\'s', async () => {
    w.t.clock.set('2026-10-30T08:15:00.000Z'); // Friday 09:15 in Prague
    const start = (auth: RecordsWorld['tech']['auth'], payload: object) => w.t.request(auth, { method: 'POST', url: '/api/v1/timers', payload });
    const started = await start(w.tech.auth, { ticketId: w.ticket.id, workTypeId: w.wt.remote, description: 'Hledání chyby' });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json()).toMatchObject({ ticket: { id: w.ticket.id }, elapsedMinutes: 1 });
    const second = await start(w.tech.auth, { ticketId: w.ticket.id });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'timer_running', ticketId: w.ticket.id });
    expect(second.json().error.message).toContain(w.ticket.number);
    // 09:15:00 → 10:16:10 is 09:15 to 10:16 on the clock: the draft ends at now's minute, billing rounds it up.
    w.t.clock.advance(61 * 60_000 + 10_000);
    expect((await w.t.request(w.tech.auth, { method: 'GET', url: '/api/v1/timers/me' })).json().timer.elapsedMinutes).toBe(61);
    const stopped = await w.t.request(w.tech.auth, { method: 'POST', url: '/api/v1/timers/me/stop' });
    expect(stopped.statusCode, stopped.body).toBe(201);
    expect(stopped.json()).toMatchObject({ kind: 'work', state: 'draft', date: '2026-10-30', startTime: '09:15', minutes: 61, description: 'Hledání chyby', price: { billableMinutes: 75 } });
    expect((await w.t.request(w.tech.auth, { method: 'GET', url: '/api/v1/timers/me' })).json()).toEqual({ timer: null });
    expect((await w.t.request(w.tech.auth, { method: 'POST', url: '/api/v1/timers/me/stop' })).json().error.code).toBe('no_timer');
    // Without a work type the stop asks for one, and the timer keeps running; a discarded timer records nothing.
    await start(w.tech2.auth, { ticketId: w.ticket.id });
    const noType = await w.t.request(w.tech2.auth, { method: 'POST', url: '/api/v1/timers/me/stop', payload: {} });
    expect(noType.json().error.details[0]).toMatchObject({ path: 'workTypeId', code: 'required' });
    // The work type can be set while the timer runs: the server keeps it (a reload reads it back), and stopping uses it.
    const setType = (payload: object) => w.t.request(w.tech2.auth, { method: 'PATCH', url: '/api/v1/timers/me', payload });
    expect((await setType({ workTypeId: 999999 })).json().error.details[0]).toMatchObject({ path: 'workTypeId', code: 'unknown_reference' });
    const typed = await setType({ workTypeId: w.wt.development });
    expect(typed.statusCode, typed.body).toBe(200);
    expect(typed.json()).toMatchObject({ ticket: { id: w.ticket.id }, workType: { id: w.wt.development } });
    expect((await w.t.request(w.tech2.auth, { method: 'GET', url: '/api/v1/timers/me' })).json().timer.workType).toMatchObject({ id: w.wt.development });
    expect((await w.t.request(w.tech.auth, { method: 'PATCH', url: '/api/v1/timers/me', payload: { workTypeId: w.wt.remote } })).json().error.code).toBe('no_timer');
    w.t.clock.advance(25 * 3_600_000);
    const tooLong = await w.t.request(w.tech2.auth, { method: 'POST', url: '/api/v1/timers/me/stop', payload: {} });
    expect(tooLong.json().error.details[0]).toMatchObject({ path: 'minutes', code: 'too_long' });
    const before = await recordCount(w.t);
    expect((await w.t.request(w.tech2.auth, { method: 'DELETE', url: '/api/v1/timers/me' })).statusCode).toBe(204);
    expect((await w.t.request(w.tech2.auth, { method: 'DELETE', url: '/api/v1/timers/me' })).statusCode).toBe(404);
    expect(await recordCount(w.t)).toBe(before);
    w.t.clock.set('2026-11-02T09:00:00.000Z');
  });

  it('stops a timer with what was corrected while stopping: date, start or none, minutes or an end, work type, notes', async () => {
    w.t.clock.set('2026-10-31T09:00:00.000Z'); // Saturday 10:00 in Prague
    const start = () => w.t.request(w.tech.auth, { method: 'POST', url: '/api/v1/timers', payload: { ticketId: w.ticket.id, workTypeId: w.wt.remote, description: 'Měřeno' } });
    const stop = (payload: object) => w.t.request(w.tech.auth, { method: 'POST', url: '/api/v1/timers/me/stop', payload });
    const running = async () => (await w.t.request(w.tech.auth, { method: 'GET', url: '/api/v1/timers/me' })).json().timer;

    expect((await start()).statusCode).toBe(201);
    w.t.clock.advance(60_000 + 5_000);
    // What the stop dialog fills in: the entry's date and start in the provider's time zone, and the minutes so far.
    expect(await running()).toMatchObject({ localStart: { date: '2026-10-31', time: '10:00' }, elapsedMinutes: 1 });
    const corrected = await stop({ minutes: 45, workTypeId: w.wt.onSite, description: 'Výměna čidla', internalNote: 'Klíč u vrátného', billable: true });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json()).toMatchObject({
      date: '2026-10-31', startTime: '10:00', minutes: 45, workType: { id: w.wt.onSite }, description: 'Výměna čidla', internalNote: 'Klíč u vrátného',
      timeClass: 'weekend_holiday', amountMinor: 2_000_00,
    });
    expect(await running()).toBeNull();

    // Without a start the Saturday is priced as business hours (BILLING.md: no start, normal).
    await start();
    const noStart = await stop({ startTime: null, minutes: 30 });
    expect(noStart.json()).toMatchObject({ startTime: null, minutes: 30, timeClass: 'normal', description: 'Měřeno', workType: { id: w.wt.remote } });

    // An end instead of minutes; another date.
    await start();
    const ended = await stop({ date: '2026-10-30', startTime: '09:00', endTime: '10:30' });
    expect(ended.json()).toMatchObject({ date: '2026-10-30', startTime: '09:00', minutes: 90, timeClass: 'normal' });

    // A correction that does not pass is refused by field, and the timer keeps running.
    await start();
    const backwards = await stop({ startTime: '12:00', endTime: '11:00' });
    expect([backwards.statusCode, backwards.json().error.details[0]]).toEqual([400, expect.objectContaining({ path: 'endTime', code: 'end_before_start' })]);
    expect((await stop({ startTime: '9:00' })).statusCode).toBe(400);
    expect(await running()).toMatchObject({ ticket: { id: w.ticket.id } });
    expect((await w.t.request(w.tech.auth, { method: 'DELETE', url: '/api/v1/timers/me' })).statusCode).toBe(204);
    w.t.clock.set('2026-11-02T09:00:00.000Z');
  });

  it('says what a date is for the time class of work on a ticket: business day, outside the hours, public holiday', async () => {
    const day = (ticketId: number, date: string) => w.t.request(w.tech.auth, { method: 'GET', url: `/api/v1/tickets/${ticketId}/records/work-day?date=${date}` });
    expect((await day(w.ticket.id, '2026-10-30')).json()).toEqual({ date: '2026-10-30', dayKind: 'business_day' }); // Friday
    expect((await day(w.ticket.id, '2026-10-31')).json()).toEqual({ date: '2026-10-31', dayKind: 'non_business_day' }); // Saturday
    expect((await day(w.ticket.id, '2026-10-28')).json()).toEqual({ date: '2026-10-28', dayKind: 'holiday' }); // a Wednesday, Czech statehood day
    // The business days are those of the list that prices the ticket's records: a client whose list works on Saturdays.
    const client = await w.t.services.customers.create(systemContext, { name: 'Sobotní provoz s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 });
    const admin = (method: 'POST' | 'PUT', url: string, payload: object) => w.t.request(w.admin.auth, { method, url, payload });
    const list = (await admin('POST', '/api/v1/price-lists', { name: 'Šest dní', currency: 'CZK' })).json();
    expect((await admin('POST', `/api/v1/price-lists/${list.id}/versions`, { validFrom: '2026-01-01', terms: { businessHours: { weekdays: [1, 2, 3, 4, 5, 6], start: '07:00', end: '19:00' } } })).statusCode).toBe(201);
    expect((await admin('PUT', `/api/v1/clients/${client.id}/price-list`, { priceListId: list.id })).statusCode).toBe(200);
    const saturdays = await w.t.request(w.operator.auth, { method: 'POST', url: '/api/v1/tickets', payload: { clientId: client.id, subject: 'Sobotní servis', queueId: w.queueId } });
    expect((await day(saturdays.json().id, '2026-10-31')).json().dayKind).toBe('business_day');
    expect((await day(saturdays.json().id, '2026-11-01')).json().dayKind).toBe('non_business_day');
    // Bad input is a 400 naming the date; a ticket the technician cannot see is not found.
    for (const date of ['2026-02-30', '31.10.2026', '1999-12-31']) {
      const res = await day(w.ticket.id, date);
      expect([res.statusCode, res.json().error.details?.[0]?.path], date).toEqual([400, expect.stringMatching(/(^|\.)date$/)]);
    }
    expect((await day(987654, '2026-10-30')).statusCode).toBe(404);
  });

  it('sums a week by technician × day and by ticket, billable apart, money per field scope', async () => {
    const other = await w.newTicket('Second ticket');
    const days: [string, number, boolean, number?][] = [['2026-10-19', 60, true], ['2026-10-20', 30, false], ['2026-10-20', 45, true, other.id], ['2026-10-25', 15, true], ['2026-10-26', 99, true]];
    for (const [date, minutes, billable, ticketId] of days) {
      const res = await w.log(w.tech2.auth, { kind: 'work', date, startTime: '10:00', minutes, billable, workTypeId: w.wt.remote }, ticketId);
      expect(res.statusCode, res.body).toBe(201);
    }
    await w.log(w.tech2.auth, { kind: 'work', date: '2026-10-21', minutes: 20, workTypeId: w.wt.unpriced });
    const mine = await w.t.request(w.tech2.auth, { method: 'GET', url: '/api/v1/timesheets/week?start=2026-10-19' });
    expect(mine.statusCode, mine.body).toBe(200);
    const sheet = mine.json();
    expect(sheet.days).toHaveLength(7);
    // A technician sees what the work is billed at, never its cost.
    expect(sheet.total).toEqual({ billableMinutes: 60 + 45 + 15 + 20, nonBillableMinutes: 30, travelMinutes: 0, km: '0', records: 5, unpriced: 1, money: [{ currency: 'CZK', amountMinor: 1_800_00 }] });
    expect(sheet.byTechnician[0].days[1]).toMatchObject({ billableMinutes: 45, nonBillableMinutes: 30, records: 2, unpriced: 0 });
    expect(JSON.stringify(sheet)).not.toContain('costMinor');
    expect(sheet.byTicket.map((r: { ticket: { id: number } }) => r.ticket.id).sort()).toEqual([w.ticket.id, other.id].sort());
    expect((await w.t.request(w.tech.auth, { method: 'GET', url: `/api/v1/timesheets/week?start=2026-10-19&technicianId=${w.tech2.id}` })).statusCode).toBe(403);
    // A week running past the last date there is: refused by name, not a 500.
    const late = await w.t.request(w.tech2.auth, { method: 'GET', url: '/api/v1/timesheets/week?start=9999-12-31' });
    expect([late.statusCode, late.json().error.details[0]]).toEqual([400, expect.objectContaining({ path: 'start', code: 'invalid_date' })]);
    expect((await w.t.request(w.tech2.auth, { method: 'GET', url: '/api/v1/timesheets/week?start=9999-12-25' })).statusCode).toBe(200);

    const team = await w.t.request(w.admin.auth, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Technici', members: [w.tech.id, w.tech2.id] } });
    const teamSheet = (await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/timesheets/team-week?start=2026-10-19&teamId=${team.json().id}` })).json();
    expect(teamSheet.byTechnician).toHaveLength(2);
    const row = teamSheet.byTechnician.find((r: { technician: { id: number } }) => r.technician.id === w.tech2.id);
    // Remote at 800/h: Mon 60 min 800.00, Tue 45 min 600.00, Sunday 15 min +100 % 400.00; not billable 0.00; unpriced adds nothing.
    expect(row.total.money).toEqual([{ currency: 'CZK', amountMinor: 1_800_00, costMinor: (170 * 450_00) / 60 }]);
    expect(teamSheet.byTechnician.find((r: { technician: { id: number } }) => r.technician.id === w.tech.id).total.records).toBe(0);
    // Days without records are null (Mon, Tue and Wed have records; Sun is 15 min, the rest empty).
    expect(row.days.map((d: { records: number } | null) => d?.records ?? null)).toEqual([1, 2, 1, null, null, null, 1]);
    expect(teamSheet.byTechnician.find((r: { technician: { id: number } }) => r.technician.id === w.tech.id).days).toEqual([null, null, null, null, null, null, null]);
    expect((await w.t.request(w.tech.auth, { method: 'GET', url: `/api/v1/timesheets/team-week?start=2026-10-19&teamId=${team.json().id}` })).statusCode).toBe(403);
  });

  it('exports the filtered list as CSV (BOM, Czech headers, money per field scope) and as XLSX', async () => {
    const ticket = await w.newTicket('Export');
    await w.log(w.tech.auth, { kind: 'work', date: '2026-10-05', startTime: '09:00', minutes: 50, workTypeId: w.wt.remote, description: 'Oprava; "tiskárny"' }, ticket.id);
    await w.log(w.tech.auth, { kind: 'travel', date: '2026-10-05', km: '36.5' }, ticket.id);
    await w.log(w.tech.auth, { kind: 'work', date: '2026-10-06', minutes: 10, workTypeId: w.wt.unpriced, description: '=HYPERLINK("x")' }, ticket.id);
    const csv = await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/records/export.csv?ticketId=${ticket.id}&lang=cs` });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    // The UI's words ("Požadavek", "Časová třída"), every number with a decimal comma, and a price status in every row.
    expect(lines[0]).toBe('Datum;Začátek;Technik;Klient;Požadavek;Druh;Typ práce;Časová třída;Minuty;Účtované minuty;Fakturovat;km;Zóna;Vozidlo;Poplatek;Položka;Množství;Popis;Interní poznámka;Stav;Částka;Náklad;Měna;Stav ceny');
    expect(lines[1]).toContain(`2026-10-05;09:00;`);
    expect(lines[1]).toContain(';práce;Vzdálená podpora;pracovní doba;50;60;ano;');
    expect(lines[1]).toContain(';"Oprava; ""tiskárny""";;koncept;800,00;375,00;CZK;naceněno');
    expect(lines[2]).toContain(';cesta;');
    expect(lines[2]).toContain(';36,5;');
    expect(lines[2]).not.toContain('36.5');
    expect(lines[2]).toContain(';438,00;182,50;CZK;naceněno');
    expect(lines[3]).toContain(`;"'=HYPERLINK(""x"")";`);
    expect(lines[3]!.endsWith(';bez ceny: ceník nemá sazbu pro tento typ práce')).toBe(true);
    const slovak = (await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/records/export.csv?ticketId=${ticket.id}&lang=sk` })).body.replace(/^\uFEFF/, '').split('\r\n');
    expect(slovak[0]).toContain(';Požiadavka;Druh;Typ práce;Časová trieda;');
    expect(slovak[2]).toContain(';36,5;');
    // Without ?lang= the user's own language (changed just now: the next request sees it).
    expect((await w.t.request(w.manager.auth, { method: 'PATCH', url: '/api/v1/auth/me', payload: { language: 'sk' } })).statusCode).toBe(200);
    const own = (await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/records/export.csv?ticketId=${ticket.id}` })).body.replace(/^\uFEFF/, '').split('\r\n');
    expect(own[0]).toBe(slovak[0]);
    await w.t.request(w.manager.auth, { method: 'PATCH', url: '/api/v1/auth/me', payload: { language: 'en' } });
    expect((await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/records/export.csv?ticketId=${ticket.id}` })).body).toContain('Date,Start,');
    const forTech = await w.t.request(w.tech.auth, { method: 'GET', url: `/api/v1/records/export.csv?ticketId=${ticket.id}&lang=en` });
    const header = forTech.body.replace(/^\uFEFF/, '').split('\r\n')[0]!;
    expect(header.split(',')).toContain('Amount');
    expect(header.split(',')).not.toContain('Cost');
    expect(header.startsWith('Date,Start,Technician')).toBe(true);

    const xlsx = await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/records/export.xlsx?ticketId=${ticket.id}&lang=en` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(sheet.getRow(2).getCell(headers.indexOf('Amount') + 1).value).toBe(800);
    expect(sheet.getRow(2).getCell(headers.indexOf('Minutes') + 1).value).toBe(50);
    // The same columns as the CSV; km a number, the price status filled in.
    const managerCsv = await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/records/export.csv?ticketId=${ticket.id}&lang=en` });
    expect(headers).toEqual(managerCsv.body.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(','));
    expect(sheet.getRow(3).getCell(headers.indexOf('km') + 1).value).toBe(36.5);
    expect(sheet.getRow(2).getCell(headers.indexOf('Price status') + 1).value).toBe('priced');
    expect(sheet.getRow(4).getCell(headers.indexOf('Price status') + 1).value).toBe('no price: the price list has no rate for this work type');
  });

  it('logs many records all or nothing, with a report of every row', async () => {
    const before = await recordCount(w.t);
    const rows = [
      { ticketId: w.ticket.id, kind: 'work', date: '2026-10-07', minutes: 30, workTypeId: w.wt.remote },
      { ticketId: w.ticket.id, kind: 'fee', date: '2026-10-07', feeId: w.fee.callOut, quantity: '2' },
      { ticketId: w.ticket.id, kind: 'work', date: '2026-10-07', minutes: 0, workTypeId: w.wt.remote },
      { ticketId: 987654, kind: 'travel', date: '2026-10-07', km: 3 },
      { kind: 'work' },
    ];
    const bad = await w.t.request(w.tech.auth, { method: 'POST', url: '/api/v1/records/bulk', payload: rows });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bulk_rejected');
    const report = bad.json().error.report;
    expect(report.accepted.map((a: { row: number }) => a.row)).toEqual([0, 1]);
    expect(report.rejected.map((r: { row: number }) => r.row)).toEqual([2, 3, 4]);
    expect(report.rejected[0].reasons[0]).toMatchObject({ path: 'minutes', code: 'minutes_not_positive' });
    expect(report.rejected[1].reasons[0]).toMatchObject({ path: 'ticketId', code: 'unknown_reference' });
    expect(report.rejected[2].reasons.map((r: { path: string }) => r.path)).toEqual(expect.arrayContaining(['ticketId', 'date', 'workTypeId']));
    expect(bad.json().error.details[0].path).toBe('2.minutes');
    expect(await recordCount(w.t)).toBe(before);

    const dry = await w.t.request(w.tech.auth, { method: 'POST', url: '/api/v1/records/bulk?dryRun=true', payload: rows.slice(0, 2) });
    expect(dry.json()).toMatchObject({ dryRun: true, imported: 0, rejected: [] });
    expect(await recordCount(w.t)).toBe(before);
    // A refused row names the limit it broke, as any 400 detail does.
    const long = await w.t.request(w.tech.auth, { method: 'POST', url: '/api/v1/records/bulk?dryRun=true', payload: [{ ...rows[0], description: 'x'.repeat(5001) }] });
    expect(long.statusCode, long.body).toBe(400);
    expect(long.json().error.report.rejected[0].reasons).toEqual([expect.objectContaining({ path: 'description', code: 'too_long', maximum: 5000 })]);
    const ok = await w.t.request(w.tech.auth, { method: 'POST', url: '/api/v1/records/bulk', payload: rows.slice(0, 2) });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ dryRun: false, imported: 2, accepted: [{ row: 0, priceStatus: 'priced' }, { row: 1, priceStatus: 'priced' }] });
    expect(await recordCount(w.t)).toBe(before + 2);
  });

  it('imports a CSV file through the same service: a bad row imports nothing and the report says why', async () => {
    const email = (await w.t.database.db.selectFrom('users').select('email').where('id', '=', w.tech.id).executeTakeFirstOrThrow()).email;
    const good = [
      'ticket;kind;technician;date;start;end;minutes;work_type;billable;km;fee;quantity;description',
      `${w.ticket.number};work;${email};2026-10-08;09:00;10:30;;remote;ano;;;;"Instalace; tiskárna"`,
      `${w.ticket.number};travel;${email};2026-10-08;;;;;;"12,5";;;`,
      `${w.ticket.number};fee;${email};2026-10-08;;;;;;;callout;1;`,
    ];
    const badFile = [...good, `${w.ticket.number};work;${email};2030-01-01;;;;remote;maybe;;;;`, `T9999-999999;work;nobody@x.cz;2026-10-08;;;30;nope;;;;;`].join('\n');
    const before = await recordCount(w.t);
    const failure = await w.t.services.records.bulk.importCsv(systemContext, badFile, { dryRun: false }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    const report = (failure as AppError).extra!.report as { accepted: { row: number }[]; rejected: { row: number; reasons: { path: string; code: string }[] }[] };
    expect(report.accepted.map((a) => a.row)).toEqual([2, 3, 4]);
    expect(report.rejected.map((r) => r.row)).toEqual([5, 6]);
    expect(report.rejected[0]!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['invalid_boolean']));
    expect(report.rejected[1]!.reasons.map((r) => r.path)).toEqual(expect.arrayContaining(['ticket', 'technician', 'work_type']));
    expect((failure as AppError).details!.some((d) => d.path.startsWith('line 5'))).toBe(true);
    expect(await recordCount(w.t)).toBe(before);

    const dry = await w.t.services.records.bulk.importCsv(systemContext, good.join('\r\n'), { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, imported: 0 });
    const done = await w.t.services.records.bulk.importCsv(systemContext, `\uFEFF${good.join('\r\n')}\r\n`, { dryRun: false });
    expect(done.imported).toBe(3);
    const rows = await w.t.database.db.selectFrom('records').selectAll().where('id', 'in', done.accepted.map((a) => a.id!)).orderBy('id').execute();
    expect(rows.map((r) => [r.kind, r.minutes, r.km_milli, r.quantity_milli, r.technician_id, r.created_by])).toEqual([
      ['work', 90, null, null, w.tech.id, null], ['travel', 0, 12_500, null, w.tech.id, null], ['fee', 0, null, 1000, w.tech.id, null],
    ]);
    expect(rows[0]!.description).toBe('Instalace; tiskárna');
    expect(rows[1]!.amount_minor).toBe(150_00);
    const missing = await w.t.services.records.bulk.importCsv(systemContext, 'ticket;date;colour\nT1;2026-10-01;red', { dryRun: true }).catch((e: AppError) => e.details);
    expect(missing).toEqual([expect.objectContaining({ path: 'colour', code: 'unknown_column' })]);
  });
});
