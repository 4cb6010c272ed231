// A watching colleague's mail in a real browser against a real server (set up like
// admin.e2e.test.ts): an internal note on a ticket a colleague watches lands in the outbox
// for that colleague alone, and the template's preview fills from the ticket's latest change,
// or says that a ticket has none yet.
//
//   npm run build:web && npx vitest run test/e2e/colleague-mail.e2e.test.ts
import { describe, expect, test } from 'vitest';
import { apiCall, useDemoServer } from './harness.ts';

const STEP_MS = 10_000;
const JOURNEY_MS = 60_000;
const demo = useDemoServer({ name: 'colleague-mail', stepMs: STEP_MS, config: { smtpUrl: '' } });

describe('Mail to watching colleagues in the browser', () => {
  test('an internal note reaches the watching colleague, and the template previews it from the ticket', async () => {
    const page = await demo.newPage({ context: { viewport: { width: 1280, height: 900 } } });
    await demo.signIn(page, 'admin@kontor.demo');
    const { items: clients } = await apiCall<{ items: { id: number }[] }>(page, 'GET', '/clients?limit=1');
    const { items: users } = await apiCall<{ items: { id: number; email: string }[] }>(page, 'GET', '/users?limit=200');
    const manager = users.find((u) => u.email === 'manager@kontor.demo')!;
    const ticket = await apiCall<{ id: number; number: string }>(page, 'POST', '/tickets', {
      clientId: clients[0]!.id, subject: 'E2E: novinka pro kolegu', impact: 'low', urgency: 'low', watcherUserIds: [manager.id],
    });

    // A ticket with no change yet: the preview says so at the ticket field.
    await page.goto('/admin/mail/templates?key=ticket_colleague_update&lang=cs');
    const field = page.getByTestId('template-preview-ticket');
    await field.waitFor();
    await field.fill(ticket.number);
    await expect.poll(() => page.getByTestId('template-preview-problem').innerText()).toContain(`Požadavek ${ticket.number} zatím nemá odpověď, poznámku ani změnu`);

    await apiCall(page, 'POST', `/tickets/${ticket.id}/comments`, { body: 'Klient má dluh, nejdřív zavolat účtárně.', visibility: 'internal' });
    const outbox = await apiCall<{ items: { to: { email: string }[]; templateKey: string | null; ticketId: number | null }[] }>(page, 'GET', '/mail/outbox?limit=50');
    const sent = outbox.items.filter((m) => m.ticketId === ticket.id);
    expect(sent.map((m) => [m.templateKey, m.to.map((r) => r.email).join()])).toEqual([['ticket_colleague_update', 'manager@kontor.demo']]);

    // The preview is that mail.
    await page.goto('/admin/mail/templates?key=ticket_colleague_update&lang=cs');
    await field.waitFor();
    await field.fill(ticket.number);
    const subject = page.getByTestId('template-preview-subject');
    await expect.poll(() => subject.innerText()).toBe(`[${ticket.number}] Interní poznámka: E2E: novinka pro kolegu`);
    const html = page.getByTestId('template-preview-html').contentFrame().locator('body');
    await expect.poll(() => html.innerText(), { timeout: STEP_MS }).toContain('Klient má dluh, nejdřív zavolat účtárně.');
    expect(await html.innerText()).toContain('interní poznámka (klient ji nevidí).');
    await page.getByTestId('template-preview').scrollIntoViewIfNeeded();
    await demo.shot(page, 'colleague-update-preview');
  }, JOURNEY_MS);
});
