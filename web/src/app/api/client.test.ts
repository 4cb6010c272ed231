// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fileNameOf } from './client';

describe('fileNameOf (Content-Disposition)', () => {
  it('prefers the UTF-8 name, falls back to the plain one', () => {
    expect(fileNameOf(`attachment; filename="FV202600001_Strojirny.isdoc"; filename*=UTF-8''FV202600001_Strojírny.isdoc`.replace('Strojírny', encodeURIComponent('Strojírny')))).toBe('FV202600001_Strojírny.isdoc');
    expect(fileNameOf('attachment; filename="pohoda-2026-10.xml"')).toBe('pohoda-2026-10.xml');
    expect(fileNameOf('attachment; filename=plain.csv')).toBe('plain.csv');
    expect(fileNameOf(`attachment; filename="ok.xml"; filename*=UTF-8''%E0%A4%A`)).toBe('ok.xml');
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf('inline')).toBeNull();
  });
});
