// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { recordIdFrom } from './recordId';

describe('recordIdFrom', () => {
  it('reads a record address, and nothing else (no NaN ever reaches the API)', () => {
    expect(recordIdFrom('42')).toBe(42);
    for (const bad of ['abc', '', undefined, null, '0', '-3', '1.5', '12abc', ' 7', '1e3', '9999999999999999']) expect(recordIdFrom(bad), String(bad)).toBeNull();
  });
});
