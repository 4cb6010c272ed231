// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { codeOptions } from './auditCodes';

describe('audit filter options', () => {
  const label = (c: string) => ({ user: 'Uživatel', invoice: 'Faktura', client: 'Klient' })[c] ?? c;

  it('labels every code and sorts by the label in the language', () => {
    expect(codeOptions(['user', 'invoice', 'client'], label).map((o) => o.label)).toEqual(['Faktura', 'Klient', 'Uživatel']);
  });

  it('keeps a chosen code it does not know, so the filter from the address still shows', () => {
    expect(codeOptions(['user'], label, 'legacy_thing')).toEqual([
      { value: 'legacy_thing', label: 'legacy_thing' },
      { value: 'user', label: 'Uživatel' },
    ]);
    expect(codeOptions(['user'], label, 'user')).toHaveLength(1);
  });
});
