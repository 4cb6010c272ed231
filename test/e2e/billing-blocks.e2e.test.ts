// A blocked draft and a record approved after the run, in a real browser against a real
// server seeded like `kontor demo` (BILLING.md example C: prepaid hours, September issued):
//
//   npx vite build --config web/vite.config.ts --outDir <folder> && KONTOR_WEB_DIR=<folder> npx vitest run test/e2e/billing-blocks.e2e.test.ts
//
// October is run and left unissued, then November is run early: C's November draft is
// blocked because October's prepaid ledger is not final. The draft page says so in Czech
// with the contract and the month ("nejdřív vystavte koncept za říjen 2026", linked), the run
// page's blocked clients too, and no page shows the server's English. Once October's draft is
// issued, the November draft says the reason is gone and offers to run billing again, which
// gives a draft that can be issued. Then a record of C dated in November is approved: the new
// draft warns that it does not hold it, with the run-again button.
import { describe, expect, test } from 'vitest';
import type { Services } from '../../src/app.ts';
import { EXAMPLE_CLIENTS } from '../../src/cli/demo-billing.ts';
import type { RequestContext } from '../../src/modules/identity/index.ts';
import type { Db } from '../../src/platform/db/index.ts';
import { plain, useDemoServer } from './harness.ts';

const STEP_MS = 20_000;
const JOURNEY_MS = 150_000;

const ids = { c: 0, ticket: 0, remote: 0, octoberDraft: 0, novemberDraft: 0, novemberRun: 0 };
let services: Services | undefined;
let ctx: RequestContext | undefined;

/** As the demo's manager (who runs billing). */
async function managerContext(database: Db): Promise<RequestContext> {
  const manager = await database.selectFrom('users').select(['id', 'name']).where('email', '=', 'manager@kontor.demo').executeTakeFirstOrThrow();
  return { actor: { userId: manager.id, name: manager.name, roles: ['manager'], clientId: null, tokenId: null }, ip: null };
}

/** Logs remote support on C's ticket on the day, submitted and approved. */
async function approvedRecord(date: string, minutes: number): Promise<number> {
  const record = await services!.records.records.create(ctx!, ids.ticket, { kind: 'work', date, startTime: '09:00', minutes, workTypeId: ids.remote, description: 'Vzdálená podpora' } as Parameters<Services['records']['records']['create']>[2]);
  await services!.records.workflow.submit(ctx!, record.id).catch(() => undefined);
  await services!.records.workflow.approveMany(ctx!, [record.id]);
  return record.id;
}

async function prepare(s: Services, database: Db): Promise<void> {
  services = s;
  ctx = await managerContext(database);
  ids.c = (await database.selectFrom('clients').select('id').where('name', '=', EXAMPLE_CLIENTS.c.name).executeTakeFirstOrThrow()).id;
  ids.ticket = (await database.selectFrom('tickets').select('id').where('client_id', '=', ids.c).where('contract_id', 'is not', null).executeTakeFirstOrThrow()).id;
  ids.remote = (await database.selectFrom('work_types').select('id').where('code', '=', 'remote_support').executeTakeFirstOrThrow()).id;
  await approvedRecord('2026-11-02', 60);
  const october = await s.billing.runs.runNow(ctx, '2026-10');
  ids.octoberDraft = october.result!.drafts.find((d) => d.clientId === ids.c)!.invoiceId;
  const november = await s.billing.runs.runNow(ctx, '2026-11');
  ids.novemberRun = november.id;
  ids.novemberDraft = november.result!.drafts.find((d) => d.clientId === ids.c)!.invoiceId;
}

const server = useDemoServer({ name: 'billing-blocks', stepMs: STEP_MS, seed: prepare });

