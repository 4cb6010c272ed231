// The exchange-rate list in a real browser against a real server seeded like `kontor demo`,
// with a stand-in for the ČNB on 127.0.0.1 (tests never reach the internet).
//
//   npm run build:web && npx vitest run test/e2e/rates.e2e.test.ts
//   (or KONTOR_WEB_DIR=<a private build> when others rebuild dist/web)
//
// The accountant opens Exchange rates (Kurzy měn): yesterday's EUR rate is listed; fetching a day the
// bank published nothing for brings the last list before it and says so; a pasted file
// with mistakes is refused with each line named in Czech and nothing imported; the file
// put right is imported; N opens the dialog for a rate by hand, Ctrl+Enter saves it.
// Then the manager issues a draft in EUR: the form offers the list's rate of the day and
// says where it came from, and a rate typed in stays as typed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays, providerDate } from '../../src/shared/calendar/index.ts';
import { czechDate, plain, typeInto, useDemoServer } from './harness.ts';

const STEP_MS = 20_000;
const JOURNEY_MS = 90_000;

const FRIDAY = ['06.11.2026 #216', 'země|měna|množství|kód|kurz', 'EMU|euro|1|EUR|24,305', 'Maďarsko|forint|100|HUF|6,543', 'USA|dolar|1|USD|20,950', ''].join('\n');

let cnb: Server;
let cnbUrl = '';
beforeAll(async () => {
  // Whatever day is asked for, the bank's answer is Friday's list (as on a weekend).
  cnb = createServer((_req, res) => void res.end(FRIDAY));
  await new Promise<void>((resolve) => cnb.listen(0, '127.0.0.1', resolve));
  cnbUrl = `http://127.0.0.1:${(cnb.address() as AddressInfo).port}/denni_kurz.txt`;
});
afterAll(() => new Promise<void>((resolve) => cnb.close(() => resolve())));

/** Yesterday in Prague: the rate the issue form is offered for today (the last published one, whatever day the journey runs). */
const yesterday = addDays(providerDate(new Date()), -1);
let eurDraftId = 0;

