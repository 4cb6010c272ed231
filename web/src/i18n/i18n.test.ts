// @vitest-environment node
import { describe, expect, it } from 'vitest';
import cs from './cs.json';
import en from './en.json';
import sk from './sk.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function placeholders(tree: Tree): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') out.set(`${prefix}${key}`, [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(','));
      else walk(value, `${prefix}${key}.`);
    }
  };
  walk(tree, '');
  return out;
}

const files = { cs: cs as Tree, sk: sk as Tree, en: en as Tree };

describe('translations', () => {
  const reference = keys(files.en).sort();

  it.each(['cs', 'sk'] as const)('%s has exactly the keys of en', (lang) => {
    const own = keys(files[lang]).sort();
    expect(own.filter((k) => !reference.includes(k))).toEqual([]);
    expect(reference.filter((k) => !own.includes(k))).toEqual([]);
  });

  it.each(['cs', 'sk'] as const)('%s uses the same {{placeholders}} as en', (lang) => {
    const ref = placeholders(files.en);
    const own = placeholders(files[lang]);
    const differing = [...ref].filter(([key, names]) => own.get(key) !== names).map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('has no empty texts', () => {
    for (const [lang, tree] of Object.entries(files)) {
      const empty = Object.entries(Object.fromEntries(placeholders(tree))).length === 0;
      expect(empty, lang).toBe(false);
      const blank = keys(tree).filter((k) => {
        const value = k.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(blank, lang).toEqual([]);
    }
  });

  it('translates every server error code the UI knows', () => {
    const codes = [
      'validation_failed', 'not_found', 'conflict', 'forbidden', 'unauthorized', 'invalid_credentials',
      'too_many_attempts', 'stale_version', 'required', 'too_long', 'too_short', 'invalid_email',
      'invalid_company_id', 'invalid_vat_id', 'invalid_enum', 'invalid_type', 'too_small', 'too_big',
      'unknown_field', 'weak_password', 'duplicate', 'invalid_currency', 'unsupported_currency', 'invalid_country',
    ];
    for (const code of codes) expect(reference).toContain(`errors.${code}`);
  });
});
