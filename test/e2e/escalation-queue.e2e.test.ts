// SLA escalation queues in a real browser (harness.ts: the demo data, the built web app,
// chromium): a queue that a policy escalates to cannot be deactivated, and the dialog says
// which policies; the policy dialog offers only active queues and marks an inactive one
// the policy already has, as the policies table does.
//
//   npm run build:web && npx vitest run test/e2e/escalation-queue.e2e.test.ts
import { describe, expect, test } from 'vitest';
import { systemContext } from '../../src/modules/identity/index.ts';
import { useDemoServer } from './harness.ts';

const ADMIN = 'admin@kontor.demo';
const ids = { network: 0, old: 0, standard: 0, standardSk: 0 };

const demo = useDemoServer({
  name: 'escalation-queue',
  config: { smtpUrl: '' },
  seed: async (services, db) => {
    const queues = services.helpdesk.queues;
    ids.network = (await queues.createQueue(systemContext, { code: 'network', name: 'Síťová podpora', leadUserId: null, members: [], active: true })).id;
    ids.old = (await queues.createQueue(systemContext, { code: 'old_desk', name: 'Stará fronta', leadUserId: null, members: [], active: true })).id;
    const policy = (name: string) => db.selectFrom('sla_policies').select('id').where('name', '=', name).executeTakeFirstOrThrow();
    ids.standard = (await policy('Standardní')).id;
    ids.standardSk = (await policy('Standardní SK')).id;
    await db.updateTable('sla_policies').set({ escalate_to_queue_id: ids.network }).where('id', '=', ids.standard).execute();
    // From before Kontor refused it: a policy escalating to a queue deactivated since.
    await db.updateTable('sla_policies').set({ escalate_to_queue_id: ids.old }).where('id', '=', ids.standardSk).execute();
    await db.updateTable('queues').set({ active: 0 }).where('id', '=', ids.old).execute();
  },
});

describe('SLA escalation queues in the browser', () => {
  test('deactivating the queue a policy escalates to is refused, naming the policy; the policy dialog and table mark an inactive target', async () => {
    const page = await demo.newPage({ context: { viewport: { width: 1280, height: 900 } } });
    await demo.signIn(page, ADMIN);

    await page.goto('/admin/queues');
    await page.getByTestId(`queues-edit-${ids.network}`).click();
    await page.getByTestId('queue-modal').waitFor();
    await page.getByTestId('queue-active').click({ force: true });
    await page.getByTestId('queue-save').click();
    const alert = page.getByTestId('queue-form-error');
    await expect.poll(() => alert.innerText()).toContain('Fronta je cílem eskalace politik: Standardní. Nejdřív u nich eskalaci změňte.');
    await demo.shot(page, 'queue-deactivate-refused');

    await page.goto('/admin/sla/policies');
    await page.getByTestId('page-sla-policies').waitFor();
    await expect.poll(() => page.getByTestId(`policies-${ids.standardSk}-escalation`).innerText()).toBe('Stará fronta (neaktivní)');
    expect(await page.getByTestId(`policies-${ids.standard}-escalation`).innerText()).toBe('Síťová podpora');
    await demo.shot(page, 'policies-inactive-target');

    // The policy with the inactive queue still shows it, marked; the choice offers only active queues.
    await page.getByTestId(`policies-edit-${ids.standardSk}`).click();
    await page.getByTestId('policy-modal').waitFor();
    expect(await page.getByTestId('policy-escalateToQueueId').inputValue()).toBe('Stará fronta (neaktivní)');
    await page.getByTestId('policy-escalateToQueueId').click();
    const options = await page.getByRole('option').allInnerTexts();
    expect(options).toContain('Síťová podpora');
    expect(options).toContain('Stará fronta (neaktivní)');
    await demo.shot(page, 'policy-escalation-picker');

    // Another policy's picker does not offer the inactive queue at all.
    await page.goto('/admin/sla/policies');
    await page.getByTestId('page-sla-policies').waitFor();
    await page.getByTestId(`policies-edit-${ids.standard}`).click();
    await page.getByTestId('policy-modal').waitFor();
    await page.getByTestId('policy-escalateToQueueId').click();
    const offered = await page.getByRole('option').allInnerTexts();
    expect(offered).toContain('Síťová podpora');
    expect(offered.some((o) => o.startsWith('Stará fronta'))).toBe(false);
  }, 60_000);
});
