// What the month-end run tells before anything is issued, in a real browser against a
// real server seeded like `kontor demo` (BILLING.md examples A, B and C for October 2026):
//
//   npx vite build --config web/vite.config.ts --outDir <folder> && KONTOR_WEB_DIR=<folder> npx vitest run test/e2e/billing-checks.e2e.test.ts
//
// Before the journey, one of example A's two SSDs comes back (the return's −1 890,00 Kč
// record waits for approval), example B's client loses its address, and a September record
// of A is run into a September draft that nobody issues. The manager sees that draft listed
// on the billing page and on October's run; on the run, B's draft says its client has no
// address (with the way to the client) and A's that a record still waits; the waiting list
// names the return with its amount; "Issue all" names A as waiting and leaves B out. B's
// draft cannot be issued until its client has an address, then it can. Picking the current
// month warns that the period has not ended, and the run starts only once that is accepted.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Services } from '../../src/app.ts';
import { EXAMPLE_CLIENTS } from '../../src/cli/demo-billing.ts';
import type { RequestContext } from '../../src/modules/identity/index.ts';
import type { Db } from '../../src/platform/db/index.ts';
import { apiCall, czechMonth, plain, typeInto, useDemoServer } from './harness.ts';

const STEP_MS = 20_000;
const JOURNEY_MS = 120_000;
const PERIOD = '2026-10';

let db: Db | undefined;
const ids = { a: 0, b: 0, septemberDraft: 0, returnRecord: 0 };

/** As the demo's manager (who received the stock and runs billing). */
async function managerContext(database: Db): Promise<RequestContext> {
  const manager = await database.selectFrom('users').select(['id', 'name']).where('email', '=', 'manager@kontor.demo').executeTakeFirstOrThrow();
  return { actor: { userId: manager.id, name: manager.name, roles: ['manager'], clientId: null, tokenId: null }, ip: null };
}

