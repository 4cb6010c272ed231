// Company settings and the audit log with bad input, in the browser: every wrong field of the
// company form is named in one answer, the default country of new clients is the country a
// new client starts with, and the audit log reads days, times and settings as people say
// them and says at the field when its record ID is no ID.
import { describe, expect, test } from 'vitest';
import { apiCall, plain, useDemoServer } from './harness.ts';

const STEP_MS = 10_000;
const JOURNEY_MS = 60_000;
const demo = useDemoServer({ name: 'company-audit', stepMs: STEP_MS });

describe('company settings and the audit log in the browser', () => {
  test('all wrong company fields at once; new clients start in the default country', async () => {
    const page = await demo.newPage();
    await page.goto('/');
    await demo.signIn(page, 'admin@kontor.demo');
    await page.getByTestId('user-menu').waitFor();
    await page.goto('/admin/company');
    await page.getByTestId('company-form').waitFor();

    // A wrong IČO beside a wrong country and PSČ: all three named on the first save.
    await page.getByTestId('company-companyId').fill('12345678');
    await page.getByTestId('company-country').fill('XX');
    await page.getByTestId('company-postalCode').fill('-110 00');
    await page.getByTestId('company-save').click();
    await expect.poll(async () => plain(await page.getByTestId('company-form').innerText()), { timeout: STEP_MS }).toContain('Neplatné IČO (nesouhlasí kontrolní číslice)');
    const messages = plain(await page.getByTestId('company-form').innerText());
    expect(messages).toContain('Neplatné IČO (nesouhlasí kontrolní číslice)');
    expect(messages).toContain('Neznámá země');
    expect(messages).toContain('PSČ má pět číslic, např. 120 00');
    await demo.shot(page, 'company-all-errors');
    await page.reload();
    await page.getByTestId('company-form').waitFor();

    // The default country is picked from the client form's countries.
    await page.getByTestId('company-defaultCountry').click();
    await page.getByTestId('company-defaultCountry').fill('Slovensko');
    await page.getByRole('option', { name: 'Slovensko (SK)', exact: true }).click();
    await page.getByTestId('company-save').click();
    await expect.poll(async () => (await apiCall<{ defaultCountry: string }>(page, 'GET', '/settings/company')).defaultCountry, { timeout: STEP_MS }).toBe('SK');

    await page.goto('/clients/new');
    await page.getByTestId('client-form').waitFor();
    await expect.poll(() => page.getByTestId('client-country').inputValue(), { timeout: STEP_MS }).toBe('Slovensko (SK)');
    expect(await page.getByTestId('client-currency').inputValue()).toMatch(/^EUR/);
    await demo.shot(page, 'client-new-in-default-country');
  }, JOURNEY_MS);

  test('audit: an ID typed wrong is said at the field; days, times and settings read as people say them', async () => {
    const page = await demo.newPage();
    await page.goto('/');
    await demo.signIn(page, 'admin@kontor.demo');
    await page.getByTestId('user-menu').waitFor();
    const calendar = await apiCall<{ id: number; version: number }>(page, 'POST', '/calendars', { name: 'E2E kalendář se svátky', timeZone: 'Europe/Prague', weekly: { 1: [{ start: '08:00', end: '16:00' }] } });
    await apiCall(page, 'PATCH', `/calendars/${calendar.id}`, { extraDaysOff: ['2026-12-31', '2027-03-29'], version: calendar.version });
    const prefix = await apiCall<{ prefix: string }>(page, 'GET', '/ticket-number-prefix');
    await apiCall(page, 'PUT', '/ticket-number-prefix', { prefix: prefix.prefix });

    await page.goto(`/admin/audit?entity=calendar&entityId=${calendar.id}&action=update`);
    const row = page.locator('[data-testid^="audit-row-"][data-entity="calendar"][data-action="update"]').first();
    await row.waitFor();
    await row.click();
    const diff = page.locator('[data-testid^="audit-diff-"]');
    await diff.waitFor();
    const text = plain(await diff.innerText());
    expect(text).toContain('31. 12. 2026, 29. 3. 2027');
    expect(text).not.toContain('2026-12-31');
    // The time of the last change and the version are not among what changed.
    expect(await diff.locator('td[data-path="updatedAt"]').count()).toBe(0);
    expect(await diff.locator('td[data-path="version"]').count()).toBe(0);
    await demo.shot(page, 'audit-days-off');

    // Typed into the field, a wrong ID is said there; the address keeps no such filter.
    await page.getByTestId('audit-filter-entity-id').fill('-5');
    await expect.poll(() => page.getByText('ID záznamu musí být kladné celé číslo').count(), { timeout: STEP_MS }).toBe(1);
    await page.waitForTimeout(600);
    expect(await page.getByTestId('audit-ignored-filters').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('entityId')).toBe(String(calendar.id));
    await demo.shot(page, 'audit-id-typed-wrong');

    await page.goto('/admin/audit?entity=setting');
    const setting = page.locator('[data-testid^="audit-row-"][data-entity="setting"]').first();
    await setting.waitFor();
    expect(plain(await setting.innerText())).toContain('Nastavení Předpona čísel požadavků');
  }, JOURNEY_MS);
});
