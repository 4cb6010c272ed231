// The administration journey in a real browser against a real server, set up
// like foundation.e2e.test.ts (serve() on 127.0.0.1:0, a fresh SQLite file
// seeded like `kontor demo`, the built web app, chromium via playwright-core):
// the keys of the lists and dialogs (N, Ctrl+Enter), the process editor (a new waiting
// state with transitions, and a state that still holds a ticket kept from removal), an SLA
// target (and a stale save of it refused), the mail outbox and a template.
//
//   npm run build:web && npx vitest run test/e2e/admin.e2e.test.ts
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiCall, focusedTestId, plain, typeInto, useDemoServer } from './harness.ts';

const ADMIN = 'admin@kontor.demo';
const STEP_MS = 10_000;
const JOURNEY_MS = 60_000;
const TICKET_SUBJECT = 'E2E: tiskárna v účtárně netiskne';

// No mail server: mail waits in the outbox, where the journey finds it. One demo mail
// has failed for good, as it does after 10 refused connections.
const FAILED_ERROR = 'ESOCKET connect ECONNREFUSED 127.0.0.1:25';
const demo = useDemoServer({
  name: 'admin',
  stepMs: STEP_MS,
  config: { smtpUrl: '' },
  seed: async (_services, db) => {
    const first = await db.selectFrom('mail_outbox').select('id').orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('mail_outbox').set({ status: 'failed', attempts: 10, last_error: FAILED_ERROR }).where('id', '=', first.id).execute();
  },
});
const { shot } = demo;

async function signedInPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await demo.newPage({ context: { viewport } });
  await demo.signIn(page, ADMIN);
  return page;
}

/** Picks an option of a Mantine Select (its list opens in a portal). */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

interface TypeOut {
  id: number;
  code: string;
  states: Array<{ code: string; name: string; category: string; pausesSla: boolean; isInitial: boolean }>;
  transitions: Array<{ from: string; to: string; name: string; requiredFields: string[] }>;
}