const server = useDemoServer({
  name: 'rates',
  stepMs: STEP_MS,
  config: { get cnbRatesUrl() { return cnbUrl; } },
  // A draft in EUR to a Czech client, charging VAT: issuing it asks for the EUR → CZK rate.
  seed: async (_services, db) => {
    const client = await db.selectFrom('clients').select('id').where('name', '=', 'Pekárna U Zlatého klasu').executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    const { id } = await db.insertInto('invoices').values({
      kind: 'invoice', state: 'draft', period: '2026-10', client_id: client.id, currency: 'EUR', language: 'cs', payment_terms_days: 14,
      reverse_charge: 0, round_total: 0, visible: 1, net_minor: 1000_00, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    eurDraftId = Number(id);
    await db.insertInto('invoice_lines').values({
      invoice_id: eurDraftId, position: 1, kind: 'manual', description: 'Konzultace', quantity_milli: 1000, unit: 'ks', unit_price_minor: 1000_00, net_minor: 1000_00,
      vat_rate_bp: 2100, group_key: '', fee_period: null, corrects_line_id: null,
    }).execute();
    await db.insertInto('exchange_rates').values({ currency: 'EUR', valid_on: yesterday, amount: 1, rate_millionths: 24_335_000, source: 'cnb', entered_by: null, entered_at: at }).execute();
  },
});

describe('Exchange rates: fetch from the ČNB, import a file, a rate by hand', () => {
  test('the accountant fills the list and sees each mistake of a file by its line', async () => {
    const page = await server.newPage();
    await server.signIn(page, 'accountant@kontor.demo');
    await page.getByTestId('nav-rates').click();
    await page.getByTestId('page-exchange-rates').waitFor();
    // The rate seeded for the issue journey is listed, with its source.
    await expect.poll(() => page.getByTestId(`rate-row-EUR-${yesterday}`).innerText()).toMatch(/EUR[\s\S]*24,335[\s\S]*ČNB/);

    // Sunday 8 November: the bank published nothing that day; Friday's list applies.
    await typeInto(page, 'rates-fetch-day', czechDate('2026-11-08'));
    await page.getByTestId('rates-fetch').click();
    const result = page.getByTestId('rates-import-result');
    await expect.poll(async () => plain(await result.innerText())).toContain('Kurzy ke dni 6. 11. 2026: přidáno 3, nahrazeno 0, beze změny 0.');
    expect(plain(await result.innerText())).toContain('Pro 8. 11. 2026 ČNB lístek nevyhlásila; platí pro něj lístek ze dne 6. 11. 2026.');
    await expect.poll(() => page.getByTestId('rate-row-EUR-2026-11-06').innerText()).toContain('24,305');
    expect(await page.getByTestId('rate-row-HUF-2026-11-06').innerText()).toMatch(/100\s+6,543/);
    // The bank's "20,950" keeps its three decimals in the column (kept as 20.95, not shown as 20,95).
    expect(await page.getByTestId('rate-row-USD-2026-11-06').getByTestId('rate-value').innerText()).toBe('20,950');
    await server.shot(page, 'fetched');

    // A pasted file with mistakes: nothing imported, each line named in Czech.
    await page.getByTestId('rates-import-open').click();
    const bad = ['09.11.2026 #217', 'země|měna|množství|kód|kurz', 'EMU|euro|1|EUR|24,4', 'USA|dolar|1|USD', 'Polsko|zlotý|1|PLN|pět'].join('\n');
    await page.getByTestId('rates-import-text').fill(bad);
    await page.getByTestId('rates-import-submit').click();
    await expect.poll(() => page.getByTestId('rates-import-problem').allInnerTexts()).toEqual([
      'Řádek 4: očekáváno pět polí oddělených znakem |.',
      'Řádek 5: kurz není číslo větší než nula s desetinnou čárkou.',
    ]);
    await server.shot(page, 'refused');
    // Put right, and saved with Ctrl+Enter from the text.
    await page.getByTestId('rates-import-text').fill(bad.replace('USA|dolar|1|USD', 'USA|dolar|1|USD|20,9').replace('pět', '5,1'));
    await page.getByTestId('rates-import-text').press('Control+Enter');
    await page.getByTestId('rates-import-modal').waitFor({ state: 'detached' });
    await expect.poll(async () => plain(await result.innerText())).toContain('Kurzy ke dni 9. 11. 2026: přidáno 3');
    await expect.poll(() => page.getByTestId('rate-row-PLN-2026-11-09').innerText()).toContain('5,1');

    // A rate by hand: N opens the dialog, Ctrl+Enter saves.
    await page.locator('body').click();
    await page.keyboard.press('n');
    await page.getByTestId('rate-modal').waitFor();
    await page.getByTestId('rate-currency').fill('gbp');
    await typeInto(page, 'rate-day', czechDate('2026-11-09'));
    await page.getByTestId('rate-rate').fill('27,5');
    await page.getByTestId('rate-rate').press('Control+Enter');
    await page.getByTestId('rate-modal').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('rate-row-GBP-2026-11-09').innerText()).toMatch(/GBP[\s\S]*27,5[\s\S]*ručně/i);
    await server.shot(page, 'by-hand');
  }, JOURNEY_MS);

  test("issuing in EUR offers the list's rate of the day, and never writes over a rate typed in", async () => {
    const page = await server.newPage();
    await server.signIn(page, 'manager@kontor.demo');
    await page.goto(`/invoices/${eurDraftId}`);
    await page.getByTestId('invoice-issue').click();
    await page.getByTestId('issue-modal').waitFor();
    await expect.poll(() => page.getByTestId('issue-exchange-rate').inputValue()).toBe('24,335');
    expect(plain(await page.getByTestId('issue-exchange-prefilled').innerText())).toBe(`Vyplněno z kurzů měn: kurz ČNB ze dne ${czechDate(yesterday)}.`);
    await server.shot(page, 'prefilled');
    await page.getByTestId('issue-exchange-rate').fill('25,1');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('issue-exchange-rate').inputValue()).toBe('25,1');
    expect(await page.getByTestId('issue-exchange-prefilled').count()).toBe(0);
  }, JOURNEY_MS);
});
