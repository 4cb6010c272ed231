// @vitest-environment node
// Every page of one record under features/ says "not found" in its own words, with the way
// back to its list: the texts it names exist in every language, and each page that reads an
// :id from the address goes through RecordPage or recordIdFrom (never Number(), whose NaN
// reached the API or left a spinner turning).
import { describe, expect, it } from 'vitest';
import i18n, { LANGUAGES } from '../../i18n';

const pages = import.meta.glob<string>('../../features/**/*Page.tsx', { eager: true, query: '?raw', import: 'default' });
const uses = Object.entries(pages).flatMap(([path, source]) =>
  [...source.matchAll(/useNotFoundText\('([\w.]+)', '([^']+)'\)/g)].map((m) => ({ path, prefix: m[1]!, list: m[2]! })),
);

describe('record pages: "not found" with the way back', () => {
  it('every page that reads an :id names its not-found texts and reads the id as a record id', () => {
    const withId = Object.entries(pages).filter(([, source]) => source.includes('useParams') || source.includes('<RecordPage'));
    expect(withId.length).toBeGreaterThanOrEqual(10);
    for (const [path, source] of withId) {
      expect(source, path).toMatch(/useNotFoundText\(/);
      expect(source, path).toMatch(/<RecordPage|recordIdFrom\(/);
      expect(source, path).not.toMatch(/Number\((useParams\(\)|params)\.id/);
    }
  });

  it('the texts exist in every language and the way back is a list of the app', () => {
    expect(uses.length).toBeGreaterThanOrEqual(10);
    for (const { path, prefix, list } of uses) {
      for (const lng of LANGUAGES) {
        for (const key of ['title', 'text', 'back']) expect(i18n.exists(`${prefix}.${key}`, { lng }), `${path}: ${lng} ${prefix}.${key}`).toBe(true);
      }
      expect(list, path).toMatch(/^\/[a-z-/]+$/);
    }
  });
});
