// The rules every feature's own texts (features/<name>/i18n/{cs,sk,en}.json, merged
// into the common ones by i18n/index.ts) must keep, for the feature's i18n test:
// Czech and Slovak have exactly the keys of English with the same {{placeholders}},
// no text is empty, and no key overrides a common text or another feature's.
import { describe, expect, it } from 'vitest';
import baseEn from './en.json';

export type Tree = { [key: string]: string | Tree };

/** Every text of a tree as [dotted key, text]. */
export function entries(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');

const featureEnglish = import.meta.glob<Tree>('../features/*/i18n/en.json', { eager: true, import: 'default' });

/** Registers the shared checks for one feature's texts; returns its English texts by key for the feature's own checks. */
export function describeFeatureTexts(feature: string, files: { cs: unknown; sk: unknown; en: unknown }): Map<string, string> {
  const trees = { cs: files.cs as Tree, sk: files.sk as Tree, en: files.en as Tree };
  const reference = new Map(entries(trees.en));
  describe(`${feature} translations`, () => {
    it.each(['cs', 'sk'] as const)('%s has exactly the keys of en, with the same {{placeholders}}', (lang) => {
      const own = new Map(entries(trees[lang]));
      expect([...own.keys()].filter((k) => !reference.has(k))).toEqual([]);
      expect([...reference.keys()].filter((k) => !own.has(k))).toEqual([]);
      expect([...reference].filter(([k, v]) => placeholders(v) !== placeholders(own.get(k) ?? '')).map(([k]) => k)).toEqual([]);
    });

    it('has no empty texts and overrides no text of the common files or another feature', () => {
      const others = Object.entries(featureEnglish).filter(([path]) => path !== `../features/${feature}/i18n/en.json`).map(([, tree]) => tree);
      const taken = new Set([baseEn as Tree, ...others].flatMap((tree) => entries(tree).map(([k]) => k)));
      for (const [lang, tree] of Object.entries(trees)) {
        expect(entries(tree).filter(([, v]) => v.trim() === '').map(([k]) => k), lang).toEqual([]);
        expect(entries(tree).filter(([k]) => taken.has(k)).map(([k]) => k), lang).toEqual([]);
      }
    });
  });
  return reference;
}
