// Administration in a real browser (set up as admin.e2e.test.ts): a calendar lists its
// countries' public holidays and hints at an own day off that is one already; a queue
// name taken in other letter case is refused at the field; an SLA target of 2 h 75 min
// and an over-long name are refused at their fields, saying the limit.
//
//   npm run build:web && npx vitest run test/e2e/admin-names-holidays.e2e.test.ts
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { typeInto, useDemoServer } from './harness.ts';

const ADMIN = 'admin@kontor.demo';
const STEP_MS = 10_000;
const JOURNEY_MS = 60_000;

const demo = useDemoServer({ name: 'admin-names-holidays', stepMs: STEP_MS, config: { smtpUrl: '' } });
const { shot } = demo;

async function signedInPage(): Promise<Page> {
  const page = await demo.newPage({ context: { viewport: { width: 1280, height: 900 } } });
  await demo.signIn(page, ADMIN);
  return page;
}

describe('Administration: holidays, names and limits in the browser', () => {
  test('a calendar lists its public holidays of this year and next, and hints at an own day off that is one', async () => {
    const page = await signedInPage();
    await page.goto('/admin/sla/calendars');
    await page.getByTestId('page-calendars').waitFor();
    await page.locator('[data-testid^="calendars-edit-"]').first().click();
    await page.getByTestId('calendar-modal').waitFor();
    await page.getByTestId('calendar-public-holidays-CZ').click();
    const year = new Date().getFullYear();
    const next = page.getByTestId(`calendar-public-holidays-CZ-${year + 1}`);
    await next.waitFor();
    await expect.poll(() => next.innerText(), { timeout: STEP_MS }).toContain('Velikonoční pondělí');
    if (year + 1 === 2027) expect(await next.innerText()).toContain('29. 3. 2027');
    expect(await page.getByTestId(`calendar-public-holidays-CZ-${year}`).innerText()).toContain('Štědrý den');

    const day = page.getByTestId('calendar-day-input');
    await day.pressSequentially('29. 3. 2027');
    await day.press('Enter');
    await expect.poll(() => page.getByTestId('calendar-day-hints').innerText(), { timeout: STEP_MS }).toContain(
      '29. 3. 2027 je už státní svátek (Velikonoční pondělí)',
    );
    await day.pressSequentially('3. 4. 2027');
    await day.press('Enter');
    await expect.poll(() => page.getByTestId('calendar-day-hints').innerText(), { timeout: STEP_MS }).toContain(
      'Sobota 3. 4. 2027: podle provozní doby je v tento den zavřeno.',
    );
    await shot(page, 'calendar-holidays-and-hints');
  }, JOURNEY_MS);

  test('a queue name taken in other letter case is refused at the name field', async () => {
    const page = await signedInPage();
    await page.goto('/admin/queues');
    await page.getByTestId('page-queues').waitFor();
    await page.locator('[data-testid$="-new"]:not([disabled])').first().click();
    await page.getByTestId('queue-modal').waitFor();
    await typeInto(page, 'queue-name', 'SERVISNÍ PRACOVIŠTĚ');
    await typeInto(page, 'queue-code', 'sd2');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('queue-modal').innerText(), { timeout: STEP_MS }).toContain('Název „SERVISNÍ PRACOVIŠTĚ“ už je použitý');
    expect(await page.getByTestId('queue-modal').innerText()).toContain('Už se používá');
    await shot(page, 'queue-name-taken');
  }, JOURNEY_MS);

  test('an SLA target of 2 h 75 min, a warning at 150 % and a 201-character name are refused at their fields', async () => {
    const page = await signedInPage();
    await page.goto('/admin/sla/policies');
    await page.getByTestId('page-sla-policies').waitFor();
    await page.locator('[data-testid$="-new"]:not([disabled])').first().click();
    await page.getByTestId('policy-modal').waitFor();
    await typeInto(page, 'policy-name', 'E2E politika');
    await typeInto(page, 'policy-P1-resolution-hours', '2');
    await typeInto(page, 'policy-P1-resolution-minutes', '75');
    await typeInto(page, 'policy-warnAtPercent', '150');
    await page.keyboard.press('Control+Enter');
    const modal = page.getByTestId('policy-modal');
    await expect.poll(() => modal.innerText(), { timeout: STEP_MS }).toContain('Nejvýše 59 min');
    expect(await modal.innerText()).toContain('Zadejte 1–99 %');
    await shot(page, 'policy-minutes-and-percent');

    await typeInto(page, 'policy-P1-resolution-minutes', '15');
    await typeInto(page, 'policy-warnAtPercent', '80');
    await page.getByTestId('policy-name').fill('Z'.repeat(201));
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => modal.innerText(), { timeout: STEP_MS }).toContain('Nejvýše 200 znaků');
    await shot(page, 'policy-name-limit');
  }, JOURNEY_MS);
});