async function prepare(services: Services, database: Db): Promise<void> {
  db = database;
  const ctx = await managerContext(database);
  const clientId = async (name: string) => (await database.selectFrom('clients').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  ids.a = await clientId(EXAMPLE_CLIENTS.a.name);
  ids.b = await clientId(EXAMPLE_CLIENTS.b.name);
  // One of A's two SSDs comes back: the return's record is submitted, not approved.
  const slip = await database.selectFrom('stock_documents as d').innerJoin('tickets as t', 't.id', 'd.ticket_id')
    .select(['d.id', 'd.warehouse_id']).where('d.kind', '=', 'issue').where('t.client_id', '=', ids.a).executeTakeFirstOrThrow();
  const line = await database.selectFrom('stock_document_lines').select('item_id').where('document_id', '=', slip.id).executeTakeFirstOrThrow();
  const ret = await services.warehouse.documents.create(ctx, {
    kind: 'return', date: '2026-10-20', warehouseId: slip.warehouse_id, returnsDocumentId: slip.id, lines: [{ itemId: line.item_id, quantity: '1' }], confirm: true,
  } as Parameters<Services['warehouse']['documents']['create']>[1]);
  ids.returnRecord = ret.lines?.[0]?.recordId ?? 0;
  // B's client without an address (as clients entered before addresses were asked for).
  await database.updateTable('clients').set({ registered_address: null, billing_address: null }).where('id', '=', ids.b).execute();
  // A September record of A, run into a September draft nobody issues.
  const ticket = await database.selectFrom('tickets').select('id').where('client_id', '=', ids.a).executeTakeFirstOrThrow();
  const workType = await database.selectFrom('work_types').select('id').where('code', '=', 'remote_support').executeTakeFirstOrThrow();
  const record = await services.records.records.create(ctx, ticket.id, { kind: 'work', date: '2026-09-21', startTime: '09:00', minutes: 60, workTypeId: workType.id, description: 'Zapomenutý zásah' } as Parameters<Services['records']['records']['create']>[2]);
  await services.records.workflow.submit(ctx, record.id).catch(() => undefined);
  await services.records.workflow.approveMany(ctx, [record.id]);
  const september = await services.billing.runs.runNow(ctx, '2026-09');
  ids.septemberDraft = september.result!.drafts.find((d) => d.clientId === ids.a)!.invoiceId;
}

const server = useDemoServer({ name: 'billing-checks', stepMs: STEP_MS, seed: prepare });

/** The run page's row of a client's draft. */
const draftRow = (page: Page, client: string) => page.locator(`[data-testid^="run-draft-"][data-client="${client}"]`);

describe('Billing: what the run tells before issuing', () => {
  test('the manager sees the open September draft, the client without an address and the waiting return, then issues what can be issued', async () => {
    expect(ids.returnRecord).toBeGreaterThan(0);
    const page = await server.newPage();
    await server.signIn(page, 'manager@kontor.demo');

    // The billing page: October picked, September's draft is listed with a link.
    await page.getByTestId('nav-billing').click();
    await page.getByTestId('page-billing').waitFor();
    await typeInto(page, 'run-period', czechMonth(PERIOD));
    const earlier = page.getByTestId('earlier-drafts');
    await earlier.waitFor();
    expect(plain(await earlier.innerText())).toContain('září 2026');
    expect(await earlier.getByTestId(`earlier-draft-${ids.septemberDraft}`).getByRole('link').getAttribute('href')).toBe(`/invoices/${ids.septemberDraft}`);
    // October is over: no warning, the run starts at once.
    expect(await page.getByTestId('run-period-not-over').count()).toBe(0);
    await server.shot(page, 'billing-earlier-drafts');
    await page.getByTestId('run-start').click();
    await page.getByTestId('page-billing-run').waitFor();
    await expect.poll(() => page.getByTestId('page-billing-run').getAttribute('data-state'), { timeout: 60_000, interval: 500 }).toBe('completed');
    await page.getByTestId('earlier-drafts').waitFor();

    // B's draft: its client has no address, said with the way to the client's form.
    const b = draftRow(page, EXAMPLE_CLIENTS.b.name);
    const bNote = b.locator('[data-testid^="draft-buyer-"]').first();
    await bNote.waitFor();
    expect(plain(await bNote.innerText())).toContain('Klient nemá vyplněno: ulice, obec a PSČ.');
    expect(await bNote.getByRole('link').getAttribute('href')).toBe(`/clients/${ids.b}/edit`);
    // A's draft: the return still waits for approval.
    const aWaiting = draftRow(page, EXAMPLE_CLIENTS.a.name).locator('[data-testid^="draft-waiting-"]');
    expect(plain(await aWaiting.innerText())).toBe('1 výkaz čeká na schválení (-1 890,00 Kč)');
    // The waiting list names what each record is and its amount.
    const ret = page.getByTestId(`run-waiting-${ids.returnRecord}`);
    expect(await ret.getAttribute('data-kind')).toBe('return');
    expect(plain(await ret.innerText())).toContain('Vratka');
    expect(plain(await ret.innerText())).toContain('-1 890,00 Kč');
    expect(plain(await ret.innerText())).toContain(EXAMPLE_CLIENTS.a.name);
    // October's tax documents issued after 15 November are late (§ 28 ZDPH): said on the row, not refused.
    const aLate = draftRow(page, EXAMPLE_CLIENTS.a.name).locator('[data-testid$="-late_tax_document"]');
    expect(plain(await aLate.innerText())).toContain('15. 11. 2026');
    await server.shot(page, 'run-checks');

    // "Issue all": A named as still waiting, B left out; the rest issued.
    await page.getByTestId('issue-all-button').click();
    const confirm = page.getByTestId('confirm-modal');
    await confirm.waitFor();
    expect((await confirm.locator('[data-testid="issue-all-waiting-client"]').allInnerTexts()).map(plain)).toEqual([`${EXAMPLE_CLIENTS.a.name}: 1 výkaz čeká na schválení (-1 890,00 Kč)`]);
    expect(plain(await confirm.getByTestId('issue-all-no-address').innerText())).toContain(EXAMPLE_CLIENTS.b.name);
    expect(await confirm.getByTestId('issue-all-warnings').locator('[data-testid="issue-all-warnings-late_tax_document"]').count()).toBeGreaterThan(0);
    await server.shot(page, 'issue-all-confirm');
    await confirm.getByTestId('confirm-ok').click();
    await page.getByTestId('issue-report').waitFor();
    expect(await page.getByTestId('issue-refusal').count()).toBe(0);
    await expect.poll(() => b.getByTestId('invoice-status').count()).toBe(0); // still a draft with its problem, not issued
    const bDraft = Number((await b.getAttribute('data-testid'))!.replace('run-draft-', ''));
    expect((await db!.selectFrom('invoices').select('state').where('id', '=', bDraft).executeTakeFirstOrThrow()).state).toBe('draft');

    // B's draft: Issue explains why not, and does not issue.
    await page.goto(`/invoices/${bDraft}`);
    await page.getByTestId('page-invoice').waitFor();
    await page.getByTestId('invoice-issue').click();
    const issueModal = page.getByTestId('issue-modal');
    await issueModal.waitFor();
    await issueModal.getByTestId('issue-buyer-missing').waitFor();
    expect(plain(await issueModal.getByTestId('issue-buyer-note').innerText())).toContain(`${EXAMPLE_CLIENTS.b.name} nemá úplnou adresu, chybí ulice, obec a PSČ.`);
    expect(await issueModal.getByTestId('confirm-ok').isDisabled()).toBe(true);
    expect(await issueModal.getByTestId('issue-buyer-note-fix').getAttribute('href')).toBe(`/clients/${ids.b}/edit`);
    await server.shot(page, 'issue-no-address');
    await issueModal.getByTestId('issue-buyer-note-fix').click();
    await page.getByTestId('page-client-form').waitFor();

    // The client gets its address (as the form would save it); the draft is issued.
    const client = await apiCall<{ version: number }>(page, 'GET', `/clients/${ids.b}`);
    await apiCall(page, 'PATCH', `/clients/${ids.b}`, { version: client.version, registeredAddress: EXAMPLE_CLIENTS.b.registeredAddress });
    await page.goto(`/invoices/${bDraft}`);
    await page.getByTestId('invoice-issue').click();
    await issueModal.waitFor();
    expect(await issueModal.getByTestId('issue-buyer-missing').count()).toBe(0);
    await issueModal.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('page-invoice').getAttribute('data-state'), { timeout: STEP_MS }).toBe('issued');
  }, JOURNEY_MS);

  test('the current month warns that it has not ended; the run starts only once that is accepted', async () => {
    const page = await server.newPage();
    await server.signIn(page, 'manager@kontor.demo');
    await page.getByTestId('nav-billing').click();
    await page.getByTestId('page-billing').waitFor();
    const now = new Date();
    const current = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    await typeInto(page, 'run-period', czechMonth(current));
    const warning = page.getByTestId('run-period-not-over');
    await warning.waitFor();
    expect(plain(await warning.innerText())).toContain('Paušály účtované zpětně se vyfakturují ještě před koncem období');
    expect(await page.getByTestId('run-start').isDisabled()).toBe(true);
    await server.shot(page, 'current-month-warning');
    await page.getByTestId('run-period-not-over-accept').check();
    expect(await page.getByTestId('run-start').isEnabled()).toBe(true);
    // Another month forgets the consent.
    await typeInto(page, 'run-period', czechMonth(PERIOD));
    expect(await page.getByTestId('run-period-not-over').count()).toBe(0);
    await typeInto(page, 'run-period', czechMonth(current));
    await warning.waitFor();
    expect(await page.getByTestId('run-start').isDisabled()).toBe(true);
  }, JOURNEY_MS);
});
