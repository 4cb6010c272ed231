import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';
import { testEngines } from './db.ts';

// A unit fee counted in visits or pieces is billed in whole ones: half a call-out is a typing slip.
describe.each(testEngines())('unit fees in whole units on %s', (engine) => {
  let w: RecordsWorld;
  let typedVisit: number;
  let standby: number;
  beforeAll(async () => {
    w = await recordsWorld(engine);
    const fee = async (payload: object) => (await w.t.request(w.admin.auth, { method: 'POST', url: '/api/v1/unit-fees', payload })).json().id as number;
    // The unit as an administrator types it in Czech; and a fee measured in hours, which keeps fractions.
    typedVisit = await fee({ code: 'navsteva', name: 'Návštěva technika', unit: 'Návštěva' });
    standby = await fee({ code: 'standby', name: 'Pohotovost', unit: 'h' });
  });
  afterAll(() => w.t.close());

  const fee = (feeId: number, quantity: string | number) => ({ kind: 'fee', date: '2026-10-20', feeId, quantity });
  const patch = (id: number, payload: object) => w.t.request(w.tech.auth, { method: 'PATCH', url: `/api/v1/records/${id}`, payload });

  it('refuses a fraction of a visit with 400 at the quantity, naming the quantity and the fee', async () => {
    for (const [feeId, name] of [[w.fee.callOut, 'Výjezd'], [typedVisit, 'Návštěva technika']] as const) {
      const res = await w.log(w.tech.auth, fee(feeId, '1.5'));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details).toEqual([{ path: 'quantity', code: 'not_whole_units', message: `1.5 is not a whole number: ${name} is counted in visits` }]);
    }
    expect((await w.log(w.tech.auth, fee(w.fee.callOut, 2))).statusCode).toBe(201);
  });

  it('keeps fractions for a fee measured in another unit', async () => {
    const res = await w.log(w.tech.auth, fee(standby, '1.5'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ quantity: '1.5' });
  });

  it('refuses a correction to a fraction, and a move of a fractional quantity onto a counted fee', async () => {
    const visit = (await w.log(w.tech.auth, fee(w.fee.callOut, 1))).json();
    const toFraction = await patch(visit.id, { quantity: '0.5', version: visit.version });
    expect(toFraction.statusCode).toBe(400);
    expect(toFraction.json().error.details).toEqual([expect.objectContaining({ path: 'quantity', code: 'not_whole_units' })]);

    const hours = (await w.log(w.tech.auth, fee(standby, '2.5'))).json();
    const moved = await patch(hours.id, { feeId: w.fee.callOut, version: hours.version });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details).toEqual([expect.objectContaining({ path: 'quantity', code: 'not_whole_units', message: expect.stringContaining('2.5 is not a whole number') })]);
  });

  it('refuses a fraction of a visit in a bulk log too, and logs none of the rows', async () => {
    const rows = [{ ticketId: w.ticket.id, ...fee(w.fee.callOut, 1) }, { ticketId: w.ticket.id, ...fee(w.fee.callOut, '1.25') }];
    const res = await w.t.request(w.tech.auth, { method: 'POST', url: '/api/v1/records/bulk', payload: rows });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('not_whole_units');
  });

  it('does not trip a change of something else on an older record that has a fraction', async () => {
    const visit = (await w.log(w.tech.auth, fee(w.fee.callOut, 1))).json();
    await w.t.database.db.updateTable('records').set({ quantity_milli: 1500 }).where('id', '=', visit.id).execute();
    const res = await patch(visit.id, { description: 'Oprava popisu', version: visit.version });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('is documented in OpenAPI', async () => {
    const spec = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(JSON.stringify(spec.paths['/api/v1/tickets/{id}/records'].post.requestBody)).toContain('not_whole_units');
  });
});
