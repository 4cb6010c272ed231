// Monthly billing in a real browser against a real server seeded like `kontor demo`
// (the demo data holds BILLING.md examples A, B and C for October 2026: a client
// without a contract, a flat-fee contract and a prepaid-hours contract whose
// September is issued).
//
//   npm run build:web && npx vitest run test/e2e/billing.e2e.test.ts
//   (or KONTOR_WEB_DIR=<a private build> when others rebuild dist/web)
//
// The manager runs October 2026, sees the drafts of A, B and C with totals
// 12 023,77 Kč, 7 792,40 Kč and 12 100,00 Kč (net + VAT exactly as BILLING.md §5: the demo
// supplier does not round totals), opens a work report (and its CSV), reads why
// example A's evening work is 2 625,00 Kč (the row's and the line's ⓘ),
// reads C's prepaid ledger under its work report in hours, issues all drafts, sees the
// ledger of the prepaid contract on its contract page (table and chart in hours)
// and the profitability of the flat-fee contract (margin 3 640,00 Kč, 56,5 %), then
// runs October again: nothing of A, B or C is billed twice. The accountant records a
// payment on B's invoice and reverses it as mistyped: it stays listed, struck through
// with the reason, and everything is due again. A tiered contract's record whose
// overage spans both bands is in the ⓘ of each band's line, with what it adds there; a manual
// line added to its draft starts at the standard VAT rate. Last, the accountant credits 200,00 Kč
// of example A's travel (36 km × 12,00): the credit note corrects the line's amount (-1, no km)
// and its page, preview and PDF all say -242,00 Kč to be refunded. The invoice list heads its
// amount column "K úhradě / k vrácení" over both; on a phone (390×844) the credit note's card
// says "K vrácení" under its total, and the invoice's and credit note's lines, the run's drafts,
// the month's runs, the earlier drafts and the profitability keep their amounts on screen.
// B's invoice, paid in full and then credited 263,13 Kč, owes that back: its list row, phone
// card and page say "Přeplaceno · k vrácení 263,13 Kč" beside "Uhrazená".
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Db } from '../../src/platform/db/index.ts';
import { apiCall, czechMonth, expectOnScreen, plain, runBilling, typeInto, useDemoServer } from './harness.ts';
import { hasPoppler, pdfText } from '../pdf.ts';

const STEP_MS = 20_000;
const JOURNEY_MS = 120_000;
const PERIOD = '2026-10';
/** Net + VAT of each example's draft (BILLING.md §5), shown unrounded: the demo supplier does not round totals. */
const TOTALS = { A: 12_023_77, B: 7_792_40, C: 12_100_00 } as const;
const PHONE_WIDTH = 390;
const PHONE = { viewport: { width: PHONE_WIDTH, height: 844 }, isMobile: true, hasTouch: true };
const scrollWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;
const czk = (minor: number) => `${String(Math.floor(minor / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(minor % 100).padStart(2, '0')} Kč`;

let db: Db | undefined;
const server = useDemoServer({
  name: 'billing',
  stepMs: STEP_MS,
  // The demo's example clients have billing e-mails (fakturace@priklad-b.cz for B): the send dialog offers them.
  seed: async (_services, database) => {
    db = database;
  },
});

/** The demo's contracts of examples B (flat fee, no prepaid minutes) and C (prepaid minutes), found by their terms. */
async function exampleContracts(): Promise<{ flat: number; prepaid: number }> {
  if (!db) throw new Error('the demo database is not open');
  const rows = await db.selectFrom('contracts').select(['id', 'fee_minor', 'prepaid_minutes']).execute();
  const flat = rows.find((r) => Number(r.fee_minor) === 5_000_00 && r.prepaid_minutes === 0);
  const prepaid = rows.find((r) => Number(r.fee_minor) === 8_000_00 && r.prepaid_minutes === 600);
  if (!flat || !prepaid) throw new Error(`the demo data has no contracts of examples B and C (found ${JSON.stringify(rows)})`);
  return { flat: flat.id, prepaid: prepaid.id };
}

/** Each draft row of the run result: its client and total as shown. */
async function draftRows(page: Page): Promise<{ client: string; gross: number; total: string; testId: string }[]> {
  const rows = page.locator('[data-testid^="run-draft-"]');
  const out = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push({
      client: (await row.getAttribute('data-client')) ?? '',
      gross: Number(await row.getAttribute('data-gross')),
      total: plain(await row.getByTestId('draft-total').innerText()),
      testId: (await row.getAttribute('data-testid')) ?? '',
    });
  }
  return out;
}

/** The document preview is as tall as the document it shows (scaled to its column): no white gap below it. */
async function expectPreviewFits(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(`(() => {
    const box = document.querySelector('[data-testid="invoice-preview-box"]');
    const body = box?.querySelector('iframe')?.contentDocument?.body;
    if (!box || !body || body.childElementCount === 0) return null;
    const documentHeight = body.getBoundingClientRect().height * Number(box.getAttribute('data-scale'));
    return Math.round(box.getBoundingClientRect().height - documentHeight);
  })()`), { timeout: STEP_MS }).toBeLessThanOrEqual(4);
}

