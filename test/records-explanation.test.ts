import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './db.ts';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';

/** A record's price explanation is stored as data and read in the reader's language. */
describe.each(testEngines())('record price explanations on %s', (engine) => {
  let w: RecordsWorld;
  beforeAll(async () => {
    w = await recordsWorld(engine);
  });
  afterAll(() => w.t.close());

  const spaces = (l: string) => l.replace(/[\u00a0\u202f]/g, ' ');

  it("words a record's explanation in each reader's language; costs stay hidden from those without the costs scope", async () => {
    const ticket = await w.newTicket('Explained');
    const logged = await w.log(w.tech.auth, { kind: 'work', date: '2026-10-12', startTime: '18:30', endTime: '20:10', workTypeId: w.wt.onSite, description: 'Výměna disku' }, ticket.id);
    expect(logged.statusCode, logged.body).toBe(201);
    const id = logged.json().id as number;
    const reader = await w.t.userWith(['manager']);
    const readIn = async (language: 'cs' | 'sk' | 'en') => {
      expect((await w.t.request(reader.auth, { method: 'PATCH', url: '/api/v1/auth/me', payload: { language } })).statusCode).toBe(200);
      const res = await w.t.request(reader.auth, { method: 'GET', url: `/api/v1/records/${id}` });
      expect(res.statusCode).toBe(200);
      return (res.json().price.explanation as string[]).map(spaces);
    };
    const cs = await readIn('cs');
    expect(cs[0]).toBe('Ceník „Standard 2026“ (klienta), verze platná od 1. 1. 2026, ceny v CZK');
    expect(cs).toContain('Časová třída Mimo pracovní dobu: po 12. 10. 2026 18:30 je mimo pracovní dobu po–pá 08:00–17:00; příplatek 50 %');
    expect(cs.at(-1)).toBe('Interní náklad: 100 min × 450,00/h = 750,00 CZK');
    const sk = await readIn('sk');
    expect(sk[0]).toBe('Cenník „Standard 2026“ (klienta), verzia platná od 1. 1. 2026, ceny v CZK');
    expect(sk).toContain('105 min × 1 000,00/h × 150 % = 2 625,00');
    const en = await readIn('en');
    expect(en[0]).toBe('Price list "Standard 2026" (the client\'s), version valid from 1 Jan 2026, prices in CZK');
    expect(en).toContain('105 min × 1,000.00/h × 150% = 2,625.00');
    // The technician (no costs scope) reads it in the list of the ticket, without the cost line.
    const techView = (await w.t.request(w.tech.auth, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/records` })).json().items[0];
    expect(techView.price.explanation.length).toBe(en.length - 1);
  });

  it('keeps explanations stored as English sentences (records priced before) readable as they are', async () => {
    const ticket = await w.newTicket('Old explanation');
    const logged = await w.log(w.tech.auth, { kind: 'work', date: '2026-10-05', startTime: '09:00', minutes: 50, workTypeId: w.wt.remote, description: 'Stará' }, ticket.id);
    const id = logged.json().id as number;
    const old = { explanation: ['Price list "Standard 2026" (the client\'s), version valid from 2026-01-01, prices in CZK', 'Internal cost: 50 min × 450.00/h = 375.00 CZK'], costCurrency: 'CZK' };
    await w.t.database.db.updateTable('records').set({ pricing_json: JSON.stringify(old) }).where('id', '=', id).execute();
    const manager = (await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/records/${id}` })).json();
    // Word for word; only a unit is kept on its number's line by a no-break space.
    expect(manager.price.explanation.map((l: string) => l.replace(/\u00a0/g, ' '))).toEqual(old.explanation);
    const tech = (await w.t.request(w.tech.auth, { method: 'GET', url: `/api/v1/records/${id}` })).json();
    expect(tech.price.explanation).toEqual([old.explanation[0]]);
  });
});
