// Accounting exports in a real browser against a real server seeded like `kontor demo`
// (example C's September 2026 invoice is issued there).
//
//   npm run build:web && npx vitest run test/e2e/exports.e2e.test.ts
//   (or KONTOR_WEB_DIR=<a private build> when others rebuild dist/web)
//
// The accountant opens Accounting exports, picks September 2026 and POHODA, sees the
// issued invoice to be exported and a new address-book entry, exports and downloads
// the Windows-1250 dataPack; the batch is listed; the period then shows everything as
// exported (POHODA) while ISDOC still has it as new, "export again" offers it once more,
// and a period with nothing issued says so and offers no export. September's draft is
// named as waiting to be issued, with the way to the drafts. When another window exported
// the invoice meanwhile, the refusal is said in Czech and the preview catches up. The
// invoice's own page then lists those exports and downloads it alone as an ISDOC file.
// Last, September's draft issued with a VAT rate POHODA has no name for: the POHODA
// preview names the document and the rate before anything is pressed, and the export
// button waits, saying why; ISDOC takes the period as it is. So too an issue slip whose
// material is valued in two currencies (sold from a price list in EUR, the unpriced
// material at its cost in CZK): the POHODA preview names the slip and the button waits.
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiCall, czechMonth, plain, typeInto, useDemoServer } from './harness.ts';

const STEP_MS = 20_000;
const JOURNEY_MS = 90_000;

const server = useDemoServer({ name: 'exports', stepMs: STEP_MS });

