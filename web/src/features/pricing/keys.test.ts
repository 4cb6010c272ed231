// @vitest-environment node
// The pricing pages bind the administration's keys through the shortcut registry, as the
// other administration pages do (admin/shared/keys.test.ts): N on every "new" action,
// Ctrl+Enter in every dialog and form that saves, so that "?" lists what works.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PRICING = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(PRICING)
  .filter((name) => name.endsWith('.tsx'))
  .map((name) => ({ name, source: readFileSync(join(PRICING, name), 'utf8') }));
const source = (name: string) => sources.find((s) => s.name === name)?.source ?? '';

describe('the pricing pages\' keys', () => {
  it('give every list\'s "new" button N, through NewButton, and no "new" button without it', () => {
    for (const name of ['CatalogueListPage.tsx', 'PriceListsPage.tsx', 'VatRatesPage.tsx']) expect(source(name), name).toMatch(/<NewButton\b/);
    for (const { name, source: text } of sources) expect(text, name).not.toMatch(/<Button\b[^>]*data-testid=\{?[`'"][^`'"]*-new[`'"]/);
  });

  it('add a version of a price list with N, as the menu item shows', () => {
    const page = source('PriceListPage.tsx');
    expect(page).toMatch(/useKeyShortcuts\([^)]*n: \(\) => setDialog\('new'\)/);
    expect(page).toMatch(/data-testid="version-new"/);
    expect(page).toMatch(/<Kbd[^>]*>N<\/Kbd>/);
  });

  it('save every dialog and form with Ctrl+Enter (the price preview only calculates)', () => {
    const forms = sources.filter((s) => /<form\b/.test(s.source) && s.name !== 'PricePreviewPage.tsx');
    expect(forms.map((f) => f.name).sort()).toEqual(['CostRatesPage.tsx', 'PriceListModal.tsx', 'UnitFeesPage.tsx', 'VatRatesPage.tsx', 'VersionDateModal.tsx', 'VersionEditor.tsx', 'WorkTypesPage.tsx']);
    for (const { name, source: text } of forms) {
      expect((text.match(/useSaveKeys\(/g) ?? []).length, name).toBe((text.match(/<form\b/g) ?? []).length);
      expect(text, name).toMatch(/onKeyDown=\{saveKeys\}/);
    }
  });
});