describe('Billing: a blocked draft and records approved after the run', () => {
  test('the blocked draft says what to do first in Czech, then that the reason is gone, and runs billing again; a later approval is warned about', async () => {
    const page = await server.newPage();
    await server.signIn(page, 'manager@kontor.demo');

    // The November draft: blocked, in Czech, with the earlier draft to issue first.
    await page.goto(`/invoices/${ids.novemberDraft}`);
    const alert = page.getByTestId('draft-blocked');
    await alert.waitFor();
    expect(await alert.getAttribute('data-rerun-only')).toBe('false');
    const text = plain(await alert.innerText());
    expect(text).toContain('Předchozí období předplacené smlouvy ještě není vystaveno.');
    expect(text).toContain('Smlouva PRIKLAD-C: nejdřív vystavte koncept za říjen 2026, pak spusťte fakturaci za listopad 2026 znovu.');
    expect(await alert.getByTestId('draft-block-0-earlier').getAttribute('href')).toBe(`/invoices/${ids.octoberDraft}`);
    expect(await page.getByTestId('draft-blocked-rerun').count()).toBe(0); // running again now would be blocked the same
    expect(await page.getByTestId('invoice-issue').count()).toBe(0); // a blocked draft is not offered for issuing
    expect(plain(await page.getByTestId('page-invoice').innerText())).not.toMatch(/not final|previous prepaid/);
    await server.shot(page, 'draft-blocked-issue-first');

    // The run: the blocked client's reason and detail in Czech, no English anywhere.
    await page.goto(`/billing/runs/${ids.novemberRun}`);
    await page.getByTestId('run-blocked').waitFor();
    expect(plain(await page.getByTestId('run-blocked').innerText())).toContain('Předchozí období předplacené smlouvy ještě není vystaveno — smlouva PRIKLAD-C: nejdřív vystavte období říjen 2026');
    expect(plain(await page.getByTestId(`draft-blocks-${ids.novemberDraft}`).innerText())).toContain('nejdřív vystavte koncept za říjen 2026');
    expect(plain(await page.getByTestId('page-billing-run').innerText())).not.toMatch(/not final|previous prepaid|ledger/);
    await server.shot(page, 'run-blocked-czech');

    // October's draft, opened from the link, is issued.
    await page.goto(`/invoices/${ids.novemberDraft}`);
    await page.getByTestId('draft-block-0-earlier').click();
    await expect.poll(() => page.url()).toContain(`/invoices/${ids.octoberDraft}`);
    await page.getByTestId('invoice-issue').click();
    const issueModal = page.getByTestId('issue-modal');
    await issueModal.waitFor();
    await issueModal.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('page-invoice').getAttribute('data-state'), { timeout: STEP_MS }).toBe('issued');

    // The November draft now: the reason is gone, run billing again.
    await page.goto(`/invoices/${ids.novemberDraft}`);
    await expect.poll(() => alert.getAttribute('data-rerun-only')).toBe('true');
    expect(plain(await alert.innerText())).toContain('Důvod pominul: smlouva PRIKLAD-C má období říjen 2026 už vystavené.');
    await page.getByTestId('invoice-rerun-needed').waitFor();
    expect(await page.getByTestId('invoice-issue').count()).toBe(0); // a blocked draft is not offered for issuing
    await server.shot(page, 'draft-reason-gone');
    await page.getByTestId('draft-blocked-rerun').click();
    const confirm = page.getByTestId('confirm-modal');
    await confirm.waitFor();
    await confirm.getByTestId('confirm-ok').click();
    await page.getByTestId('page-billing-run').waitFor();
    await expect.poll(() => page.getByTestId('page-billing-run').getAttribute('data-state'), { timeout: 60_000, interval: 500 }).toBe('completed');
    const row = page.locator(`[data-testid^="run-draft-"][data-client="${EXAMPLE_CLIENTS.c.name}"]`);
    await row.waitFor();
    expect(await row.locator('[data-testid^="draft-blocks-"]').count()).toBe(0);
    const newDraft = Number((await row.getAttribute('data-testid'))!.replace('run-draft-', ''));
    expect(newDraft).not.toBe(ids.novemberDraft);

    // A record of C's November approved after that run: the draft warns, with the run again.
    await approvedRecord('2026-11-03', 60);
    await page.goto(`/invoices/${newDraft}`);
    const warning = page.getByTestId('draft-warnings-records_after_run');
    await warning.waitFor();
    expect(plain(await warning.innerText())).toMatch(/^Od běhu přibyl 1 schválený výkaz za listopad 2026 \(T\d{4}-\d{6}, 1 h\), který koncept nezahrnuje\. Z toho 1 h kryjí předplacené hodiny/);
    await page.getByTestId('draft-warnings-rerun').waitFor();
    expect(await page.getByTestId('draft-blocked').count()).toBe(0);
    await server.shot(page, 'draft-records-after-run');
  }, JOURNEY_MS);
});
