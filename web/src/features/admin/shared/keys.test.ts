// @vitest-environment node
// The administration binds its keys through one mechanism, the shortcut registry, so
// that "?" lists every one: each list's "new" button is a NewButton (N), each dialog
// or form puts useSaveKeys on its onKeyDown (Ctrl+Enter), and no screen has a key of its own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import cs from '../../../i18n/cs.json';
import en from '../../../i18n/en.json';
import sk from '../../../i18n/sk.json';
import { chordsOf, helpSections } from '../../../app/components/shortcuts';
import { ADMIN_FORM_SHORTCUTS } from './keys';

const ADMIN = fileURLToPath(new URL('..', import.meta.url));
const screens = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? screens(path) : name.endsWith('.tsx') ? [path] : [];
  });
const sources = screens(ADMIN).map((path) => ({ name: relative(ADMIN, path), source: readFileSync(path, 'utf8') }));
const lookup = (tree: object, path: string) => path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('the administration\'s keys', () => {
  it('give every list with a "new" action N, through NewButton', () => {
    const lists = ['process/TicketTypesPage.tsx', 'queues/QueuesTeamsPage.tsx', 'catalog/CategoriesPage.tsx', 'catalog/DimensionsPage.tsx', 'catalog/CustomFieldsPage.tsx', 'sla/SlaPoliciesPage.tsx', 'sla/CalendarsPage.tsx'];
    for (const name of lists) expect(sources.find((s) => s.name === name)?.source, name).toMatch(/<NewButton\b/);
  });

  it('save every dialog and form with Ctrl+Enter, through useSaveKeys on the form', () => {
    const forms = sources.filter((s) => /<form\b|component="form"/.test(s.source));
    expect(forms.length).toBeGreaterThanOrEqual(11);
    for (const { name, source } of forms) {
      const count = (pattern: RegExp) => (source.match(pattern) ?? []).length;
      expect(count(/useSaveKeys\(/g), name).toBe(count(/<form\b|component="form"/g));
      expect(source, name).toMatch(/onKeyDown=\{saveKeys\}|saveKeys\(e\)/);
    }
  });

  it('bind no key of a screen\'s own, which the help would miss', () => {
    for (const { name, source } of sources.filter((s) => s.name !== join('shared', 'NewButton.tsx'))) expect(source, name).not.toMatch(/getHotkeyHandler|useHotkeys|['"]mod\+|ctrlKey|metaKey|useKeyShortcuts/);
  });

  it('list Ctrl+Enter in the help, in all three languages', () => {
    const save = () => {};
    expect(chordsOf(ADMIN_FORM_SHORTCUTS, { save }).map(([key]) => key)).toEqual(['mod+Enter']);
    expect(helpSections([{ group: ADMIN_FORM_SHORTCUTS, actions: ['save'] }])[0]?.shortcuts.map((s) => s.action)).toEqual(['save']);
    for (const [lang, tree] of Object.entries({ cs, sk, en })) {
      for (const path of [ADMIN_FORM_SHORTCUTS.title, ...ADMIN_FORM_SHORTCUTS.shortcuts.map((s) => s.label)]) expect(typeof lookup(tree, path), `${lang} ${path}`).toBe('string');
    }
  });
});