describe('Accounting exports: preview, export, download, batches', () => {
  test('the accountant exports September to POHODA once, and ISDOC still sees it as new', async () => {
    const page = await server.newPage();
    await server.signIn(page, 'accountant@kontor.demo');
    await page.getByTestId('nav-exports').click();
    await page.getByTestId('page-exports').waitFor();
    await typeInto(page, 'exports-period', czechMonth('2026-09'));
    await page.getByTestId('exports-format').getByText('POHODA').click();
    // POHODA's own figures, not ISDOC's shown dimmed while they are read.
    await page.locator('[data-testid="exports-preview"]:not([data-stale])').waitFor();
    await expect.poll(() => page.getByTestId('exports-count-invoices').innerText()).toMatch(/^[1-9]/);
    expect(await page.getByTestId('exports-count-clients').innerText()).toMatch(/^[1-9]/);
    expect(await page.getByTestId('exports-count-exported').innerText()).toBe('0');
    // The month shows in words once typed; each listed document with its client and amount.
    expect(await page.getByTestId('exports-period').inputValue()).toBe('září 2026');
    await expect.poll(async () => plain(await page.getByTestId('exports-documents').innerText())).toMatch(/FV2026\d{5}\s+Faktura\s+Příklad C – Předplacené hodiny s\.r\.o\.\s+9 680,00 Kč/);
    // The demo's other September invoice is still a draft: not exported, but said so, with the way to it.
    expect(await page.getByTestId('exports-drafts').innerText()).toMatch(/Koncepty faktur.*: 1\./);
    expect(await page.getByTestId('exports-drafts').getByRole('link').getAttribute('href')).toBe('/invoices?status=draft&period=2026-09');
    await server.shot(page, 'preview');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('exports-run').click()]);
    expect(download.suggestedFilename()).toBe('pohoda-2026-09.xml');
    const text = iconv.decode(await readFile(await download.path()), 'win1250');
    expect(text.startsWith('<?xml version="1.0" encoding="Windows-1250"?>')).toBe(true);
    expect(text).toContain('<inv:invoiceType>issuedInvoice</inv:invoiceType>');
    await page.getByTestId('exports-done').waitFor();
    await expect.poll(() => page.locator('[data-testid^="exports-batch-"]').count()).toBe(1);
    expect(await page.getByTestId('exports-batches').innerText()).toContain('pohoda-2026-09.xml');
    await expect.poll(() => page.getByTestId('exports-count-invoices').innerText()).toBe('0');
    expect(await page.getByTestId('exports-nothing').innerText()).toMatch(/exportováno/);
    await server.shot(page, 'exported');

    // Each format keeps its own record: for ISDOC the invoice is still new.
    await page.getByTestId('exports-format').getByText('ISDOC').click();
    await expect.poll(() => page.getByTestId('exports-count-exported').innerText()).toBe('0');
    expect(await page.getByTestId('exports-count-invoices').innerText()).toMatch(/^[1-9]/);

    // Another window exports it to ISDOC meanwhile: this one is told in Czech, and its preview catches up.
    const other = await server.newPage();
    await server.signIn(other, 'accountant@kontor.demo');
    await other.goto('/exports');
    await typeInto(other, 'exports-period', czechMonth('2026-09'));
    await expect.poll(() => other.getByTestId('exports-run').isEnabled()).toBe(true);
    await Promise.all([other.waitForEvent('download'), other.getByTestId('exports-run').click()]);
    await other.getByTestId('exports-done').waitFor();
    await page.getByTestId('exports-run').click();
    await expect.poll(() => page.getByTestId('exports-error').innerText()).toMatch(/^Nic nového k exportu: všechny doklady tohoto období \(\d+\) už byly/);
    expect(await page.getByTestId('exports-error').innerText()).not.toMatch(/Nothing|export again/);
    await expect.poll(() => page.getByTestId('exports-count-invoices').innerText()).toBe('0');
    expect(await page.getByTestId('exports-run').isEnabled()).toBe(false);
    await server.shot(page, 'exported-meanwhile');

    // Ticking "export again" offers the exported invoice once more.
    await page.getByTestId('exports-format').getByText('POHODA').click();
    await expect.poll(() => page.getByTestId('exports-run').isEnabled()).toBe(false);
    await page.getByTestId('exports-again').check();
    await expect.poll(() => page.getByTestId('exports-run').isEnabled()).toBe(true);
    // It is a decision about one period in one format: another format starts unticked.
    await page.getByTestId('exports-format').getByText('UBL').click();
    expect(await page.getByTestId('exports-again').isChecked()).toBe(false);

    // No period: said at the field, and nothing to export.
    await page.getByTestId('exports-period').fill('');
    await expect.poll(() => page.getByText('Vyberte měsíc, nebo čtvrtletí a rok, nebo rok').isVisible()).toBe(true);
    expect(await page.getByTestId('exports-run').isEnabled()).toBe(false);

    // A month that is none ("13/2026") stays as typed and says so; the export does not run on the month held before.
    await typeInto(page, 'exports-period', czechMonth('2026-09'));
    await page.getByTestId('exports-period').fill('13/2026');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByText('Není to měsíc; pište např. 11/2026 nebo listopad 2026').isVisible()).toBe(true);
    expect(await page.getByTestId('exports-period').inputValue()).toBe('13/2026');
    expect(await page.getByTestId('exports-run').isEnabled()).toBe(false);

    // A period with nothing issued: said plainly, and nothing to export.
    await typeInto(page, 'exports-period', czechMonth('2025-01'));
    await expect.poll(() => page.getByTestId('exports-nothing').innerText()).toMatch(/nebylo nic vystaveno/);
    expect(await page.getByTestId('exports-run').isEnabled()).toBe(false);
    expect(await page.locator('[data-testid^="exports-batch-"]').count()).toBe(2);
    await server.shot(page, 'nothing');

    // A quarter: its number and its year; the batches list names their months in words.
    await page.getByTestId('exports-period-kind').click();
    await page.getByRole('option', { name: 'Čtvrtletí' }).click();
    await page.getByTestId('exports-period-quarter').click();
    await page.getByRole('option', { name: '3. čtvrtletí' }).click();
    await page.getByTestId('exports-period-year').fill('2026');
    await expect.poll(async () => plain(await page.getByTestId('exports-preview').innerText())).toMatch(/od 1\. 7\. 2026 do 30\. 9\. 2026; soubor \S+-2026-Q3\./);
    expect(plain(await page.getByTestId('exports-batches').innerText())).toContain('září 2026');
    await server.shot(page, 'quarter');
  }, JOURNEY_MS);

  test("an issued invoice's page lists the exports it went out in and gives it alone as a file", async () => {
    const page = await server.newPage();
    await server.signIn(page, 'accountant@kontor.demo');
    // Reached from the export preview's document list (the first journey exported September to POHODA and ISDOC).
    await page.goto('/exports');
    await typeInto(page, 'exports-period', czechMonth('2026-09'));
    await page.getByTestId('exports-again').check();
    await page.getByTestId('exports-documents').getByRole('link').first().click();
    const panel = page.getByTestId('invoice-exports');
    await panel.waitFor();
    await expect.poll(() => panel.getByTestId('invoice-exports-batches').innerText()).toMatch(/pohoda-2026-09\.xml/);
    expect(await panel.getByTestId('invoice-exports-batches').innerText()).toMatch(/ISDOC/);
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('invoice-export-isdoc').click()]);
    expect(download.suggestedFilename()).toMatch(/\.isdoc$/);
    const xml = await readFile(await download.path(), 'utf8');
    expect(xml).toContain('<Invoice xmlns="http://isdoc.cz/namespace/2013"');
    expect(await panel.getByTestId('invoice-export-refusal').count()).toBe(0);
    await server.shot(page, 'invoice-exports');
  }, JOURNEY_MS);

  test('a VAT rate POHODA has no name for is named in the preview, and the export button says why it waits', async () => {
    const admin = await server.newPage();
    await server.signIn(admin, 'admin@kontor.demo');
    const drafts = await apiCall<{ items: { id: number; version: number }[] }>(admin, 'GET', '/invoices?state=draft&period=2026-09');
    const draft = drafts.items[0]!;
    await apiCall(admin, 'POST', `/invoices/${draft.id}/lines`, { version: draft.version, description: 'Stará sazba', quantity: 1, unit: 'ks', unitPriceMinor: 100_00, vatRateBp: 1500 });
    const issued = await apiCall<{ number: string }>(admin, 'POST', `/invoices/${draft.id}/issue`, {});

    const page = await server.newPage();
    await server.signIn(page, 'accountant@kontor.demo');
    await page.goto('/exports');
    await typeInto(page, 'exports-period', czechMonth('2026-09'));
    await page.getByTestId('exports-format').getByText('POHODA').click();
    const alert = page.getByTestId('exports-vat-rates');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Sazby DPH, které POHODA nezná');
    expect(await alert.innerText()).toContain('(CZ)');
    expect((await page.getByTestId('exports-vat-rate').allInnerTexts()).map(plain)).toEqual([`${issued.number}: sazba DPH 15 %`]);
    expect(await alert.getByRole('link').getAttribute('href')).toBe(`/invoices/${draft.id}`);
    expect(await page.getByTestId('exports-run').isEnabled()).toBe(false);
    expect(await page.getByTestId('exports-run-blocked').innerText()).toMatch(/^Export by byl odmítnut: dokladů se sazbou DPH, kterou POHODA nezná: 1/);
    await server.shot(page, 'vat-rate-not-mapped');

    // ISDOC writes any rate: no warning, and the period exports.
    await page.getByTestId('exports-format').getByText('ISDOC').click();
    await expect.poll(() => page.getByTestId('exports-vat-rates').count()).toBe(0);
    await expect.poll(() => page.getByTestId('exports-run').isEnabled()).toBe(true);
    expect(await page.getByTestId('exports-run-blocked').count()).toBe(0);
  }, JOURNEY_MS);

  test('an issue slip in the POHODA preview is a link to its slip, with its client and amount', async () => {
    const page = await server.newPage();
    await server.signIn(page, 'accountant@kontor.demo');
    await page.goto('/exports');
    await typeInto(page, 'exports-period', czechMonth('2026-10'));
    await page.getByTestId('exports-format').getByText('POHODA').click();
    const slip = page.locator('[data-testid^="exports-document-slip-"]').first();
    await slip.waitFor();
    const row = plain(await slip.innerText());
    expect(row).toMatch(/^VY2026\d{5}\s+Výdejka\s+\S.*\s+\d[\d ]*,\d{2} Kč\s+/);
    const number = row.split(/\s/)[0]!;
    await slip.getByRole('link').click();
    await page.getByTestId('page-document').waitFor();
    expect(await page.getByTestId('page-document').getAttribute('data-number')).toBe(number);
    await server.shot(page, 'slip-from-export');
  }, JOURNEY_MS);

  test('an issue slip valued in two currencies is named in the POHODA preview, and the export button says why it waits', async () => {
    const admin = await server.newPage();
    await server.signIn(admin, 'admin@kontor.demo');
    type Created = { id: number; number: string };
    const ticket = (await apiCall<{ items: { id: number; client: { id: number } }[] }>(admin, 'GET', '/tickets?limit=1')).items[0]!;
    const priced = await apiCall<Created>(admin, 'POST', '/items', { code: 'E2E-KABEL-EUR', name: 'Kabel', unit: 'pcs', salePriceMinor: 10_00 });
    const unpriced = await apiCall<Created>(admin, 'POST', '/items', { code: 'E2E-SPONA-EUR', name: 'Spona', unit: 'pcs' });
    const store = await apiCall<Created>(admin, 'POST', '/warehouses', { code: 'E2E-EUR', name: 'Sklad EUR', kind: 'store' });
    await apiCall(admin, 'POST', '/stock-documents', { kind: 'receipt', date: '2026-11-02', warehouseId: store.id, lines: [{ itemId: priced.id, quantity: '5', unitPriceMinor: 4_00 }, { itemId: unpriced.id, quantity: '5', unitPriceMinor: 1_00 }], confirm: true });
    // The client buys from a price list in EUR that prices only one of the items; the stock costs stay in CZK.
    const eurList = await apiCall<Created>(admin, 'POST', '/price-lists', { name: 'Ceník EUR (e2e)', currency: 'EUR' });
    await apiCall(admin, 'POST', `/price-lists/${eurList.id}/versions`, { validFrom: '2026-01-01', terms: { itemPrices: [{ itemId: priced.id, priceMinor: 10_00 }] } });
    const own = await apiCall<{ priceListId: number | null }>(admin, 'GET', `/clients/${ticket.client.id}/price-list`);
    await apiCall(admin, 'PUT', `/clients/${ticket.client.id}/price-list`, { priceListId: eurList.id });
    const slip = await apiCall<Created>(admin, 'POST', '/stock-documents', {
      kind: 'issue', date: '2026-11-05', warehouseId: store.id, ticketId: ticket.id, lines: [{ itemId: priced.id, quantity: '1' }, { itemId: unpriced.id, quantity: '1' }], confirm: true,
    });
    await apiCall(admin, 'PUT', `/clients/${ticket.client.id}/price-list`, { priceListId: own.priceListId });

    const page = await server.newPage();
    await server.signIn(page, 'accountant@kontor.demo');
    await page.goto('/exports');
    await typeInto(page, 'exports-period', czechMonth('2026-11'));
    await page.getByTestId('exports-format').getByText('POHODA').click();
    const alert = page.getByTestId('exports-slip-currencies');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Výdejky, které POHODA nepřijme');
    expect((await page.getByTestId('exports-slip-currency').allInnerTexts()).map(plain)).toEqual([`${slip.number}: materiál oceněný v EUR a CZK`]);
    expect(await alert.getByRole('link').getAttribute('href')).toBe(`/warehouse/documents/${slip.id}`);
    expect(await page.getByTestId('exports-run').isEnabled()).toBe(false);
    expect(await page.getByTestId('exports-run-blocked-slips').innerText()).toMatch(/^Export by byl odmítnut: výdejek oceněných ve dvou měnách: 1/);
    await server.shot(page, 'slip-currencies-mixed');

    // ISDOC carries no slips: no warning.
    await page.getByTestId('exports-format').getByText('ISDOC').click();
    await expect.poll(() => page.getByTestId('exports-slip-currencies').count()).toBe(0);
    expect(await page.getByTestId('exports-run-blocked-slips').count()).toBe(0);
  }, JOURNEY_MS);
});