describe('Administration journey in the browser', () => {
  test('by keyboard: N opens the new dialog of every administration list, Ctrl+Enter saves it, and "?" lists both keys', async () => {
    const page = await signedInPage();
    const lists = [
      { path: '/admin/queues', page: 'page-queues', modal: 'queue-modal', field: 'queue-name', name: 'E2E fronta z klávesnice' },
      { path: '/admin/ticket-types', page: 'page-ticket-types', modal: 'type-modal', field: 'type-name', name: 'E2E typ z klávesnice' },
      { path: '/admin/catalog/categories', page: 'page-categories', modal: 'category-modal', field: 'category-name', name: 'E2E kategorie z klávesnice' },
      { path: '/admin/catalog/dimensions', page: 'page-dimensions', modal: 'dimension-modal', field: 'dimension-name', name: 'E2E dimenze z klávesnice' },
      { path: '/admin/catalog/fields', page: 'page-custom-fields', modal: 'field-modal', field: 'field-label', name: 'E2E pole z klávesnice' },
      { path: '/admin/sla/policies', page: 'page-sla-policies', modal: 'policy-modal', field: 'policy-name', name: 'E2E politika z klávesnice' },
      { path: '/admin/sla/calendars', page: 'page-calendars', modal: 'calendar-modal', field: 'calendar-name', name: 'E2E kalendář z klávesnice' },
    ];
    const help = page.getByTestId('shortcut-help');
    for (const list of lists) {
      await page.goto(list.path);
      await page.getByTestId(list.page).waitFor();
      // Wait for the list's data: N is off while the SLA policies still wait for their calendars.
      await page.locator('[data-testid$="-new"]:not([disabled])').first().waitFor();
      await page.keyboard.press('?');
      await help.waitFor();
      expect(await help.getByTestId('shortcut-page-create').locator('kbd').allTextContents(), list.path).toEqual(['N']);
      const save = help.getByTestId('shortcut-admin-form-save');
      expect(await save.textContent(), list.path).toContain('Uložit');
      expect(await save.locator('kbd').allTextContents(), list.path).toEqual(['Ctrl', 'Enter']);
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'detached' });

      await page.keyboard.press('n');
      const modal = page.getByTestId(list.modal);
      await modal.waitFor();
      // The N opened the dialog and was not typed into its first field.
      await expect.poll(() => page.getByTestId(list.field).inputValue(), { message: list.path }).toBe('');
      if (list === lists[0]) {
        // Cancel closes at once while nothing is typed; with a change it asks first, and "Pokračovat v úpravách" keeps the dialog and the text.
        await modal.getByRole('button', { name: 'Zrušit' }).click();
        await modal.waitFor({ state: 'detached' });
        await page.keyboard.press('n');
        await page.getByTestId(list.field).fill(list.name);
        await modal.getByRole('button', { name: 'Zrušit' }).click();
        const ask = page.getByTestId('confirm-modal');
        expect(await ask.innerText({ timeout: STEP_MS })).toContain('Zahodit změny?');
        await ask.getByRole('button', { name: 'Pokračovat v úpravách' }).click();
        await ask.waitFor({ state: 'detached' });
        expect(await page.getByTestId(list.field).inputValue()).toBe(list.name);
        // Back in the field last typed in, not on the Cancel that asked: typing goes on where it stopped.
        await expect.poll(() => page.getByTestId(list.field).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      }
      await page.getByTestId(list.field).fill(list.name);
      await page.getByTestId(list.field).press('Control+Enter');
      await modal.waitFor({ state: 'detached' });
      // Saved: the list shows it (a new ticket type opens its process, which is named after it).
      await page.getByText(list.name, { exact: true }).first().waitFor();
    }
    await shot(page, 'keyboard-new-calendar');

    // Ctrl+Enter saves the mail template from its subject too, and the templates' help lists it.
    await page.goto('/admin/mail/templates?key=ticket_created&lang=en');
    const subject = page.getByTestId('template-subject');
    await subject.waitFor();
    await subject.fill('Received: {{ticket.number}}');
    await subject.press('Control+Enter');
    await expect.poll(() => page.getByTestId('template-overridden').getAttribute('data-overridden')).toBe('true');
  }, JOURNEY_MS);

  test('audit log: a failed sign-in names the user it was for, a ticket shows its number', async () => {
    const page = await signedInPage();
    const failed = await page.request.post('/api/v1/auth/login', { data: { email: 'technician@kontor.demo', password: 'not-the-password-1' } });
    expect(failed.status()).toBe(401);
    await page.goto('/admin/audit?action=sign_in_failed');
    const row = page.locator('[data-testid^="audit-row-"][data-action="sign_in_failed"]').first();
    await row.waitFor();
    expect(await row.innerText()).toContain('Tomáš Technik');
    expect(await row.innerText()).not.toMatch(/#\d/);

    await page.goto('/admin/audit?entity=ticket');
    const ticketRow = page.locator('[data-testid^="audit-row-"][data-entity="ticket"]').first();
    await ticketRow.waitFor();
    expect((await ticketRow.getByTestId('audit-entity-label').innerText()).trim()).toMatch(/^T\d{4}-\d{6}$/);
    expect(await ticketRow.innerText()).not.toMatch(/#\d/);
    await shot(page, 'audit-ticket-numbers');
  }, JOURNEY_MS);

  test('audit log: a change names the people and things it refers to, its fields in Czech, a deleted calendar by its id', async () => {
    const page = await signedInPage();
    // A ticket's creation recorded its client, queue and priority as ids and a code.
    await page.goto('/admin/audit?entity=ticket&action=create');
    const created = page.locator('[data-testid^="audit-row-"][data-entity="ticket"][data-action="create"]').last();
    await created.waitFor();
    await created.click();
    const id = (await created.getAttribute('data-testid'))!.replace('audit-row-', '');
    const diff = page.getByTestId(`audit-diff-${id}`);
    await diff.waitFor();
    const field = (path: string) => diff.locator('tr').filter({ has: page.locator(`td[data-path="${path}"]`) });
    expect(await field('queueId').locator('td').first().innerText()).toBe('Fronta');
    expect(await field('queueId').locator('td').nth(1).innerText()).toMatch(/^Servisní pracoviště #\d+$/);
    expect(await field('clientId').locator('td').first().innerText()).toBe('Klient');
    expect(await field('clientId').locator('td').nth(1).innerText()).toMatch(/^[^\d#].* #\d+$/);
    expect(await field('priority').locator('td').nth(1).innerText()).toMatch(/^P\d · \S+/);
    expect(await diff.locator('td[data-path="queueId"]').getAttribute('title')).toBe('queueId');
    await shot(page, 'audit-names');

    // A calendar deleted since: its entries show its id, marked deleted, and what they recorded.
    const { csrfToken } = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
    const calendar = await apiCall<{ id: number }>(page, 'POST', '/calendars', { name: 'E2E kalendář na chvíli', timeZone: 'Europe/Prague', weekly: { 1: [{ start: '08:00', end: '16:00' }] } });
    expect((await page.request.delete(`/api/v1/calendars/${calendar.id}`, { headers: { 'x-csrf-token': csrfToken } })).status()).toBe(204);
    await page.goto(`/admin/audit?entity=calendar&entityId=${calendar.id}`);
    const gone = page.locator('[data-testid^="audit-row-"][data-entity="calendar"][data-action="create"]');
    await gone.getByTestId('audit-entity-deleted').waitFor();
    expect((await gone.getByTestId('audit-entity-deleted').innerText()).trim()).toBe(`#${calendar.id} (smazáno)`);
    await gone.click();
    await expect.poll(() => page.locator('[data-testid^="audit-diff-"]').innerText()).toContain('E2E kalendář na chvíli');
    expect(await page.locator('[data-testid^="audit-diff-"]').innerText()).toContain('Časové pásmo');
    await shot(page, 'audit-deleted-calendar');
  }, JOURNEY_MS);

  test('process editor: a state that holds a ticket shows how many and cannot go; a new waiting state with transitions is saved', async () => {
    const page = await signedInPage();
    // A ticket of type incident waits in "new"; its confirmation to the requester waits in the outbox.
    const clients = await apiCall<{ items: Array<{ id: number; name: string }> }>(page, 'GET', '/clients?q=Strojírny');
    const clientId = clients.items[0]!.id;
    const contacts = await apiCall<{ items: Array<{ id: number; email: string | null }> }>(page, 'GET', `/clients/${clientId}/contacts`);
    const requester = contacts.items.find((c) => c.email)!;
    await apiCall(page, 'POST', '/tickets', { subject: TICKET_SUBJECT, clientId, requesterContactId: requester.id, typeCode: 'incident' });

    await page.getByTestId('nav-ticketTypes').click();
    await page.getByTestId('page-ticket-types').waitFor();
    const row = page.locator('[data-testid^="types-row-"][data-code="incident"]');
    const typeId = Number((await row.getAttribute('data-testid'))!.replace('types-row-', ''));
    await page.getByTestId(`types-process-${typeId}`).click();
    await page.getByTestId('page-process').waitFor();
    await page.getByTestId('process-matrix').waitFor();
    const rows = page.locator('[data-testid^="state-row-"]');
    const before = await rows.count();
    expect(before).toBe(7);

    // "New" holds the ticket: its count shows, and it cannot be removed (nor its code changed), saying why.
    await expect.poll(async () => Number(await page.getByTestId('state-0-tickets').innerText())).toBeGreaterThan(0);
    const remove = page.getByTestId('state-0-remove');
    expect(await remove.isDisabled()).toBe(true);
    expect(await remove.getAttribute('aria-label')).toContain('nelze odebrat');
    expect(await page.getByTestId('state-0-code').getAttribute('readonly')).not.toBeNull();
    // Marked disabled yet focusable: the keyboard reaches it (Shift+Tab from the next row) and the reason
    // shows; Enter removes nothing.
    await page.getByTestId('state-1-up').focus();
    await page.keyboard.press('Shift+Tab');
    expect(await remove.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    await page.getByRole('tooltip').filter({ hasText: 'nelze odebrat' }).waitFor();
    await remove.press('Enter');
    expect(await rows.count()).toBe(before);
    await shot(page, 'process-state-in-use');

    // A new state: the code follows the name; waiting, pauses SLA.
    await page.getByTestId('process-add-state').click();
    const i = before;
    await page.getByTestId(`state-${i}-name`).fill('Čeká na díly');
    await expect.poll(() => page.getByTestId(`state-${i}-code`).inputValue()).toBe('ceka_na_dily');
    await choose(page, `state-${i}-category`, 'Čeká');
    await page.getByTestId(`state-${i}-pausesSla`).check();

    // Transitions in the matrix: in progress → waiting for parts → in progress (requires a comment).
    await page.getByTestId('transition-in_progress-ceka_na_dily').check();
    await expect.poll(() => page.getByTestId('transition-name').inputValue()).toBe('Čeká na díly');
    await page.getByTestId('transition-name').fill('Čekat na díly');
    await page.getByTestId('transition-ceka_na_dily-in_progress').check();
    await page.getByTestId('transition-name').fill('Díly dorazily');
    await page.getByTestId('transition-required-comment').click();
    await shot(page, 'process-new-state');

    // Enter in a field saves the process.
    await page.getByTestId(`state-${i}-name`).press('Enter');
    await expect.poll(() => page.getByTestId('process-dirty').getAttribute('data-dirty')).toBe('false');
    await expect.poll(() => page.locator(`[data-testid="state-row-${i}"]`).getAttribute('data-code')).toBe('ceka_na_dily');

    const type = await apiCall<TypeOut>(page, 'GET', `/ticket-types/${typeId}`);
    expect(type.states.find((s) => s.code === 'ceka_na_dily')).toMatchObject({ name: 'Čeká na díly', category: 'waiting', pausesSla: true, isInitial: false });
    expect(type.states.find((s) => s.code === 'new')?.isInitial).toBe(true);
    expect(type.transitions).toEqual(expect.arrayContaining([
      { from: 'in_progress', to: 'ceka_na_dily', name: 'Čekat na díly', requiredFields: [], id: expect.any(Number), fromStateId: expect.any(Number), toStateId: expect.any(Number) },
      { from: 'ceka_na_dily', to: 'in_progress', name: 'Díly dorazily', requiredFields: ['comment'], id: expect.any(Number), fromStateId: expect.any(Number), toStateId: expect.any(Number) },
    ]));
  }, JOURNEY_MS);

  test('SLA: the P3 resolution target of the demo\'s default policy (Standardní); minutes over 59 are kept', async () => {
    const page = await signedInPage();
    await page.getByTestId('nav-sla').click();
    await page.getByTestId('page-sla-policies').waitFor();
    const row = page.locator('[data-testid^="policies-row-"][data-name="Standardní"]');
    const policyId = Number((await row.getAttribute('data-testid'))!.replace('policies-row-', ''));
    await expect.poll(() => page.getByTestId(`policies-${policyId}-P3-resolution`).innerText()).toBe('16 h');

    await page.getByTestId(`policies-edit-${policyId}`).click();
    await page.getByTestId('policy-modal').waitFor();
    await page.getByTestId('policy-P3-resolution-hours').fill('20');
    await page.getByTestId('policy-P3-resolution-minutes').fill('30');
    // 75 minutes are 1 h 15 min, not quietly cut to 59.
    await page.getByTestId('policy-P4-firstResponse-hours').fill('');
    await page.getByTestId('policy-P4-firstResponse-minutes').fill('75');
    await shot(page, 'sla-policy-edit');
    await page.getByTestId('policy-save').click();
    await page.getByTestId('policy-modal').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId(`policies-${policyId}-P3-resolution`).innerText()).toBe('20 h 30 min');

    const policies = await apiCall<{ items: Array<{ id: number; targets: Record<string, { firstResponseMinutes: number | null; resolutionMinutes: number | null }> }> }>(page, 'GET', '/sla-policies');
    const standard = policies.items.find((p) => p.id === policyId)!;
    expect(standard.targets.P3).toEqual({ firstResponseMinutes: 240, resolutionMinutes: 1230 });
    expect(standard.targets.P2).toEqual({ firstResponseMinutes: 60, resolutionMinutes: 480 });
    expect(standard.targets.P4).toMatchObject({ firstResponseMinutes: 75 });
    expect(await page.getByTestId(`policies-${policyId}-P4`).innerText()).toContain('1 h 15 min');

    // A second admin saves the policy while this form is open: the save is refused, not silently
    // written over theirs, and Reload shows what they stored.
    await page.getByTestId(`policies-edit-${policyId}`).click();
    await page.getByTestId('policy-modal').waitFor();
    const { version } = (await apiCall<{ items: Array<{ id: number; version: number }> }>(page, 'GET', '/sla-policies')).items.find((p) => p.id === policyId)!;
    await apiCall(page, 'PATCH', `/sla-policies/${policyId}`, { version, warnAtPercent: 60 });
    await page.getByTestId('policy-warnAtPercent').fill('90');
    await page.getByTestId('policy-save').click();
    const stale = page.getByTestId('policy-stale');
    await stale.waitFor();
    expect(await stale.innerText()).toContain('SLA politiku mezitím uložil někdo jiný');
    await shot(page, 'sla-policy-stale');
    await page.getByTestId('policy-stale-reload').click();
    await stale.waitFor({ state: 'detached' });
    await expect.poll(async () => plain(await page.getByTestId('policy-warnAtPercent').inputValue())).toBe('60');
    await page.getByTestId('policy-warnAtPercent').fill('85');
    await page.getByTestId('policy-save').click();
    await page.getByTestId('policy-modal').waitFor({ state: 'detached' });
    const saved = (await apiCall<{ items: Array<{ id: number; version: number; warnAtPercent: number }> }>(page, 'GET', '/sla-policies')).items.find((p) => p.id === policyId)!;
    expect(saved).toMatchObject({ warnAtPercent: 85, version: version + 2 });
  }, JOURNEY_MS);

  test('mail outbox: no mail server, the waiting message opens with headers and a sandboxed HTML body', async () => {
    const page = await signedInPage();
    await page.getByTestId('nav-mail').click();
    await page.getByTestId('page-mail-outbox').waitFor();
    await page.getByTestId('mail-no-smtp').waitFor();
    const row = page.locator('[data-testid^="outbox-row-"]').filter({ hasText: TICKET_SUBJECT }).first();
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('pending');
    await shot(page, 'mail-outbox');

    await row.click();
    const message = page.getByTestId('mail-message');
    await message.waitFor();
    await expect.poll(() => page.getByTestId('mail-message-id').innerText()).toMatch(/^<.+@.+>$/);
    const frame = page.getByTestId('mail-html');
    expect(await frame.getAttribute('sandbox')).toBe('');
    await expect.poll(async () => (await frame.contentFrame().locator('body').innerText()).length).toBeGreaterThan(20);
    await shot(page, 'mail-message');
    // The mail's ticket is a link to it, not its internal id ("#8") beside the number in the subject.
    const ticketLink = page.getByTestId('mail-ticket-link');
    expect(await ticketLink.innerText()).toBe('Otevřít požadavek');
    expect(await ticketLink.getAttribute('href')).toMatch(/^\/tickets\/\d+$/);
    await page.keyboard.press('Escape');
    await message.waitFor({ state: 'detached' });
  }, JOURNEY_MS);

  test('a failed mail says in Czech why (the server\'s own text kept); a retry someone else already made shows the mail as it is now', async () => {
    const page = await signedInPage();
    await page.goto('/admin/mail/outbox');
    await page.getByTestId('outbox-status-filter').getByText('Selhalo', { exact: true }).click();
    const row = page.locator('[data-testid^="outbox-row-"][data-status="failed"]').first();
    await row.waitFor();
    // The cause in words in the list, not "ESOCKET connect ECONNREFUSED …".
    expect(await row.getByTestId('outbox-error').innerText()).toBe('Poštovní server odmítl spojení');
    // The status badge keeps its whole word.
    expect(await row.locator('[data-status="failed"]').last().innerText()).toBe('SELHALO');
    await row.click();
    const alert = page.getByTestId('mail-last-error');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('KONTOR_SMTP_URL');
    expect(await page.getByTestId('mail-last-error-raw').innerText()).toBe(FAILED_ERROR);
    await shot(page, 'mail-failed-explained');

    // Another administrator sends it again first; this page still offers the retry.
    const id = Number((await row.getAttribute('data-testid'))!.replace('outbox-row-', ''));
    await apiCall(page, 'POST', `/mail/outbox/${id}/retry`);
    await page.getByTestId('mail-retry').click();
    await page.getByText('Znovu lze odeslat jen zprávu, jejíž odeslání selhalo').first().waitFor();
    // The drawer shows the mail as it is now (pending), without a retry that cannot succeed.
    await expect.poll(() => page.getByTestId('mail-message').locator('[data-status]').first().getAttribute('data-status')).toBe('pending');
    expect(await page.getByTestId('mail-retry').count()).toBe(0);
    await page.keyboard.press('Escape');
  }, JOURNEY_MS);

  test('mail templates: an unknown placeholder is named on its field; insert, save, reset to built-in', async () => {
    const page = await signedInPage();
    await page.goto('/admin/mail/templates?key=ticket_resolved&lang=sk');
    const subject = page.getByTestId('template-subject');
    await subject.waitFor();
    await subject.fill('Vyriešené {{ticket.numbr}}');
    await subject.press('Enter');
    await expect.poll(() => subject.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Neznámá proměnná {{ticket.numbr}}', { exact: false }).first().waitFor();
    // The preview box names the problem, instead of asking to fill in what is filled in.
    await expect.poll(() => page.getByTestId('template-preview-problem').innerText()).toContain('{{ticket.numbr}}');
    expect(await page.getByTestId('template-preview').innerText()).not.toContain('Vyplňte předmět a text');
    await shot(page, 'template-unknown-placeholder');

    await subject.fill('Vyriešené: ');
    await page.getByTestId('placeholder-ticket.number').click();
    await expect.poll(() => subject.inputValue()).toBe('Vyriešené: {{ticket.number}}');
    await expect.poll(() => page.getByTestId('template-preview-subject').innerText()).toContain('Vyriešené: T2026-000123');
    await page.getByTestId('template-save').click();
    await expect.poll(() => page.getByTestId('template-overridden').getAttribute('data-overridden')).toBe('true');

    await page.getByTestId('template-reset').click();
    await page.getByTestId('confirm-ok').filter({ visible: true }).click();
    await expect.poll(() => page.getByTestId('template-overridden').getAttribute('data-overridden')).toBe('false');
    expect(await subject.inputValue()).not.toContain('Vyriešené:');
  }, JOURNEY_MS);

  test('mail templates: the preview fills a mail to the client and the SLA escalation from a real ticket, kept across languages, and names a ticket it cannot find', async () => {
    const page = await signedInPage();
    await page.goto('/admin/mail/templates?key=ticket_created&lang=cs');
    const field = page.getByTestId('template-preview-ticket');
    await field.waitFor();
    const { items } = await apiCall<{ items: { number: string; subject: string }[] }>(page, 'GET', '/tickets?limit=1');
    const ticket = items[0]!;
    const previewSubject = page.getByTestId('template-preview-subject');
    const frame = page.getByTestId('template-preview-html');
    const html = frame.contentFrame().locator('body');

    // From the sample to a real ticket the last preview stays as a placeholder until the answer comes, then
    // the answer replaces it. Each mail gets a frame of its own: Chromium drops a second srcdoc set on one
    // frame 10–20 ms after the first, and the frame kept the sample under the real subject.
    await expect.poll(() => html.innerText()).toContain('T2026-000123');
    await frame.evaluate((el) => el.setAttribute('data-shown', 'sample'));
    await field.fill(ticket.number);
    await expect.poll(() => previewSubject.innerText()).toBe(`[${ticket.number}] Přijali jsme váš požadavek: ${ticket.subject}`);
    expect(await page.locator('[data-testid="template-preview-html"][data-shown="sample"]').count()).toBe(0);
    await expect.poll(() => html.innerText()).toContain(`evidujeme ho pod číslem ${ticket.number}.`);

    await field.fill('T2026-999999');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.getByTestId('template-preview-problem').innerText()).toContain('Požadavek T2026-999999 neexistuje');
    // Enter in the ticket field does not save the template.
    await field.press('Enter');

    await field.fill(ticket.number.toLowerCase());
    await expect.poll(() => previewSubject.innerText()).toBe(`[${ticket.number}] Přijali jsme váš požadavek: ${ticket.subject}`);
    expect(await field.getAttribute('aria-invalid')).not.toBe('true');
    await expect.poll(() => html.innerText()).toContain(`evidujeme ho pod číslem ${ticket.number}.`);
    await page.getByTestId('template-preview').scrollIntoViewIfNeeded();
    await shot(page, 'template-preview-ticket');

    // The ticket stays for another template and language; a template about no ticket offers none.
    await page.getByTestId('templates-item-ticket_public_reply').click();
    // The segment's label takes the click (its inner label lies over the language's name).
    await page.locator('label', { has: page.getByTestId('template-lang-en') }).click();
    await expect.poll(() => previewSubject.innerText()).toBe(`[${ticket.number}] New reply to your request: ${ticket.subject}`);
    expect(await field.inputValue()).toBe(ticket.number.toLowerCase());
    // The SLA escalation to staff takes the same ticket: the mail the SLA watcher would send about it now.
    await page.getByTestId('templates-item-sla_escalation').click();
    await expect.poll(() => previewSubject.innerText()).toMatch(/^\[T\d{4}-\d{6}\] SLA (warning|breach): /);
    const escalationSubject = await previewSubject.innerText();
    expect(escalationSubject.startsWith(`[${ticket.number}] SLA `) && escalationSubject.endsWith(`: ${ticket.subject}`), escalationSubject).toBe(true);
    // Polled until the frame holds this ticket's mail (not the sample's T2026-000123).
    await expect.poll(async () => { const text = await html.innerText(); return /Priority: P\d/.test(text) && !text.includes('T2026-000123'); }).toBe(true);
    await page.getByTestId('template-preview').scrollIntoViewIfNeeded();
    await shot(page, 'template-preview-escalation');
    expect(await field.inputValue()).toBe(ticket.number.toLowerCase());
    await page.goto('/admin/mail/templates?key=contract_prepaid_alert&lang=cs');
    await page.getByTestId('template-preview-subject').waitFor();
    expect(await page.getByTestId('template-preview-ticket').count()).toBe(0);
    expect(await page.getByTestId('template-overridden').getAttribute('data-overridden')).toBe('false');
  }, JOURNEY_MS);

  test('at 1400 px: every pricing tab in view, whole priority names in the matrix; the price preview speaks Czech and drops a stale result', async () => {
    const page = await signedInPage({ width: 1400, height: 900 });
    await page.goto('/admin/sla/priorities');
    const cell = page.getByTestId('matrix-high-high');
    await cell.waitFor();
    // The priority's name as tickets give it ("P1 · Kritická"), whole, not cut.
    expect(await cell.inputValue()).toBe('P1 · Kritická');
    expect(await cell.evaluate((el) => { const input = el as unknown as { scrollWidth: number; clientWidth: number }; return input.scrollWidth <= input.clientWidth; })).toBe(true);

    await page.goto('/admin/pricing/lists');
    await page.getByTestId('pricing-tabs').waitFor();
    const tabs = page.locator('[data-testid^="pricing-tabs-"]');
    expect(await tabs.count()).toBeGreaterThan(8);
    for (const tab of await tabs.all()) {
      const box = (await tab.boundingBox())!;
      expect(box.x + box.width, (await tab.getAttribute('data-testid')) ?? '').toBeLessThanOrEqual(1400);
    }
    await shot(page, 'pricing-tabs-1400');

    // The unit-fee list words the stored unit code as the form's pickers do: the demo's call-out is "výjezd", not "visit".
    await page.getByTestId('pricing-tabs-fees').click();
    const fees = page.getByTestId('fees-table');
    await fees.waitFor();
    const feesText = await fees.innerText();
    expect(feesText).toContain('výjezd');
    expect(feesText).not.toMatch(/\bvisit\b/);

    await page.getByTestId('pricing-tabs-preview').click();
    await page.getByTestId('page-price-preview').waitFor();
    await page.getByTestId('preview-by').getByText('Zvolený ceník').click();
    await choose(page, 'preview-list-select', 'Standard 2026 (CZK)');
    await choose(page, 'preview-workType', 'Práce u zákazníka');
    await page.getByTestId('preview-startTime').fill('18:30');
    await page.getByTestId('preview-minutes').fill('100');
    await page.getByTestId('preview-submit').click();
    const why = page.getByTestId('preview-explanation');
    await why.waitFor();
    const words = await why.innerText();
    expect(words).toContain('Ceník „Standard 2026“ (zvolený)');
    expect(words).not.toContain('Price list');
    expect(await page.getByTestId('preview-result').innerText()).not.toContain('Časové pásmo');
    await shot(page, 'price-preview-cs');
    await page.getByTestId('preview-minutes').fill('-5');
    await page.getByTestId('preview-submit').click();
    await page.getByTestId('preview-empty').waitFor();
    expect(await page.getByTestId('preview-result').count()).toBe(0);
  }, JOURNEY_MS);

  test('in Czech: the default process reads Czech and keeps its stored names, a save over another tab\'s is refused; an unpriced preview, a future-only price list and a too big surcharge say nothing false or English', async () => {
    const page = await signedInPage();
    const types = await apiCall<{ items: Array<TypeOut & { id: number }> }>(page, 'GET', '/ticket-types?active=all');
    const serviceRequest = types.items.find((ty) => ty.code === 'service_request')!;
    await page.goto(`/admin/ticket-types/${serviceRequest.id}`);
    await page.getByTestId('state-0-name').waitFor();
    expect(await page.getByTestId('state-0-name').inputValue()).toBe('Nový');
    expect(await page.getByTestId('process-form').innerText()).toContain('Začít řešit');
    expect(await page.getByTestId('process-dirty').getAttribute('data-dirty')).toBe('false');
    // One real change (a comment required to open), saved: the untouched default names stay as stored.
    await page.getByTestId('transition-edit-new-open').click();
    await page.getByTestId('transition-required-comment').click();
    await page.getByTestId('process-save').click();
    await expect.poll(() => page.getByTestId('process-dirty').getAttribute('data-dirty')).toBe('false');
    const saved = await apiCall<TypeOut>(page, 'GET', `/ticket-types/${serviceRequest.id}`);
    expect(saved.states.map((st) => st.name)).toEqual(serviceRequest.states.map((st) => st.name));
    expect(saved.transitions.find((tr) => tr.from === 'new' && tr.to === 'open')).toMatchObject({ name: 'Open', requiredFields: ['comment'] });

    // Two tabs on one process: the later save is refused, and reloading shows the earlier one's change.
    const other = await signedInPage();
    await other.goto(`/admin/ticket-types/${serviceRequest.id}`);
    await other.getByTestId('state-1-name').waitFor();
    await page.getByTestId('state-0-name').fill('Přijatý');
    await page.getByTestId('process-save').click();
    await expect.poll(() => page.getByTestId('process-dirty').getAttribute('data-dirty')).toBe('false');
    await other.getByTestId('state-1-name').fill('Otevřený požadavek');
    await other.getByTestId('process-save').click();
    await expect.poll(() => other.getByTestId('process-error').innerText()).toContain('uložil někdo jiný');
    await other.getByTestId('process-error-reload').click();
    await expect.poll(() => other.getByTestId('state-0-name').inputValue()).toBe('Přijatý');
    expect(await other.getByTestId('state-1-name').inputValue()).toBe('Otevřený');
    await other.close();

    // A record without a work type cannot be priced: the reason in Czech, not the API's English fallback.
    await page.goto('/admin/pricing/preview');
    await page.getByTestId('preview-by').getByText('Zvolený ceník').click();
    await choose(page, 'preview-list-select', 'Standard 2026 (CZK)');
    await page.getByTestId('preview-submit').click();
    const result = page.locator('[data-testid="preview-result"][data-ok="false"]');
    await result.waitFor();
    expect(await result.innerText()).toContain('Záznam práce potřebuje typ práce');
    expect(await result.innerText()).not.toContain('A work record');

    // A list whose only version starts in the future has no version "valid today".
    const list = await apiCall<{ id: number }>(page, 'POST', '/price-lists', { name: 'E2E budoucí', currency: 'CZK' });
    const future = await apiCall<{ id: number }>(page, 'POST', `/price-lists/${list.id}/versions`, { validFrom: '2099-01-01', terms: {} });
    await page.goto(`/admin/pricing/lists/${list.id}`);
    const tab = page.getByTestId(`version-tab-${future.id}`);
    await tab.waitFor();
    expect(await tab.innerText()).not.toContain('platí dnes');

    // A surcharge over the limit is refused on its field, not quietly cut to 1000 %.
    await page.goto('/admin/pricing/lists/1');
    const surcharge = page.getByTestId('terms-surcharge-out_of_hours');
    await surcharge.fill('1500');
    await page.getByTestId('version-save').click();
    await expect.poll(() => surcharge.getAttribute('aria-invalid')).toBe('true');
    expect(await surcharge.inputValue()).toContain('1500');
    const standard = await apiCall<{ versions: Array<{ terms: { surchargePct: Record<string, number> } }> }>(page, 'GET', '/price-lists/1');
    expect(standard.versions[0]!.terms.surchargePct.out_of_hours).toBe(50);
  }, JOURNEY_MS);

  test('pricing: N on every list with a "New" button; a VAT rate refused at its date before the latest one, then added; material prices on a price list', async () => {
    const page = await signedInPage({ width: 1366, height: 900 });
    const help = page.getByTestId('shortcut-help');
    const helpListsN = async (where: string) => {
      await page.keyboard.press('?');
      await help.waitFor();
      expect(await help.getByTestId('shortcut-page-create').locator('kbd').allTextContents(), where).toEqual(['N']);
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'detached' });
    };
    for (const list of [
      { path: '/admin/pricing/lists', button: 'price-lists-new', modal: 'price-list-modal' },
      { path: '/admin/pricing/work-types', button: 'work-types-new', modal: 'work-type-modal' },
      { path: '/admin/pricing/levels', button: 'levels-new', modal: 'level-modal' },
      { path: '/admin/pricing/zones', button: 'zones-new', modal: 'zone-modal' },
      { path: '/admin/pricing/fees', button: 'fees-new', modal: 'unit-fee-modal' },
    ]) {
      await page.goto(list.path);
      await page.getByTestId(list.button).waitFor();
      await helpListsN(list.path);
      await page.keyboard.press('n');
      await page.getByTestId(list.modal).waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId(list.modal).waitFor({ state: 'detached' });
    }
    // A contract opens its form with N as a client does.
    await page.goto('/contracts');
    await page.getByTestId('contracts-new').waitFor();
    await helpListsN('/contracts');
    await page.keyboard.press('n');
    await page.waitForURL('**/contracts/new');

    // A new VAT rate by keyboard: the dialog names the latest rate, and the server's refusals show at the date.
    await page.goto('/admin/pricing/vat');
    await page.locator('[data-testid="vat-new"]:not([disabled])').waitFor();
    await helpListsN('/admin/pricing/vat');
    await page.keyboard.press('n');
    const modal = page.getByTestId('vat-modal');
    await modal.waitFor();
    expect(await page.getByTestId('vat-latest').innerText()).toMatch(/21\s%.*1\. 1\. 2024/);
    await page.getByTestId('vat-percent').fill('23');
    const validFrom = page.getByTestId('vat-validFrom');
    const refusedAt = async (typed: string, text: string) => {
      await typeInto(page, 'vat-validFrom', typed);
      await page.getByTestId('vat-percent').press('Control+Enter');
      await expect.poll(() => validFrom.getAttribute('aria-invalid')).toBe('true');
      expect(await modal.innerText()).toContain(text);
      expect(await page.getByTestId('vat-form-error').count()).toBe(0);
    };
    await refusedAt('1. 1. 2020', 'Začíná před poslední sazbou');
    await shot(page, 'vat-rate-before-latest');
    await refusedAt('1. 1. 2024', 'Od tohoto dne už jedna platí');
    // Typed without spaces, the field then shows the day as the table below does.
    await typeInto(page, 'vat-validFrom', '1.1.2030');
    expect(plain(await validFrom.inputValue())).toBe('1. 1. 2030');
    await page.getByTestId('vat-percent').press('Control+Enter');
    await modal.waitFor({ state: 'detached' });
    const added = page.getByTestId('vat-table').locator('tr').filter({ hasText: '1. 1. 2030' });
    await added.waitFor();
    expect(await added.innerText()).toMatch(/CZ\s+Základní\s+23\s%/);
    await shot(page, 'vat-rate-added');

    // Material prices on the default list: the demo's SSD price with the item's own, one more added and saved
    // with Ctrl+Enter, an item listed twice refused on its row. "Do" sits level with "Od".
    await page.goto('/admin/pricing/lists/1');
    const items = page.getByTestId('terms-items');
    await items.waitFor();
    await expect.poll(() => page.getByTestId('terms-itemPrices-0-itemId').inputValue()).toContain('SSD-1TB');
    await expect.poll(() => page.getByTestId('terms-itemPrices-0-own').innerText()).toContain('Vlastní cena položky');
    const start = (await page.getByTestId('terms-hours-start').boundingBox())!;
    const end = (await page.getByTestId('terms-hours-end').boundingBox())!;
    expect(Math.abs(end.y - start.y)).toBeLessThan(1);
    await page.getByTestId('terms-itemPrices-add').click();
    await page.getByTestId('terms-itemPrices-1-itemId').fill('RAM-16');
    await page.getByRole('option', { name: /Paměť RAM 16 GB/ }).click();
    await expect.poll(() => page.getByTestId('terms-itemPrices-1-itemId').inputValue()).toContain('RAM-16');
    await page.getByTestId('terms-itemPrices-1-priceMinor').fill('1450');
    await page.getByTestId('terms-itemPrices-1-priceMinor').press('Control+Enter');
    await expect.poll(() => page.getByTestId('version-savebar').getAttribute('data-dirty')).toBe('false');
    const saved = await apiCall<{ versions: Array<{ terms: { itemPrices: Array<{ itemId: number; priceMinor: number }> } }> }>(page, 'GET', '/price-lists/1');
    expect(saved.versions[0]!.terms.itemPrices.map((p) => p.priceMinor)).toEqual([1_890_00, 1_450_00]);
    // The saved version is read back and the section drawn anew: scroll to it once it is there again.
    await expect.poll(() => items.scrollIntoViewIfNeeded({ timeout: 1_000 }).then(() => true, () => false), { timeout: STEP_MS }).toBe(true);
    await shot(page, 'price-list-material-prices');

    await page.getByTestId('terms-itemPrices-add').click();
    await page.getByTestId('terms-itemPrices-2-itemId').fill('SSD-1TB');
    await page.getByRole('option', { name: /SSD/ }).first().click();
    await page.getByTestId('terms-itemPrices-2-priceMinor').fill('1');
    await page.getByTestId('version-save').click();
    await expect.poll(() => page.getByTestId('terms-itemPrices-2-error').innerText()).toContain('dvakrát');
    await page.getByTestId('terms-itemPrices-2-remove').click();
    await page.getByTestId('terms-itemPrices-1-remove').click();
    await page.getByTestId('version-save').click();
    await expect.poll(() => page.getByTestId('version-savebar').getAttribute('data-dirty')).toBe('false');
    const back = await apiCall<{ versions: Array<{ terms: { itemPrices: unknown[] } }> }>(page, 'GET', '/price-lists/1');
    expect(back.versions[0]!.terms.itemPrices).toHaveLength(1);
  }, JOURNEY_MS);

  test('the numbering series by their names; the bank account\'s values alone in monospace; a ticket offered only to whom its queue allows', async () => {
    const page = await signedInPage({ width: 1366, height: 900 });
    await page.goto('/admin/numbering');
    const table = page.getByTestId('numbering-table');
    await table.waitFor();
    const names = await table.locator('tbody').innerText();
    expect(names).toContain('Faktury');
    for (const code of ['invoice', 'credit_note', 'issue_slip', 'return_slip', 'stock_count']) expect(names).not.toContain(code);

    await page.goto('/admin/company');
    const account = page.getByTestId('company-bankAccount');
    await account.waitFor();
    // In the browser: the computed font of an element (this file is type-checked without the DOM's types).
    const fontOf = (el: unknown) => (globalThis as unknown as { getComputedStyle(e: unknown): { fontFamily: string } }).getComputedStyle(el).fontFamily;
    expect(await account.evaluate(fontOf)).toMatch(/mono/i);
    expect(await page.locator(`label[for="${await account.getAttribute('id')}"]`).evaluate(fontOf)).not.toMatch(/mono/i);
    // The example account number stays on one line, under the field as the other hints.
    const example = page.getByText('19-2000145399/0800', { exact: true });
    const box = (await example.boundingBox())!;
    expect(box.height).toBeLessThan(24);
    expect(box.y).toBeGreaterThan((await account.boundingBox())!.y);
    await account.scrollIntoViewIfNeeded();
    await shot(page, 'company-bank');

    // The new-ticket page offers the desk's members and those who see every queue; the accountant is not there.
    await page.goto('/tickets/new');
    const assignee = page.getByTestId('ticket-assigneeId');
    await assignee.waitFor();
    await assignee.click();
    await page.getByRole('option', { name: 'Tomáš Technik', exact: true }).waitFor();
    const offered = await page.getByRole('option').allInnerTexts();
    expect(offered.map((o) => o.trim()).sort()).toEqual(['Alena Správcová (Já)', 'Martin Vedoucí', 'Olga Dispečerová', 'Tomáš Technik']);
    expect(await page.getByRole('listbox').innerText()).toContain('Členové fronty');
    await shot(page, 'new-ticket-assignees');
    await page.keyboard.press('Escape');
    const staff = await apiCall<{ items: Array<{ id: number; name: string }> }>(page, 'GET', '/staff');
    const accountant = staff.items.find((u) => u.name === 'Ivana Účetní')!;
    const queues = await apiCall<{ items: Array<{ id: number; code: string }> }>(page, 'GET', '/queues');
    const desk = queues.items.find((q) => q.code === 'service_desk')!;
    const listed = await apiCall<{ items: Array<{ name: string }> }>(page, 'GET', `/tickets/assignees?queueId=${desk.id}`);
    expect(listed.items.map((i) => i.name)).not.toContain(accountant.name);
    // Nor does the server take her as the assignee of a new ticket.
    const clients = await apiCall<{ items: Array<{ id: number }> }>(page, 'GET', '/clients?limit=1');
    const { csrfToken } = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
    const refused = await page.request.post('/api/v1/tickets', {
      headers: { 'x-csrf-token': csrfToken },
      data: { clientId: clients.items[0]!.id, subject: 'E2E: pro účetní', queueId: desk.id, assigneeId: accountant.id },
    });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.details).toMatchObject([{ path: 'assigneeId', code: 'not_assignable' }]);
  }, JOURNEY_MS);
  test('a refusal by the server goes away when the form itself refuses what was changed after it', async () => {
    const page = await signedInPage();
    await page.goto('/admin/queues');
    await page.getByTestId('page-queues').waitFor();
    const { items } = await apiCall<{ items: { code: string }[] }>(page, 'GET', '/queues');
    await page.keyboard.press('n');
    const modal = page.getByTestId('queue-modal');
    await modal.waitFor();
    await page.getByTestId('queue-name').fill('E2E fronta se stejným kódem');
    await page.getByTestId('queue-code').fill(items[0]!.code);
    await page.getByTestId('queue-name').press('Control+Enter');
    const banner = page.getByTestId('queue-form-error');
    await expect.poll(() => banner.count(), { timeout: STEP_MS }).toBe(1);
    await page.getByTestId('queue-code').fill('Fronta s mezerou!');
    await page.getByTestId('queue-name').press('Control+Enter');
    await expect.poll(() => page.getByTestId('queue-code').getAttribute('aria-invalid'), { timeout: STEP_MS }).toBe('true');
    expect(await banner.count()).toBe(0);
  }, JOURNEY_MS);

  test('a day off that is no day ("32. 13. 2026") is said at the field, not passed over; a real one is added', async () => {
    const page = await signedInPage();
    await page.goto('/admin/sla/calendars');
    await page.getByTestId('page-calendars').waitFor();
    await page.locator('[data-testid$="-new"]:not([disabled])').first().click();
    await page.getByTestId('calendar-modal').waitFor();
    const day = page.getByTestId('calendar-day-input');
    await day.fill('32. 13. 2026');
    await day.press('Enter');
    await expect.poll(() => page.getByText('Není to den; pište např. 28. 11. 2026').isVisible(), { timeout: STEP_MS }).toBe(true);
    expect(await page.getByTestId('calendar-days-off').innerText()).toContain('Žádné');
    await day.fill('');
    await day.pressSequentially('31. 12. 2026');
    await day.press('Enter');
    await expect.poll(() => page.getByTestId('calendar-days-off').innerText(), { timeout: STEP_MS }).toContain('31. 12. 2026');
    expect(await page.getByText('Není to den; pište např. 28. 11. 2026').count()).toBe(0);
  }, JOURNEY_MS);

  test('a state change that asks only for a custom field starts in that field, and Ctrl+Enter there makes it', async () => {
    const page = await signedInPage();
    // A type of its own (the default process), whose first step to work asks only for a choice field of the type.
    const type = await apiCall<TypeOut>(page, 'POST', '/ticket-types', { code: 'e2e_serial', name: 'E2E se sériovým číslem' });
    await apiCall(page, 'POST', '/custom-fields', { typeId: type.id, key: 'e2eSerial', label: 'Sériové číslo', kind: 'choice', options: ['SN-1', 'SN-2'] });
    const initial = type.states.find((st) => st.isInitial)!.code;
    const toWork = type.transitions.find((tr) => tr.from === initial && type.states.find((st) => st.code === tr.to)?.category === 'open')!;
    await apiCall(page, 'PUT', `/ticket-types/${type.id}/process`, {
      states: type.states.map(({ code, name, category, pausesSla, isInitial }) => ({ code, name, category, pausesSla, isInitial })),
      transitions: type.transitions.map(({ from, to, name }) => ({ from, to, name, requiredFields: from === toWork.from && to === toWork.to ? ['e2eSerial'] : [] })),
    });
    const clientId = (await apiCall<{ items: Array<{ id: number }> }>(page, 'GET', '/clients?q=Strojírny')).items[0]!.id;
    const requester = (await apiCall<{ items: Array<{ id: number; email: string | null }> }>(page, 'GET', `/clients/${clientId}/contacts`)).items.find((c) => c.email)!;
    const ticket = await apiCall<{ id: number }>(page, 'POST', '/tickets', { subject: 'E2E sériové číslo', clientId, requesterContactId: requester.id, typeCode: 'e2e_serial' });

    await page.goto(`/tickets/${ticket.id}`);
    await page.getByTestId('page-ticket-detail').waitFor();
    await page.getByTestId('ticket-state-menu').click();
    await page.getByTestId(`ticket-transition-${toWork.to}`).click();
    await page.getByTestId('transition-modal').waitFor();
    // The keyboard is in the field asked for, not on the dialog's ×.
    const focused = () => page.evaluate<string | null>('document.activeElement?.getAttribute("data-testid") ?? null');
    await expect.poll(focused, { timeout: STEP_MS }).toBe('transition-custom.e2eSerial');
    await shot(page, 'transition-custom-field-focused');
    // Ctrl+Enter with the field empty: the field says what is missing, nothing moves.
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('transition-custom.e2eSerial-error').waitFor();
    // Enter in a closed list opens it, so the list may be open already.
    const option = page.getByRole('option', { name: 'SN-2', exact: true });
    if (!(await option.isVisible())) await page.getByTestId('transition-custom.e2eSerial').click();
    await option.click();
    await expect.poll(focused, { timeout: STEP_MS }).toBe('transition-custom.e2eSerial');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('transition-modal').waitFor({ state: 'detached' });
    const moved = await apiCall<{ state: { code: string }; custom: Record<string, unknown> }>(page, 'GET', `/tickets/${ticket.id}`);
    expect(moved.state.code).toBe(toWork.to);
    expect(moved.custom.e2eSerial).toBe('SN-2');
  }, JOURNEY_MS);

  test('users: a user deactivated (row menu or edit dialog) leaves the list, and the focus goes to the ⋯ of the row now in their place, then to the search', async () => {
    const page = await signedInPage();
    for (const n of [1, 2, 3]) await apiCall(page, 'POST', '/users', { email: `e2e.odchazi.${n}@kontor.demo`, name: `E2E Odchází ${n}`, language: 'cs', roles: ['technician'] });
    await page.goto('/admin/users');
    await page.getByTestId('page-users').waitFor();
    await page.getByTestId('users-search').fill('E2E Odchází');
    const rows = page.locator('[data-testid^="users-row-"]');
    await expect.poll(() => rows.count(), { timeout: STEP_MS }).toBe(3);
    const [top, middle, bottom] = (await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-testid')!.replace('users-row-', ''))))) as [number, number, number];

    // Deactivated (the list shows active users only): their row goes, the focus to the ⋯ of the row taking its place.
    const fromMenu = async (id: number) => {
      await page.getByTestId(`users-actions-${id}`).click();
      await page.getByTestId('users-action-toggle-active').click();
      const confirm = page.getByTestId('confirm-modal');
      await confirm.waitFor();
      await page.getByTestId('confirm-ok').click();
      await confirm.waitFor({ state: 'detached' });
      await page.getByTestId(`users-row-${id}`).waitFor({ state: 'detached' });
    };
    await fromMenu(top);
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe(`users-actions-${middle}`);
    // Still there once the dialog's own focus return has had its turn: the next key acts on the list.
    await page.waitForTimeout(300);
    expect(await focusedTestId(page)).toBe(`users-actions-${middle}`);

    // The same when "Aktivní" is turned off in the edit dialog.
    await page.getByTestId(`users-actions-${middle}`).click();
    await page.getByTestId('users-action-edit').click();
    const modal = page.getByTestId('user-modal');
    await modal.waitFor();
    await page.getByTestId('user-active').click();
    await page.getByTestId('user-save').click();
    await modal.waitFor({ state: 'detached' });
    await page.getByTestId(`users-row-${middle}`).waitFor({ state: 'detached' });
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe(`users-actions-${bottom}`);

    // The last one gone, the focus goes to the search.
    await fromMenu(bottom);
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('users-search');
  }, JOURNEY_MS);
});
