// Administration of people in a real browser against a real server, set up like
// admin.e2e.test.ts (useDemoServer: a fresh SQLite file seeded like `kontor demo`,
// the built web app, chromium via playwright-core): a client contact created from
// the Users screen needs its client, the role choices speak Czech, your own row
// offers no deactivation and another user's asks first (from the ⋯ menu and from the edit dialog, with what
// becomes of their open tickets, and whom they may be handed to), a new API token's secret
// stays on screen until its button is pressed, and the audit
// log names its records and actions in Czech words with filters by them, and a mail
// template with unsaved text is not dropped by picking another one.
//
//   npm run build:web && KONTOR_TEST_CHROMIUM=/usr/bin/chromium npx vitest run test/e2e/people.e2e.test.ts
import { describe, expect, test } from 'vitest';
import { useDemoServer } from './harness.ts';

const STEP_MS = 10_000;
const JOURNEY_MS = 60_000;

const demo = useDemoServer({ name: 'people', stepMs: STEP_MS });
const { shot } = demo;

describe('Administration of people in the browser', () => {
  test('users: a client contact is created with its client; role hints are words, not permission codes', async () => {
    const page = await demo.newPage({ context: { viewport: { width: 1280, height: 900 } } });
    await demo.signIn(page, 'admin@kontor.demo');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('page-users').waitFor();
    await page.getByTestId('users-new').click();
    const modal = page.getByTestId('user-modal');
    await modal.waitFor();
    expect(await modal.innerText()).not.toContain('users.manage');

    await page.getByTestId('user-email').fill('e2e.kontakt@kontor.demo');
    await page.getByTestId('user-name').fill('E2E Kontakt');
    await page.getByTestId('user-role-client_contact').check();
    await page.getByTestId('user-password').fill('Dlouhe-heslo-e2e-2026');
    await page.getByTestId('user-save').click();
    // The client is asked for on its own field, before anything is sent.
    await expect.poll(() => modal.innerText()).toContain('Povinný údaj');
    await shot(page, 'client-contact-needs-client');

    const picker = page.getByTestId('user-client');
    await picker.click();
    await picker.fill('Strojírny');
    await page.getByRole('option', { name: /^Strojírny/ }).click();
    await page.getByTestId('user-save').click();
    await modal.waitFor({ state: 'detached' });
    const row = page.locator('[data-testid^="users-row-"]').filter({ hasText: 'e2e.kontakt@kontor.demo' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/kontakt klienta/i);
    // The list says whose contact it is, with the way to the client.
    await expect.poll(() => row.getByTestId('users-client').innerText()).toMatch(/^Strojírny/);
    expect(await row.getByTestId('users-client').getAttribute('href')).toMatch(/^\/clients\/\d+$/);

    // Your own row offers no deactivation (it would sign you out for good); another user's asks first.
    const own = page.locator('[data-testid^="users-row-"]').filter({ hasText: 'admin@kontor.demo' });
    await own.locator('[data-testid^="users-actions-"]').click();
    await page.getByTestId('users-action-edit').waitFor();
    expect(await page.getByTestId('users-action-toggle-active').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('users-action-edit').waitFor({ state: 'detached' });
    await row.locator('[data-testid^="users-actions-"]').click();
    await page.getByTestId('users-action-toggle-active').click();
    const confirm = page.getByTestId('confirm-modal');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('E2E Kontakt se už nebude moct přihlásit');
    await shot(page, 'user-deactivate-confirm');
    await confirm.getByRole('button', { name: 'Zrušit' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await row.innerText()).toMatch(/aktivní/i);
    await row.locator('[data-testid^="users-actions-"]').click();
    await page.getByTestId('users-action-toggle-active').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByText('E2E Kontakt se už nemůže přihlásit.').waitFor();
  }, JOURNEY_MS);

  test('API token: the secret shown once stays until "I have copied it" (no Escape, no outside click)', async () => {
    const page = await demo.newPage({ context: { viewport: { width: 1280, height: 900 } } });
    await demo.signIn(page, 'admin@kontor.demo');
    await page.goto('/account/tokens');
    await page.getByTestId('tokens-new').click();
    await page.getByTestId('token-name').fill('E2E skript');
    await page.getByTestId('token-create').click();
    const secret = page.getByTestId('token-secret');
    await secret.waitFor();
    await page.keyboard.press('Escape');
    await page.mouse.click(5, 5);
    await page.waitForTimeout(300);
    expect(await secret.isVisible()).toBe(true);
    await page.getByTestId('token-done').click();
    await page.getByTestId('token-modal').waitFor({ state: 'detached' });
  }, JOURNEY_MS);

  test('audit log: records and actions in Czech words, filtered by them', async () => {
    const page = await demo.newPage({ context: { viewport: { width: 1280, height: 900 } } });
    await demo.signIn(page, 'admin@kontor.demo');
    await page.goto('/admin/audit');
    await page.getByTestId('page-audit').waitFor();
    await page.getByTestId('audit-filter-entity').click();
    await page.getByRole('option', { name: 'Výkaz práce', exact: true }).click();
    await page.getByTestId('audit-filter-action').click();
    await page.getByRole('option', { name: 'schváleno', exact: true }).click();
    await expect.poll(() => page.url()).toContain('entity=record');
    await expect.poll(() => page.url()).toContain('action=approve');
    const first = page.locator('[data-testid^="audit-row-"]').first();
    await first.waitFor();
    const text = await page.getByTestId('audit-table').innerText();
    expect(text).toContain('Výkaz práce');
    expect(text.toLowerCase()).toContain('schváleno');
    expect(text).not.toMatch(/\brecord\b|APPROVE/);
    await shot(page, 'audit-filtered-czech');

    // A link with a date that cannot be: the log still shows, and says which filter it left out.
    await page.goto('/admin/audit?entity=record&from=2026-13-45');
    await expect.poll(() => page.getByTestId('audit-ignored-filters').innerText()).toContain('Období');
    await page.locator('[data-testid^="audit-row-"]').first().waitFor();
  }, JOURNEY_MS);

  test('mail templates: another template or language with unsaved text asks first; cancel keeps the text', async () => {
    const page = await demo.newPage({ context: { viewport: { width: 1280, height: 900 } } });
    await demo.signIn(page, 'admin@kontor.demo');
    await page.goto('/admin/mail/templates?key=ticket_created&lang=cs');
    const body = page.getByTestId('template-body');
    await body.waitFor();
    const edited = `${await body.inputValue()}\nNeuložená věta.`;
    await body.fill(edited);

    await page.getByTestId('templates-item-ticket_resolved').click();
    const confirm = page.getByTestId('confirm-modal');
    await confirm.waitFor();
    await shot(page, 'template-unsaved-confirm');
    await confirm.getByRole('button', { name: 'Zrušit' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(page.url()).toContain('key=ticket_created');
    expect(await body.inputValue()).toBe(edited);

    await page.getByTestId('templates-item-ticket_resolved').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.url()).toContain('key=ticket_resolved');
    await expect.poll(() => page.getByTestId('template-editor').getAttribute('data-key')).toBe('ticket_resolved');
  }, JOURNEY_MS);

  test('deactivating a user names their open tickets: kept ones show the assignee as inactive, returned ones wait unassigned', async () => {
    const page = await demo.newPage({ context: { viewport: { width: 1280, height: 900 } } });
    await demo.signIn(page, 'admin@kontor.demo');
    const deactivate = async (email: string) => {
      await page.goto('/admin/users');
      const row = page.locator('[data-testid^="users-row-"]').filter({ hasText: email });
      await row.locator('[data-testid^="users-actions-"]').click();
      await page.getByTestId('users-action-toggle-active').click();
      const confirm = page.getByTestId('confirm-modal');
      await expect.poll(() => confirm.getByTestId('deactivate-open-tickets').innerText()).toContain('Otevřené požadavky přiřazené uživateli');
      return confirm;
    };
    const ticketRow = (subject: string) => page.locator('[data-testid^="tickets-row-"]').filter({ hasText: subject });

    // The technician's printer ticket: named by number, "return" offered first; kept here.
    const confirm = await deactivate('technician@kontor.demo');
    const text = await confirm.innerText();
    expect(text).toContain('Otevřené požadavky přiřazené uživateli Tomáš Technik: 1');
    expect(text).not.toContain('Přiřazené požadavky a záznamy zůstanou');
    expect(await confirm.getByTestId('deactivate-open-ticket-numbers').innerText()).toMatch(/^T\d{4}-\d{6}$/);
    expect(await confirm.getByRole('radio', { name: 'Vrátit je do jejich front (nepřiřazené)' }).isChecked()).toBe(true);
    await shot(page, 'user-deactivate-open-tickets');
    // Handing them over asks for the colleague first, and offers only those the ticket's queue allows, never the one leaving.
    await confirm.getByRole('radio', { name: 'Předat kolegovi' }).check();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => confirm.innerText()).toContain('Vyberte kolegu, kterému požadavky předat');
    await confirm.getByTestId('deactivate-colleague').click();
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toContain('Martin Vedoucí');
    expect(await page.getByRole('option').allInnerTexts()).not.toContain('Tomáš Technik');
    await shot(page, 'user-deactivate-hand-to');
    await page.getByRole('option', { name: 'Martin Vedoucí' }).click();
    await confirm.getByRole('radio', { name: 'Nechat přiřazené' }).check();
    await page.getByTestId('confirm-ok').click();
    await page.getByText('Tomáš Technik se už nemůže přihlásit.').waitFor();

    await page.goto('/tickets');
    const printer = ticketRow('Tiskárna v účtárně netiskne');
    await expect.poll(() => printer.locator('[data-testid^="tickets-assignee-"]').innerText()).toBe('Tomáš Technik (neaktivní)');
    await printer.locator('a').first().click();
    await expect.poll(() => page.getByTestId('ticket-assignee').innerText()).toContain('Tomáš Technik (neaktivní)');
    await page.goto('/admin/queues');
    await expect.poll(() => page.getByTestId('queues-table').innerText()).toContain('Tomáš Technik (neaktivní)');
    await shot(page, 'queue-inactive-member');

    // The operator's waiting VPN ticket goes back to its queue, unassigned (the default), here from the edit
    // dialog: turning "Aktivní" off there asks the same question before the save.
    await page.goto('/admin/users');
    await page.locator('[data-testid^="users-row-"]').filter({ hasText: 'operator@kontor.demo' }).locator('[data-testid^="users-actions-"]').click();
    await page.getByTestId('users-action-edit').click();
    const modal = page.getByTestId('user-modal');
    expect(await modal.getByTestId('deactivate-open-tickets').count()).toBe(0);
    await page.getByTestId('user-active').uncheck();
    await expect.poll(() => modal.getByTestId('deactivate-open-tickets').innerText()).toContain('Otevřené požadavky přiřazené uživateli');
    expect(await modal.getByRole('radio', { name: 'Vrátit je do jejich front (nepřiřazené)' }).isChecked()).toBe(true);
    await shot(page, 'user-edit-deactivate-open-tickets');
    await page.getByTestId('user-save').click();
    await page.getByText('Jeho otevřené požadavky jsou zpět ve svých frontách jako nepřiřazené.', { exact: false }).waitFor();
    await page.goto('/tickets');
    await expect.poll(() => ticketRow('VPN spojenie padá každú hodinu').locator('[data-testid^="tickets-assignee-"]').innerText()).toBe('Nepřiřazeno');
  }, JOURNEY_MS);
});
