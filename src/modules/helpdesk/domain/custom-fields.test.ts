import { describe, expect, it } from 'vitest';
import { customFieldProblems, validateCustomValues, type CustomFieldDefinition } from './custom-fields.ts';

const fields: CustomFieldDefinition[] = [
  { key: 'serial', label: 'Serial number', kind: 'text', options: [], required: true },
  { key: 'units', label: 'Units', kind: 'number', options: [], required: false },
  { key: 'since', label: 'Since', kind: 'date', options: [], required: false },
  { key: 'site', label: 'Site', kind: 'choice', options: ['Brno', 'Praha'], required: false },
  { key: 'os', label: 'Systems', kind: 'multi_choice', options: ['linux', 'windows', 'mac'], required: false },
];
const codes = (r: { problems: { path: string; code: string }[] }) => r.problems.map((p) => `${p.path}:${p.code}`);

describe('custom field values', () => {
  it('accepts values of the right kind and normalises them', () => {
    const r = validateCustomValues(fields, { serial: '  SN-1 ', units: 2.5, since: '2026-02-28', site: 'Brno', os: ['mac', 'linux', 'mac'] });
    expect(r.problems).toEqual([]);
    expect(r.values).toEqual({ serial: 'SN-1', units: 2.5, since: '2026-02-28', site: 'Brno', os: ['linux', 'mac'] });
  });

  it('names a type mismatch, a missing required field, an unknown key and a choice outside the options', () => {
    const r = validateCustomValues(fields, { units: '3', since: '2026-02-30', site: 'Ostrava', os: ['linux', 'bsd'], colour: 'red' });
    expect(codes(r)).toEqual([
      'custom.units:invalid_custom_field',
      'custom.since:invalid_custom_field',
      'custom.site:invalid_choice',
      'custom.os.1:invalid_choice',
      'custom.colour:unknown_field',
      'custom.serial:required',
    ]);
    expect(codes(validateCustomValues(fields, { serial: 5, os: 'linux' }))).toEqual(['custom.serial:invalid_custom_field', 'custom.os:invalid_custom_field']);
    expect(codes(validateCustomValues(fields, { serial: '   ' }))).toEqual(['custom.serial:required']);
  });

  it('updates from the stored values: only named keys change, null clears, required must stay', () => {
    const current = { serial: 'SN-1', units: 3, retired: 'kept' };
    const r = validateCustomValues(fields, { units: null, site: 'Praha' }, { current, prefix: 'fields' });
    expect(r).toEqual({ values: { serial: 'SN-1', retired: 'kept', site: 'Praha' }, problems: [] });
    expect(codes(validateCustomValues(fields, { serial: null }, { current, prefix: 'fields' }))).toEqual(['fields.serial:required']);
  });
});

describe('custom field definitions', () => {
  it('choices need distinct options, other kinds none, and built-in names are reserved', () => {
    expect(customFieldProblems({ key: 'site', kind: 'choice', options: ['a', 'b'] })).toEqual([]);
    const c = (f: Parameters<typeof customFieldProblems>[0]) => customFieldProblems(f).map((p) => `${p.path}:${p.code}`);
    expect(c({ key: 'site', kind: 'multi_choice', options: [] })).toEqual(['options:required']);
    expect(c({ key: 'site', kind: 'choice', options: ['a', 'a'] })).toEqual(['options.1:duplicate']);
    expect(c({ key: 'n', kind: 'number', options: ['1'] })).toEqual(['options:options_not_allowed']);
    expect(c({ key: 'resolutionNote', kind: 'text', options: [] })).toEqual(['key:reserved_key']);
  });
});