describe('Billing: run, review, issue, ledger, profitability, re-run', () => {
  const exampleClients = new Map<keyof typeof TOTALS, string>();

  test('the manager runs October 2026 and sees the drafts of examples A, B and C', async () => {
    const page = await server.newPage();
    await server.signIn(page, 'manager@kontor.demo');
    await runBilling(page, PERIOD);
    const drafts = await draftRows(page);
    for (const [example, gross] of Object.entries(TOTALS) as [keyof typeof TOTALS, number][]) {
      const draft = drafts.find((d) => d.gross === gross);
      expect(draft, `example ${example}: a draft of ${czk(gross)} among ${JSON.stringify(drafts)}`).toBeDefined();
      expect(draft!.total).toBe(czk(gross));
      exampleClients.set(example, draft!.client);
    }
    await server.shot(page, 'run-result');

    // The work report of example B: the covered remote and on-site work, the billed development and travel.
    // A draft of the run's list, opened by its total.
    const openDraft = async (gross: number) => {
      await page.getByTestId(drafts.find((d) => d.gross === gross)!.testId).getByRole('link').click();
      await page.getByTestId('page-invoice').waitFor();
    };
    // A draft leads back to its run.
    const backToRun = async () => {
      expect(plain(await page.getByTestId('invoice-run-link').innerText())).toBe('Fakturační běh – říjen 2026');
      await page.getByTestId('invoice-run-link').click();
      await page.getByTestId('page-billing-run').waitFor();
    };
    await openDraft(TOTALS.B);
    // A work report row's ⓘ, opened: its explanation as one line of text.
    const why = page.locator('[data-testid^="wr-why-"][data-testid$="-text"]');
    const openWhy = async (row: ReturnType<typeof page.locator>) => {
      await row.locator('[data-testid^="wr-why-"]').click();
      await why.waitFor();
      return plain(await why.innerText());
    };
    expect(plain(await page.getByTestId('invoice-totals').innerText())).toContain('Bez DPH: 6 440,00 Kč');
    expect(plain(await page.getByTestId('invoice-totals').innerText())).toContain('DPH: 1 352,40 Kč');
    expect(plain(await page.getByTestId('invoice-total').innerText())).toBe(`Celkem: ${czk(TOTALS.B)}`);
    expect(plain(await page.getByTestId('invoice-totals').innerText())).not.toContain('Zaokrouhlení');
    // The draft as a document before it is issued: its preview, marked as a draft, the month in words, no gap below it.
    const preview = page.frameLocator('[data-testid="invoice-preview"] iframe');
    await expect.poll(async () => plain(await preview.locator('body').innerText()), { timeout: STEP_MS }).toContain('KONCEPT – není daňovým dokladem');
    expect(plain(await preview.locator('body').innerText())).toMatch(/Období\s+říjen 2026/);
    expect(plain(await preview.locator('body').innerText())).not.toContain('2026-10');
    await expectPreviewFits(page);
    // Its fee line names the month in words (written so by this run), as its kind's caption does.
    const lines = plain(await page.getByTestId('invoice-lines').innerText());
    expect(lines).toContain('Paušál říjen 2026 – ');
    expect(lines).not.toContain('2026-10');
    await page.getByTestId('work-report-table').waitFor();
    const report = plain(await page.getByTestId('work-report-table').innerText());
    expect(report).toMatch(/pokryto/i);
    // Nothing on a draft is invoiced yet: what it bills is "to be billed", in the rows and in the totals.
    expect(report).toMatch(/k fakturaci/i);
    expect(report).not.toMatch(/fakturováno/i);
    expect(plain(await page.getByTestId('work-report-totals').innerText())).toMatch(/, k fakturaci 1 440,00 Kč$/);
    // Nothing of the report is cut or broken in its narrow columns: the outcome badges are whole
    // (not "FAKTUROVÁ…") and a ticket number stays on one line.
    const cut = await page.evaluate(`[...document.querySelectorAll('[data-testid^="wr-outcome-"] .mantine-Badge-label')]
      .filter((l) => l.scrollWidth > l.clientWidth).map((l) => l.textContent)`);
    expect(cut).toEqual([]);
    const ticketLines = await page.evaluate(`[...document.querySelectorAll('[data-testid^="wr-ticket-"]')].map((el) => {
      const range = document.createRange(); range.selectNodeContents(el); return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size; })`) as number[];
    expect(ticketLines.length).toBeGreaterThan(0);
    expect(ticketLines.every((n) => n === 1), String(ticketLines)).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('work-report-csv').click()]);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split(/\r?\n/).length).toBeGreaterThan(4);
    await server.shot(page, 'draft-b-work-report');

    // Example A's draft: why the evening on-site work (12 Oct 18:30, 100 min) is 2 625,00 Kč — its work report row's ⓘ
    // opens the record's explanation as on the ticket (out-of-hours +50 %, 105 billable minutes); its invoice line's ⓘ the same.
    await backToRun();
    await openDraft(TOTALS.A);
    // The call-out fee and the SSD count in the units their lines show.
    await page.getByTestId('work-report-table').waitFor();
    const quantities = await page.locator('[data-testid^="wr-quantity-"]').allInnerTexts();
    expect(quantities.map(plain)).toEqual(expect.arrayContaining(['36 km', '1 výjezd', '2 ks']));
    expect(quantities.map(plain)).not.toContain('1');
    const evening = page.getByTestId('work-report-table').locator('tr', { hasText: '18:30' });
    const whyText = await openWhy(evening);
    expect(whyText).toContain('Mimo pracovní dobu');
    expect(whyText).toContain('příplatek 50 %');
    expect(whyText).toContain('105 min × 1 000,00/h × 150 % = 2 625,00');
    await server.shot(page, 'draft-a-why');
    await evening.locator('[data-testid^="wr-why-"]').click(); // the ⓘ closes what it opened
    await why.waitFor({ state: 'hidden' });
    await page.getByTestId('invoice-lines').locator('tr', { hasText: '2 625,00' }).locator('[data-testid^="line-why-"]').click();
    const lineWhy = page.locator('[data-testid^="line-why-"][data-testid$="-text"]');
    await lineWhy.waitFor();
    expect(plain(await lineWhy.innerText())).toContain('105 min × 1 000,00/h × 150 % = 2 625,00');

    // Example C's work report: the prepaid ledger under it in hours, as the totals above it (not "převod 180 + přiděleno 600").
    await backToRun();
    await openDraft(TOTALS.C);
    await expect.poll(async () => plain(await page.getByTestId('work-report-ledger').innerText()), { timeout: STEP_MS })
      .toBe('Předplacené hodiny – říjen 2026: převod 3 h + přiděleno 10 h = čerpáno 13 h + převedeno 0 min + propadlo 0 min');
    await server.shot(page, 'draft-c-ledger');
    // Its 27 Oct row, 60 min covered and 120 min over the prepaid hours: the ⓘ tells the 2 000,00 the row carries, then the price list's price of the whole record.
    const split = page.getByTestId('work-report-table').locator('tr', { hasText: '2 000,00' });
    const splitText = await openWhy(split);
    expect(splitText).toContain('Částečně pokryto smlouvou: z předplacených hodin čerpáno 1 h.');
    expect(splitText).toContain('Nad rámec předplacených hodin: 2 h × 1 000,00/h (sazba záznamu podle ceníku) = 2 000,00');
    expect(splitText.indexOf('Nad rámec')).toBeLessThan(splitText.indexOf('Cena celého záznamu podle ceníku, bez smlouvy:'));
    await server.shot(page, 'draft-c-overage-why');

    // Back to the run: issue all drafts, with a confirmation and a progress bar.
    await backToRun();
    await page.getByTestId('issue-all-button').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('issue-report').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('issue-report').innerText()).toMatch(/Vystaveno: [1-9]/);
    await server.shot(page, 'issued');

    // Reloaded, the run shows the documents as they are now: A, B and C issued with their numbers, and "Issue all" counts only drafts left.
    await page.reload();
    await page.getByTestId('page-billing-run').waitFor();
    await page.locator('[data-testid^="run-draft-"]').first().waitFor();
    const rows = page.locator('[data-testid^="run-draft-"]');
    const shown = await rows.evaluateAll((els) => els.map((e) => ({ client: e.getAttribute('data-client'), status: e.querySelector('[data-testid="invoice-status"]')?.getAttribute('data-status') ?? null, number: e.querySelector('[data-testid="draft-number"]')?.textContent ?? null })));
    for (const client of exampleClients.values()) {
      expect(shown.find((r) => r.client === client), `${client} in ${JSON.stringify(shown)}`).toMatchObject({ status: 'issued', number: expect.stringMatching(/^FV2026\d{5}$/) });
    }
    const draftsLeft = shown.filter((r) => r.status === 'draft').length;
    expect(plain(await page.getByTestId('issue-all-button').innerText())).toContain(`(${draftsLeft})`);
    await server.shot(page, 'run-reloaded');
  }, JOURNEY_MS);

  test("an issued invoice offers its PDF (with or without the work report) and is sent by e-mail to the client's address", async () => {
    if (!db) throw new Error('the demo database is not open');
    const invoice = await db.selectFrom('invoices').innerJoin('clients', 'clients.id', 'invoices.client_id').select(['invoices.id', 'invoices.number'])
      .where('clients.name', '=', 'Příklad B – Paušál s.r.o.').where('invoices.state', '=', 'issued').executeTakeFirstOrThrow();
    const page = await server.newPage();
    await server.signIn(page, 'manager@kontor.demo');
    await page.goto(`/invoices/${invoice.id}`);
    await page.getByTestId('page-invoice').waitFor();
    await expectPreviewFits(page);
    expect(plain(await page.frameLocator('[data-testid="invoice-preview"] iframe').locator('body').innerText())).toContain('Česká republika');

    await page.getByTestId('invoice-pdf').click();
    const plainHref = await page.getByTestId('invoice-pdf-plain').getAttribute('href');
    const withReportHref = await page.getByTestId('invoice-pdf-work-report').getAttribute('href');
    expect(plainHref).toMatch(new RegExp(`/api/v1/invoices/${invoice.id}/pdf$`));
    expect(withReportHref).toMatch(new RegExp(`/api/v1/invoices/${invoice.id}/pdf\\?workReport=true$`));
    const [plainPdf, withReport] = await Promise.all([page.request.get(plainHref!), page.request.get(withReportHref!)]);
    expect([plainPdf.status(), withReport.status(), plainPdf.headers()['content-type'], withReport.headers()['content-type']]).toEqual([200, 200, 'application/pdf', 'application/pdf']);
    expect((await withReport.body()).length).toBeGreaterThan((await plainPdf.body()).length); // the annex adds pages
    await page.keyboard.press('Escape');

    await page.getByTestId('invoice-send').click();
    const modal = page.getByTestId('send-modal');
    await modal.waitFor();
    await expect.poll(() => page.getByTestId('send-to').inputValue()).toBe('fakturace@priklad-b.cz');
    // Nothing paid yet: the mail asks for the whole total, and the dialog says so.
    expect(plain(await page.getByTestId('send-amount').innerText())).toBe(`E-mail požádá o úhradu ${czk(TOTALS.B)}.`);
    // An address the server refuses: its message is shown and nothing is sent.
    await page.getByTestId('send-to').fill('jan..novak@priklad-b.cz');
    await page.getByTestId('send-confirm').click();
    await page.getByTestId('send-error').waitFor();
    expect((await db.selectFrom('invoices').select('state').where('id', '=', invoice.id).executeTakeFirstOrThrow()).state).toBe('issued');
    await page.getByTestId('send-to').fill('fakturace@priklad-b.cz');
    await page.getByTestId('send-confirm').click();
    await page.getByText(`Doklad ${invoice.number} je ve frontě k odeslání na fakturace@priklad-b.cz`).waitFor();
    await modal.waitFor({ state: 'hidden' });
    expect((await db.selectFrom('invoices').select('state').where('id', '=', invoice.id).executeTakeFirstOrThrow()).state).toBe('sent');
    await server.shot(page, 'invoice-sent');
  }, JOURNEY_MS);

  test('the accountant records a payment of 5 000,50 Kč, reverses it as mistyped, and the invoice owes everything again', async () => {
    if (!db) throw new Error('the demo database is not open');
    const invoice = await db.selectFrom('invoices').innerJoin('clients', 'clients.id', 'invoices.client_id').select(['invoices.id', 'invoices.state'])
      .where('clients.name', '=', 'Příklad B – Paušál s.r.o.').where('invoices.state', 'in', ['issued', 'sent']).executeTakeFirstOrThrow();
    const page = await server.newPage();
    await server.signIn(page, 'accountant@kontor.demo');
    await page.goto(`/invoices/${invoice.id}`);
    await page.getByTestId('page-invoice').waitFor();
    const due = async () => plain(await page.getByTestId('invoice-due').innerText());
    expect(await due()).toBe(`K úhradě: ${czk(TOTALS.B)}`);

    await page.getByTestId('invoice-pay').click();
    await page.getByTestId('payment-modal').waitFor();
    // More than is due is asked about (a client who paid twice), and the button says what it records.
    await page.getByTestId('payment-amount').fill(String((TOTALS.B + 100_00) / 100).replace('.', ','));
    await expect.poll(async () => plain(await page.getByTestId('payment-overpay').innerText())).toContain(`Platba převyšuje částku k úhradě (${czk(TOTALS.B)}) o 100,00 Kč. Zaznamenat přeplatek?`);
    expect(plain(await page.getByTestId('payment-save').innerText())).toBe('Zaznamenat přeplatek');
    // Enter in the amount does not record the excess: it asks for the tick "the client paid more" first.
    await page.getByTestId('payment-amount').press('Enter');
    await page.getByText('Zaškrtněte, že klient opravdu zaplatil víc, nebo opravte částku.').waitFor();
    expect(await page.evaluate<string | null>('document.activeElement?.getAttribute("data-testid") ?? null')).toBe('payment-overpay-confirm');
    expect(await page.getByTestId('payment-modal').isVisible()).toBe(true);
    await server.shot(page, 'payment-overpay');
    // Money is never cut or erased: a third decimal and letters stay as typed, the field says why, and nothing is recorded.
    const amountField = page.getByTestId('payment-amount');
    await amountField.fill('5000,505');
    await page.getByTestId('payment-save').click();
    await page.getByText('Nejvýše 2 desetinná místa; nic se nezaokrouhluje').waitFor();
    expect(await amountField.inputValue()).toBe('5000,505');
    await amountField.fill('abc');
    await amountField.blur();
    await page.getByText('Není to číslo; pište např. 1 250,50').waitFor();
    expect(await amountField.inputValue()).toBe('abc');
    await page.getByTestId('payment-save').click();
    expect(await page.getByTestId('payment-modal').isVisible()).toBe(true);
    await page.getByTestId('payment-amount').fill('5000,50');
    expect(await page.getByTestId('payment-overpay').count()).toBe(0);
    await page.getByTestId('payment-note').fill('Výpis 11/2026');
    await page.getByTestId('payment-save').click();
    await page.getByTestId('payment-modal').waitFor({ state: 'hidden' });
    const payments = page.getByTestId('invoice-payments');
    const payment = payments.locator('tr[data-reversed="false"]');
    await payment.waitFor();
    // The payment's row has its note in a column of its own.
    expect(plain(await payment.getByTestId('payment-amount-cell').innerText())).toBe('5 000,50 Kč');
    expect(plain(await payment.getByTestId('payment-note-cell').innerText())).toBe('Výpis 11/2026');
    await expect.poll(due, { timeout: STEP_MS }).toBe(`K úhradě: ${czk(TOTALS.B - 5_000_50)}`);
    await server.shot(page, 'payment-recorded');

    // Mistyped: reversed with a reason (required), never deleted.
    await payment.getByTestId('payment-reverse').click();
    const modal = page.getByTestId('reverse-modal');
    await modal.waitFor();
    expect(plain(await modal.getByTestId('reverse-summary').innerText())).toContain('5 000,50 Kč · Výpis 11/2026');
    await modal.getByTestId('reverse-confirm').click();
    await modal.getByText('Důvod je povinný').waitFor();
    await modal.getByTestId('reverse-reason').fill('Překlep v částce, správně 5 000,00');
    await server.shot(page, 'payment-reverse-dialog');
    await modal.getByTestId('reverse-confirm').click();
    await modal.waitFor({ state: 'hidden' });
    const reversed = payments.locator('tr[data-reversed="true"]');
    await reversed.waitFor();
    // Still listed, struck through, with when, by whom and why; it cannot be reversed again.
    expect(plain(await reversed.getByTestId('payment-amount-cell').innerText())).toBe('5 000,50 Kč');
    const decoration = (el: unknown) => (globalThis as unknown as { getComputedStyle(e: unknown): { textDecorationLine: string } }).getComputedStyle(el).textDecorationLine;
    expect(await reversed.getByTestId('payment-amount-cell').evaluate(decoration)).toBe('line-through');
    expect(plain(await payments.getByTestId('payment-reversal').innerText())).toMatch(/^Stornováno \d{1,2}\. ?\d{1,2}\. ?\d{4}, Ivana Účetní: Překlep v částce, správně 5 000,00$/);
    expect(await reversed.getByTestId('payment-reverse').count()).toBe(0);
    expect(await payments.locator('tr[data-reversed]').count()).toBe(1);
    await expect.poll(due, { timeout: STEP_MS }).toBe(`K úhradě: ${czk(TOTALS.B)}`);
    expect(await page.getByTestId('page-invoice').getAttribute('data-state')).toBe(invoice.state);
    const rows = await db.selectFrom('invoice_payments').select(['amount_minor', 'reverses_payment_id']).where('invoice_id', '=', invoice.id).orderBy('id').execute();
    expect(rows.map((r) => [Number(r.amount_minor), r.reverses_payment_id !== null])).toEqual([[5_000_50, false], [-5_000_50, true]]);
    expect(Number((await db.selectFrom('invoices').select('paid_minor').where('id', '=', invoice.id).executeTakeFirstOrThrow()).paid_minor)).toBe(0);
    await server.shot(page, 'payment-reversed');
  }, JOURNEY_MS);

  test('the prepaid contract shows its October ledger and the flat-fee contract its profitability', async () => {
    const { flat, prepaid } = await exampleContracts();
    const page = await server.newPage();
    await server.signIn(page, 'manager@kontor.demo');

    // Example C's ledger: opening 180 + allocated 600 = consumed 780 (+ 0 carried out + 0 lapsed), final once issued.
    await page.goto(`/contracts/${prepaid}`);
    const october = page.getByTestId(`contract-ledger-${PERIOD}`);
    await october.waitFor();
    const ledger = plain(await october.innerText());
    expect(ledger).toMatch(/3 h/);
    expect(ledger).toMatch(/10 h/);
    expect(ledger).toMatch(/13 h/);
    // Months in words: the ledger's period, the chart's axis, the current period's heading.
    expect(ledger).toMatch(/^říjen 2026\s/);
    expect(plain(await page.getByTestId('contract-consumption').innerText())).toMatch(/Období listopad 2026 \(1\. 11\. 2026 – 30\. 11\. 2026\)/);
    // The chart beside it speaks in hours too: axis ticks on whole hours, the tooltip as the table ("Vyčerpáno: 7 h", not 420).
    const chart = page.getByTestId('contract-chart');
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    const ticks = (await chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()).map(plain);
    // October's 13 h (3 h carried in + 10 h) is the highest: ticks every 3 h up to 15 h.
    expect(ticks).toEqual(['0 h', '3 h', '6 h', '9 h', '12 h', '15 h']);
    expect((await chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()).map(plain)).toEqual(expect.arrayContaining(['září 2026', 'říjen 2026']));
    await chart.locator('.recharts-bar-rectangle').first().hover();
    await expect.poll(async () => plain(await chart.locator('.recharts-tooltip-wrapper').innerText()), { timeout: STEP_MS }).toContain('Vyčerpáno: 7 h');
    expect(plain(await chart.locator('.recharts-tooltip-wrapper').innerText())).toContain('Nárok: 10 h');
    await server.shot(page, 'prepaid-ledger');

    // Example B: revenue 6 440,00, cost 2 800,00, margin 3 640,00 Kč (56,5 %).
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('page-profitability').waitFor();
    await typeInto(page, 'profit-from', czechMonth(PERIOD));
    await typeInto(page, 'profit-to', czechMonth(PERIOD));
    const row = page.getByTestId(`profit-row-${flat}`);
    await row.waitFor();
    expect(plain(await row.getByTestId('profit-revenue').innerText())).toBe('6 440,00 Kč');
    expect(plain(await row.getByTestId('profit-cost').innerText())).toBe('2 800,00 Kč');
    expect(plain(await row.getByTestId('profit-margin').innerText())).toBe('3 640,00 Kč');
    expect(plain(await row.getByTestId('profit-margin-pct').innerText())).toBe('56,5 %');
    await page.getByTestId('profit-chart').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('profit-export-csv').click()]);
    expect(await readFile(await download.path(), 'utf8')).toContain('3640,00');
    await server.shot(page, 'profitability');
    // Per technician the fee has no one to belong to: the page says where it is and why covered work is cost only.
    expect(await page.getByTestId('profit-fee-note').count()).toBe(0);
    await page.getByTestId('profit-group-by').getByText('Technik', { exact: true }).click();
    await expect.poll(async () => plain(await page.getByTestId('profit-fee-note').innerText()), { timeout: STEP_MS }).toContain('v řádku „Bez technika (paušály, ruční řádky)“');
  }, JOURNEY_MS);

  test('a re-run of October bills nothing of A, B or C twice', async () => {
    expect(exampleClients.size).toBe(3);
    const page = await server.newPage();
    await server.signIn(page, 'manager@kontor.demo');
    await runBilling(page, PERIOD);
    const drafts = await draftRows(page);
    for (const [example, client] of exampleClients) {
      expect(drafts.filter((d) => d.client === client), `example ${example} (${client}) drafted again`).toEqual([]);
    }
    await server.shot(page, 'rerun');

    // The run before links to it and offers no "Issue all (0)": nothing is left to issue there (A, B and C were issued from it).
    if (!db) throw new Error('the demo database is not open');
    const runs = (await db.selectFrom('billing_runs').select('id').where('period', '=', PERIOD).where('state', '=', 'completed').orderBy('id').execute()).map((r) => Number(r.id));
    const [replaced, newest] = runs.slice(-2);
    await page.goto(`/billing/runs/${replaced}`);
    await page.getByTestId('run-replaced-by').waitFor();
    expect(await page.getByTestId('run-replaced-by-link').getAttribute('href')).toBe(`/billing/runs/${newest}`);
    expect(await page.getByTestId('issue-all-button').count()).toBe(0);
    await server.shot(page, 'replaced-run');
  }, JOURNEY_MS);

  test("a tiered contract's record over both bands is in the ⓘ of each band's line, with its part there", async () => {
    if (!db) throw new Error('the demo database is not open');
    const page = await server.newPage();
    await server.signIn(page, 'manager@kontor.demo');
    // An hour prepaid a month, then 1 000,00/h for the first hour over it and 1 200,00/h beyond: on Monday 5 October,
    // 60 min covered, "across" 90 min (60 in band 1, 30 in band 2), "beyond" 90 min (all in band 2).
    const workTypes = await apiCall<{ items: { id: number; code: string }[] }>(page, 'GET', '/work-types');
    const remote = workTypes.items.find((w) => w.code === 'remote_support')!.id;
    const technicianId = (await db.selectFrom('users').select('id').where('email', '=', 'technician@kontor.demo').executeTakeFirstOrThrow()).id;
    const client = await apiCall<{ id: number }>(page, 'POST', '/clients', {
      name: 'Pásma s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14, registeredAddress: { street: 'Nádražní 5', city: 'Brno', postalCode: '602 00', country: 'CZ' },
    });
    const contract = await apiCall<{ id: number }>(page, 'POST', '/contracts', {
      clientId: client.id, number: 'PASMA-1', name: 'Předplacená hodina', currency: 'CZK', validFrom: '2026-10-01', validTo: null, periodKind: 'month', priceListId: null,
      fee: { amountMinor: 1_000_00, vatRateBp: 2100, timing: 'in_arrears', prorate: true }, scope: { workTypeIds: [remote], coversTravel: false, unitFeeIds: [] },
      prepaidMinutes: 60, carryOver: { enabled: false }, multipliers: { byWorkType: {}, byTimeClass: {} },
      overage: { kind: 'tiered', bands: [{ minutes: 60, ratePerHourMinor: 1_000_00 }, { minutes: null, ratePerHourMinor: 1_200_00 }] },
      ownInvoice: false, alertClient: false, slaPolicyId: null, note: '', active: true,
    });
    const ticket = await apiCall<{ id: number }>(page, 'POST', '/tickets', { clientId: client.id, subject: 'Správa' });
    await apiCall(page, 'PATCH', `/tickets/${ticket.id}/contract`, { contractId: contract.id });
    const ids: number[] = [];
    for (const [startTime, minutes] of [['08:00', 60], ['10:00', 90], ['13:00', 90]] as const) {
      const record = await apiCall<{ id: number }>(page, 'POST', `/tickets/${ticket.id}/records`, {
        kind: 'work', technicianId, date: '2026-10-05', startTime, minutes, workTypeId: remote, description: 'Správa',
      });
      await apiCall(page, 'POST', `/records/${record.id}/submit`);
      ids.push(record.id);
    }
    await apiCall(page, 'POST', '/records/approve', { ids });

    await runBilling(page, PERIOD);
    await page.locator('[data-testid^="run-draft-"][data-client="Pásma s.r.o."]').getByRole('link').click();
    await page.getByTestId('page-invoice').waitFor();
    await page.getByTestId('work-report-table').waitFor();
    const lineWhy = async (band: string, shot?: string) => {
      const button = page.getByTestId('invoice-lines').locator('tr', { hasText: band }).locator('[data-testid^="line-why-"]');
      await button.click();
      const popover = page.locator('[data-testid^="line-why-"][data-testid$="-text"]');
      await popover.waitFor();
      const text = plain(await popover.innerText());
      if (shot) await server.shot(page, shot);
      await button.click(); // the ⓘ closes what it opened
      await popover.waitFor({ state: 'hidden' });
      return text;
    };
    // Band 1 (1 000,00): "across" with its first hour; band 2 (2 400,00): its last 30 min (600,00) and the whole of "beyond".
    const band1 = await lineWhy('pásmo 1');
    expect(band1).toMatch(/^5\. ?10\. ?2026 · T\S+ · 1 000,00 Kč\n/);
    expect(band1).toContain('Na tomto řádku je část záznamu: 1 h nad rámec předplacených hodin za 1 000,00 Kč (celý záznam 1 600,00 Kč, zbytek je na jiném řádku).');
    const band2 = await lineWhy('pásmo 2', 'tiered-band-2-why');
    expect(band2).toContain('Na tomto řádku je část záznamu: 30 min nad rámec předplacených hodin za 600,00 Kč (celý záznam 1 600,00 Kč, zbytek je na jiném řádku).');
    expect(band2).toMatch(/ · 600,00 Kč[\s\S]* · 1 800,00 Kč/);
    expect(band2).toContain('Nad rámec předplacených hodin: 1 h 30 min × 1 200,00/h (sazba smlouvy pro přečerpání, pásmo 2) = 1 800,00');
  }, JOURNEY_MS);

  test("a manual line added to a draft starts at the standard VAT rate of the draft's date, and may be changed", async () => {
    if (!db) throw new Error('the demo database is not open');
    const draft = await db.selectFrom('invoices').innerJoin('clients', 'clients.id', 'invoices.client_id').select('invoices.id')
      .where('clients.name', '=', 'Pásma s.r.o.').where('invoices.state', '=', 'draft').where('invoices.visible', '=', 1).executeTakeFirstOrThrow();
    const page = await server.newPage();
    await server.signIn(page, 'manager@kontor.demo');
    await page.goto(`/invoices/${draft.id}`);
    await page.getByTestId('page-invoice').waitFor();
    const addLine = async (description: string, vat?: string) => {
      await page.getByTestId('draft-add-line').click();
      const modal = page.getByTestId('manual-line-modal');
      await modal.waitFor();
      // The Czech standard rate on 31 October 2026, ready in the field.
      expect(await page.getByTestId('manual-vat').inputValue()).toBe('21');
      await page.getByTestId('manual-description').fill(description);
      await page.getByTestId('manual-price').fill('1000');
      if (vat !== undefined) await page.getByTestId('manual-vat').fill(vat);
      if (vat === undefined) await server.shot(page, 'manual-line-vat-default');
      await page.getByTestId('manual-save').click();
      await modal.waitFor({ state: 'hidden' });
      const row = page.getByTestId('invoice-lines').locator('tr', { hasText: description });
      await row.waitFor();
      return plain(await row.innerText());
    };
    expect(await addLine('Licence monitoringu')).toMatch(/1 ks\s+1 000,00 Kč\s+21 %\s+1 000,00 Kč/);
    expect(await addLine('Kniha o zálohování', '12')).toMatch(/12 %/);
  }, JOURNEY_MS);

  test("the accountant credits 200,00 Kč of example A's travel: the credit note corrects the line's amount and is -242,00 Kč to be refunded, as its PDF says", async () => {
    if (!db) throw new Error('the demo database is not open');
    const invoice = await db.selectFrom('invoices').innerJoin('clients', 'clients.id', 'invoices.client_id').select(['invoices.id', 'invoices.number'])
      .where('clients.name', '=', 'Příklad A – Zákazník bez smlouvy s.r.o.').where('invoices.kind', '=', 'invoice').where('invoices.state', '=', 'issued').executeTakeFirstOrThrow();
    const travel = await db.selectFrom('invoice_lines').select(['id', 'position']).where('invoice_id', '=', invoice.id).where('kind', '=', 'travel').executeTakeFirstOrThrow();
    const page = await server.newPage();
    await server.signIn(page, 'accountant@kontor.demo');
    await page.goto(`/invoices/${invoice.id}`);
    await page.getByTestId('page-invoice').waitFor();
    await page.getByTestId('invoice-credit').click();
    const modal = page.getByTestId('credit-modal');
    await modal.waitFor();
    await modal.getByText('Po řádcích').click();
    // Each refusal of a quantity names its own reason, what was typed stays, and no total is shown from refused lines.
    const travelField = page.getByTestId(`credit-line-${travel.id}`);
    await travelField.fill('-5');
    await travelField.blur();
    await modal.getByText('Zadejte kladné číslo bez minus: dobropis částku odečte sám').waitFor();
    expect(await travelField.inputValue()).toBe('-5');
    await travelField.fill('0');
    await modal.getByText('Zadejte víc než 0, nebo pole nechte prázdné (řádek se nedobropisuje)').waitFor();
    await travelField.fill('1,2345');
    await modal.getByText('Nejvýše 3 desetinná místa; nic se nezaokrouhluje').waitFor();
    await travelField.fill('99999');
    await modal.getByText('Víc, než na řádku zbývá').waitFor();
    expect(plain(await page.getByTestId('credit-total').innerText())).toBe('Dobropis celkem nelze spočítat, dokud neopravíte označené řádky.');
    // A line with a quantity is credited by its units (one kilometre: its unit price), the total incl. VAT shown before issuing.
    await page.getByTestId(`credit-line-${travel.id}`).fill('1');
    await expect.poll(async () => plain(await page.getByTestId('credit-total').innerText()), { timeout: STEP_MS }).toMatch(/^Dobropis celkem: -[\d ]+,\d{2} Kč vč. DPH \(základ -[\d ]+,\d{2} Kč, DPH -[\d ]+,\d{2} Kč\)$/);
    await server.shot(page, 'credit-note-by-quantity');
    // A sum of money is an amount correction of the line's price.
    await modal.getByText('Částku', { exact: true }).click();
    await page.getByTestId(`credit-line-${travel.id}`).fill('200');
    await page.getByTestId('credit-reason').fill('Sleva na dopravě');
    await expect.poll(async () => plain(await page.getByTestId('credit-total').innerText()), { timeout: STEP_MS }).toBe('Dobropis celkem: -242,00 Kč vč. DPH (základ -200,00 Kč, DPH -42,00 Kč)');
    // The amount's suffix names the currency as every amount around it does.
    expect(await modal.getByText('CZK', { exact: true }).count()).toBe(0);
    // Enter twice in the amount never issues: the first asks and moves focus to the safe "Upravit"; Enter in a field while asking issues nothing.
    const amountField = page.getByTestId(`credit-line-${travel.id}`);
    await amountField.press('Enter');
    await page.getByTestId('credit-confirm-text').waitFor();
    await expect.poll(() => page.evaluate<string | null>('document.activeElement?.getAttribute("data-testid") ?? null'), { timeout: STEP_MS }).toBe('credit-back');
    await amountField.focus();
    await amountField.press('Enter');
    await amountField.press('Enter');
    await page.waitForTimeout(500);
    expect(await page.getByTestId('credit-confirm-text').count()).toBe(1);
    expect(await db.selectFrom('invoices').select('id').where('corrects_invoice_id', '=', invoice.id).execute()).toEqual([]);
    // Enter on the safe choice goes back to editing.
    await page.getByTestId('credit-back').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('credit-save').waitFor();
    // Issuing is irreversible: the first click asks, naming the total.
    await page.getByTestId('credit-save').click();
    expect(plain(await page.getByTestId('credit-confirm-text').innerText())).toContain(`Vystavit dobropis na -242,00 Kč vč. DPH k faktuře ${invoice.number}?`);
    await server.shot(page, 'credit-note-confirm');
    await page.getByTestId('credit-confirm').click();
    // Issued, the credit note's own page opens.
    await page.waitForURL((url) => !url.pathname.endsWith(`/invoices/${invoice.id}`));
    await page.getByTestId('credit-settled').waitFor();
    const note = await db.selectFrom('invoices').select(['id', 'number']).where('corrects_invoice_id', '=', invoice.id).executeTakeFirstOrThrow();
    expect(page.url()).toMatch(new RegExp(`/invoices/${note.id}$`));

    // The page states what the document states: the credit note's value -242,00 Kč, settled against the invoice; nothing "to pay",
    // and no "to refund" of its own (only an overpayment of its invoice goes back to the client).
    const totals = page.getByTestId('invoice-totals');
    expect(plain(await page.getByTestId('invoice-total').innerText())).toBe('Hodnota dobropisu: -242,00 Kč');
    expect(await page.getByTestId('invoice-due').count()).toBe(0);
    expect(plain(await totals.innerText())).not.toContain('K vrácení');
    expect(plain(await page.getByTestId('credit-settled').innerText())).toBe(`Zúčtováno s fakturou ${invoice.number}`);
    expect(plain(await totals.innerText())).not.toContain('K úhradě');
    // The line corrects the travel line's amount: -1 of no unit at 200,00, never "-1 km × 200,00".
    const line = page.getByTestId('invoice-lines').locator('tbody tr').first();
    expect(plain(await line.innerText())).toContain(`Oprava částky řádku ${travel.position}: Doprava`);
    expect(plain(await line.getByTestId('line-quantity').innerText())).toBe('-1');
    expect(plain(await line.innerText())).toMatch(/-1\s+200,00 Kč\s+21 %\s+-200,00 Kč/);
    const preview = page.frameLocator('[data-testid="invoice-preview"] iframe');
    await expect.poll(async () => plain(await preview.locator('tr.grand').innerText()), { timeout: STEP_MS }).toMatch(/^Hodnota dobropisu\s+-242,00 Kč$/);
    await server.shot(page, 'credit-note-by-amount');
    const pdf = await page.request.get(`/api/v1/invoices/${note.id}/pdf`);
    expect(pdf.status()).toBe(200);
    if (hasPoppler) {
      // Its labels, then (after the footer in reading order) its figures: the last is what is to be refunded.
      const text = pdfText(await pdf.body());
      expect(text).toMatch(/Hodnota dobropisu .*-200,00 Kč -42,00 Kč -242,00 Kč/);
      expect(text).toContain(`Oprava částky řádku ${travel.position}: Doprava Množství MJ -1 Cena za MJ`);
      expect(text).not.toContain(' km');
    }

    // The invoice it corrects asks for 242,00 Kč less.
    await page.getByTestId('credit-settled').getByRole('link').click();
    await page.waitForURL((url) => url.pathname.endsWith(`/invoices/${invoice.id}`));
    await expect.poll(async () => plain(await page.getByTestId('invoice-due').innerText()), { timeout: STEP_MS }).toBe(`K úhradě: ${czk(TOTALS.A - 242_00)}`);
  }, JOURNEY_MS);

  test('the invoice list heads its column "K úhradě / k vrácení" over invoices and the credit note, the note settled against its invoice counted once ("zúčtováno", there and on a phone\'s card), and lines, drafts, runs and profitability keep their figures on screen', async () => {
    if (!db) throw new Error('the demo database is not open');
    const invoice = await db.selectFrom('invoices').innerJoin('clients', 'clients.id', 'invoices.client_id').select(['invoices.id'])
      .where('clients.name', '=', 'Příklad A – Zákazník bez smlouvy s.r.o.').where('invoices.kind', '=', 'invoice').where('invoices.state', '=', 'issued').executeTakeFirstOrThrow();
    const note = await db.selectFrom('invoices').select(['id', 'number']).where('corrects_invoice_id', '=', invoice.id).executeTakeFirstOrThrow();
    const run = await db.selectFrom('billing_runs').select('id').where('period', '=', PERIOD).orderBy('id').executeTakeFirstOrThrow();
    const { flat } = await exampleContracts();
    const listed = `/invoices?clientId=${(await db.selectFrom('invoices').select('client_id').where('id', '=', invoice.id).executeTakeFirstOrThrow()).client_id}`;

    // A desktop table over both: the column says both words; the note, settled against its invoice, says so (its value lowered
    // the invoice's amount due, counting it again would count it twice), the invoice's cell what is left.
    const desk = await server.newPage();
    await server.signIn(desk, 'accountant@kontor.demo');
    await desk.goto(listed);
    await desk.getByTestId(`invoice-row-${note.id}`).waitFor();
    expect(plain(await desk.getByTestId('invoices-due-header').innerText())).toBe('K úhradě / k vrácení');
    expect(plain(await desk.getByTestId(`invoice-due-${note.id}`).innerText())).toBe('zúčtováno');
    expect(plain(await desk.getByTestId(`invoice-row-${note.id}`).innerText())).toContain('-242,00 Kč');
    expect(plain(await desk.getByTestId(`invoice-due-${invoice.id}`).innerText())).toBe(czk(TOTALS.A - 242_00));
    await server.shot(desk, 'invoices-credit-note-column');
    // Credit notes alone: the column is what they refund.
    await desk.goto(`${listed}&kind=credit_note`);
    await expect.poll(async () => plain(await desk.getByTestId('invoices-due-header').innerText())).toBe('K vrácení');

    const page = await server.newPage({ context: PHONE });
    await server.signIn(page, 'manager@kontor.demo');
    await page.goto(listed);
    const cards = page.getByTestId('invoices-table');
    await expect.poll(() => cards.getAttribute('data-layout')).toBe('cards');
    // The note's card: its total, and under it that it is settled against its invoice, never "K úhradě".
    const noteCard = page.getByTestId(`invoice-row-${note.id}`);
    expect(plain(await noteCard.getByTestId(`invoice-total-${note.id}`).innerText())).toBe('-242,00 Kč');
    const refund = noteCard.getByTestId(`invoice-due-${note.id}`);
    expect(plain(await refund.innerText())).toBe('zúčtováno');
    await expectOnScreen(refund, PHONE_WIDTH);
    expect(plain(await noteCard.innerText())).not.toContain('K úhradě');
    // The invoice it corrects asks for what is left.
    expect(plain(await page.getByTestId(`invoice-due-${invoice.id}`).innerText()).replace(/\s+/g, ' ')).toBe(`K úhradě ${czk(TOTALS.A - 242_00)}`);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await server.shot(page, 'phone-invoices-credit-note');

    // The invoice's lines and the credit note's are RowCards with each amount on screen.
    for (const [id, net] of [[invoice.id, /^\d[\d ]*,\d{2} Kč$/], [note.id, /^-200,00 Kč$/]] as const) {
      await page.goto(`/invoices/${id}`);
      const lines = page.getByTestId('invoice-lines');
      await expect.poll(() => lines.getAttribute('data-layout')).toBe('cards');
      const first = lines.locator('.row-card').first();
      const amount = first.locator('[data-testid^="line-net-"]');
      expect(plain(await amount.innerText())).toMatch(net);
      await expectOnScreen(amount, PHONE_WIDTH);
      await expectOnScreen(first.getByTestId('line-quantity'), PHONE_WIDTH);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
      await server.shot(page, `phone-invoice-lines-${id === note.id ? 'credit-note' : 'invoice'}`);
    }

    // October's first run: every draft's total on screen.
    await page.goto(`/billing/runs/${run.id}`);
    const drafts = page.getByTestId('run-drafts');
    await expect.poll(() => drafts.getAttribute('data-layout')).toBe('cards');
    const rows = await draftRows(page);
    expect(rows.map((r) => r.total)).toEqual(expect.arrayContaining([czk(TOTALS.A), czk(TOTALS.B), czk(TOTALS.C)]));
    for (const testId of rows.map((r) => r.testId)) await expectOnScreen(page.getByTestId(testId).getByTestId('draft-total'), PHONE_WIDTH);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await drafts.scrollIntoViewIfNeeded();
    await server.shot(page, 'phone-run-drafts');
    await page.getByTestId('run-waiting').scrollIntoViewIfNeeded();
    await server.shot(page, 'phone-run-waiting');

    // The billing page's runs of October.
    await page.goto('/billing');
    await typeInto(page, 'run-period', czechMonth(PERIOD));
    const runs = page.getByTestId('runs-table');
    await expect.poll(() => runs.getAttribute('data-layout')).toBe('cards');
    await expectOnScreen(page.getByTestId(`run-${run.id}`).getByRole('link'), PHONE_WIDTH);
    // So is the total of the demo's September draft, still unissued, above them.
    const earlier = page.locator('[data-testid^="earlier-draft-total-"]').first();
    expect(plain(await earlier.innerText())).toMatch(/Kč$/);
    await expectOnScreen(earlier, PHONE_WIDTH);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await runs.scrollIntoViewIfNeeded();
    await server.shot(page, 'phone-billing-runs');

    // Profitability: the flat-fee contract's margin and revenue on screen.
    await page.goto(`/reports?from=${PERIOD}&to=${PERIOD}`);
    const profit = page.getByTestId('profit-table');
    await expect.poll(() => profit.getAttribute('data-layout')).toBe('cards');
    await server.shot(page, 'phone-profitability-filters');
    const flatRow = page.getByTestId(`profit-row-${flat}`);
    const margin = flatRow.getByTestId('profit-margin');
    expect(plain(await margin.innerText())).toBe('3 640,00 Kč');
    await expectOnScreen(margin, PHONE_WIDTH);
    await expectOnScreen(flatRow.getByTestId('profit-revenue'), PHONE_WIDTH);
    expect(plain(await flatRow.getByTestId('profit-revenue').innerText())).toBe('6 440,00 Kč');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await flatRow.scrollIntoViewIfNeeded();
    await server.shot(page, 'phone-profitability');
  }, JOURNEY_MS);

  test("an invoice paid in full and then credited in part owes the client 263,13 Kč: its list row, phone card and page say so beside \"Uhrazená\", and the list's \"Přeplacená\" filter finds it", async () => {
    if (!db) throw new Error('the demo database is not open');
    const invoice = await db.selectFrom('invoices').innerJoin('clients', 'clients.id', 'invoices.client_id')
      .select(['invoices.id', 'invoices.client_id', 'invoices.issue_date', 'invoices.total_minor'])
      .where('clients.name', '=', 'Příklad B – Paušál s.r.o.').where('invoices.kind', '=', 'invoice').where('invoices.state', 'in', ['issued', 'sent']).executeTakeFirstOrThrow();
    // A line at 21 % whose net holds the 217,46 Kč credited (+ 45,67 Kč VAT = 263,13 Kč).
    const line = await db.selectFrom('invoice_lines').select('id').where('invoice_id', '=', invoice.id).where('vat_rate_bp', '=', 2100).where('net_minor', '>=', 217_46).orderBy('position').executeTakeFirstOrThrow();
    const desk = await server.newPage();
    await server.signIn(desk, 'accountant@kontor.demo');
    await apiCall(desk, 'POST', `/invoices/${invoice.id}/payments`, { date: invoice.issue_date, amountMinor: Number(invoice.total_minor) });
    await apiCall(desk, 'POST', `/invoices/${invoice.id}/credit-notes`, { reason: 'Sleva po úhradě', lines: [{ lineId: line.id, amountMinor: 217_46 }] });
    const settled = await apiCall<{ state: string; refundDueMinor: number }>(desk, 'GET', `/invoices/${invoice.id}`);
    expect(settled).toMatchObject({ state: 'paid', refundDueMinor: 263_13 });
    const OWED = 'Přeplaceno · k vrácení 263,13 Kč';

    // The desktop list: "Uhrazená", and beside it what goes back to the client.
    await desk.goto(`/invoices?clientId=${invoice.client_id}`);
    const row = desk.getByTestId(`invoice-row-${invoice.id}`);
    await row.waitFor();
    expect(await row.getByTestId('invoice-status').getAttribute('data-status')).toBe('paid');
    expect(plain(await row.getByTestId('invoice-overpaid').innerText())).toBe(OWED);
    // Invoices square with their client say nothing of it.
    expect(await desk.getByTestId('invoice-overpaid').count()).toBe(1);
    await server.shot(desk, 'invoices-overpaid');
    // The state filter's "Přeplacená" lists the invoices owing money back, this one among them.
    await desk.goto('/invoices?status=overpaid');
    await row.waitFor();
    expect(await desk.getByTestId('invoices-filter-status').inputValue()).toBe('Přeplacená');
    const listed = desk.locator('[data-testid^="invoice-row-"]');
    expect(await listed.count()).toBe(await desk.getByTestId('invoice-overpaid').count());
    // The invoice's page says it beside its status.
    await desk.goto(`/invoices/${invoice.id}`);
    await desk.getByTestId('page-invoice').waitFor();
    expect(plain(await desk.getByTestId('invoice-overpaid').innerText())).toBe(OWED);

    // The phone's card: the badge whole on screen, nothing beyond the right edge.
    const page = await server.newPage({ context: PHONE });
    await server.signIn(page, 'accountant@kontor.demo');
    await page.goto(`/invoices?clientId=${invoice.client_id}`);
    await expect.poll(() => page.getByTestId('invoices-table').getAttribute('data-layout')).toBe('cards');
    const badge = page.getByTestId(`invoice-row-${invoice.id}`).getByTestId('invoice-overpaid');
    expect(plain(await badge.innerText())).toBe(OWED);
    await expectOnScreen(badge, PHONE_WIDTH);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await server.shot(page, 'phone-invoices-overpaid');
  }, JOURNEY_MS);
});
