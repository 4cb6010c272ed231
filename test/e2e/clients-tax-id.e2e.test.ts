// A Slovak client's DIČ in the browser: the client form shows a DIČ field beside the
// IČ DPH once the country is Slovakia (a Czech client keeps its one DIČ field), a bad
// DIČ is refused on that field in the user's language with the cursor put there (as is a
// missing name, before anything is sent), and the detail shows both.
import { describe, expect, test } from 'vitest';
import { useDemoServer } from './harness.ts';

const STEP_MS = 10_000;
const JOURNEY_MS = 45_000;
const demo = useDemoServer({ name: 'clients-tax-id', stepMs: STEP_MS });

describe("a Slovak client's DIČ in the browser", () => {
  test('new Slovak client: IČ DPH and DIČ, a DIČ with its SK prefix refused on the field, the detail shows both', async () => {
    const page = await demo.newPage();
    await page.goto('/');
    await demo.signIn(page, 'admin@kontor.demo');
    await page.getByTestId('user-menu').waitFor();
    await page.goto('/clients/new');
    await page.getByTestId('client-form').waitFor();
    const focusedTestId = () => page.evaluate('document.activeElement && document.activeElement.getAttribute("data-testid")') as Promise<string | null>;

    // A Czech client (the default): the VAT id is labelled DIČ, no second field.
    const labelOf = (testId: string) => page.getByTestId(testId).evaluate((input) => (input as unknown as { labels: ArrayLike<{ textContent: string | null }> | null }).labels?.[0]?.textContent?.trim() ?? '');
    expect(await labelOf('client-vatId')).toBe('DIČ');
    expect(await page.getByTestId('client-taxId').count()).toBe(0);

    // Saved without a name: the form's own check says so under the field and the cursor goes there.
    await page.getByTestId('client-save').click();
    await page.getByTestId('client-name-error').waitFor();
    await expect.poll(focusedTestId, { timeout: STEP_MS }).toBe('client-name');

    await page.getByTestId('client-name').fill('Ďatelinka E2E s.r.o.');
    await page.getByTestId('client-country').click();
    await page.getByTestId('client-country').fill('Slovensko');
    await page.getByRole('option', { name: 'Slovensko (SK)', exact: true }).click();
    await page.getByTestId('client-taxId').waitFor();
    expect(await labelOf('client-vatId')).toBe('IČ DPH');
    expect(await labelOf('client-taxId')).toBe('DIČ');

    await page.getByTestId('client-companyId').fill('35697270');
    await page.getByTestId('client-vatId').fill('SK2020317068');
    await page.getByTestId('client-taxId').fill('SK2020317068');
    await page.getByTestId('client-save').click();
    const taxIdError = page.getByTestId('client-taxId-error');
    await taxIdError.waitFor();
    expect(await taxIdError.textContent()).toBe('Slovenské DIČ má 10 číslic');
    await expect.poll(focusedTestId, { timeout: STEP_MS }).toBe('client-taxId');
    expect(page.url()).toMatch(/\/clients\/new$/);
    await demo.shot(page, 'client-sk-bad-dic');

    await page.getByTestId('client-taxId').fill('2020 317 068');
    await page.getByTestId('client-save').click();
    await page.getByTestId('page-client-detail').waitFor();
    await expect.poll(() => page.getByTestId('client-detail-taxId').textContent(), { timeout: STEP_MS }).toBe('2020317068');
    expect(await page.getByTestId('client-detail-vatId').textContent()).toBe('SK2020317068');
    await demo.shot(page, 'client-sk-detail');
  }, JOURNEY_MS);
});
