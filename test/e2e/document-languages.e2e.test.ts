// Names and footer per document language in a real browser against a real server seeded
// like `kontor demo` (the demo's work types have Slovak and English names, the company a
// Slovak and an English footer).
//
//   npm run build:web && npx vitest run test/e2e/document-languages.e2e.test.ts
//   (or KONTOR_WEB_DIR=<a private build> when others rebuild dist/web)
//
// The administrator opens a work type: its names on Czech, Slovak and English documents are
// there to change; a changed Slovak name and a cleared English one are saved (the edit sends
// only what the API takes). Company settings show a footer per language beside the default.
import { describe, expect, test } from 'vitest';
import { apiCall, useDemoServer } from './harness.ts';

const STEP_MS = 10_000;
const JOURNEY_MS = 60_000;

const demo = useDemoServer({ name: 'document-languages', stepMs: STEP_MS });

interface WorkTypeOut { id: number; code: string; name: string; nameCs: string | null; nameSk: string | null; nameEn: string | null }

describe('Documents in the client language: the forms', () => {
  test("a work type's names per language and the company's footers per language are edited in the administration", async () => {
    const page = await demo.newPage({ context: { viewport: { width: 1280, height: 900 } } });
    await demo.signIn(page, 'admin@kontor.demo');
    const remote = (await apiCall<{ items: WorkTypeOut[] }>(page, 'GET', '/work-types')).items.find((w) => w.code === 'remote_support')!;
    expect(remote).toMatchObject({ name: 'Vzdálená podpora', nameCs: null, nameSk: 'Vzdialená podpora', nameEn: 'Remote support' });

    await page.goto('/admin/pricing/work-types');
    await page.getByTestId(`work-types-edit-${remote.id}`).click();
    const modal = page.getByTestId('work-type-modal');
    await modal.waitFor();
    const names = modal.getByTestId('work-type-document-names');
    expect(await names.innerText()).toContain('Název na dokladech');
    expect(await modal.getByLabel('Na slovenských dokladech').inputValue()).toBe('Vzdialená podpora');
    expect(await modal.getByLabel('Na anglických dokladech').inputValue()).toBe('Remote support');
    expect(await modal.getByLabel('Na českých dokladech').inputValue()).toBe('');
    await demo.shot(page, 'work-type-names');
    await modal.getByLabel('Na slovenských dokladech').fill('Vzdialená správa');
    await modal.getByLabel('Na anglických dokladech').fill('  ');
    await page.getByTestId('work-type-save').click();
    await modal.waitFor({ state: 'detached' });
    const saved = (await apiCall<{ items: WorkTypeOut[] }>(page, 'GET', '/work-types')).items.find((w) => w.id === remote.id)!;
    expect(saved).toMatchObject({ name: 'Vzdálená podpora', nameCs: null, nameSk: 'Vzdialená správa', nameEn: null });

    await page.goto('/admin/company');
    const footerSk = page.getByTestId('company-footerTextSk');
    await footerSk.waitFor();
    expect(await footerSk.inputValue()).toMatch(/Ďakujeme za spoluprácu/);
    expect(await page.getByTestId('company-footerTextCs').inputValue()).toBe('');
    await footerSk.scrollIntoViewIfNeeded();
    await demo.shot(page, 'company-footers');
    await footerSk.fill('Ďakujeme, že ste s nami.');
    await page.getByTestId('company-save').click();
    await expect.poll(async () => (await apiCall<{ footerTextSk: string | null }>(page, 'GET', '/settings/company')).footerTextSk, { timeout: STEP_MS }).toBe('Ďakujeme, že ste s nami.');
  }, JOURNEY_MS);
});
