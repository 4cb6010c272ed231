// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { versionToOpen, versionValidOn } from './versions';

const v2026 = { id: 1, validFrom: '2026-01-01' };
const v2027 = { id: 2, validFrom: '2027-01-01' };

describe('price list version valid on a day', () => {
  it('is the latest that has started', () => {
    expect(versionValidOn([v2027, v2026], '2026-11-27')).toBe(v2026);
    expect(versionValidOn([v2026, v2027], '2027-01-01')).toBe(v2027);
  });

  it('is none while every version is still to come, though the page still opens the earliest', () => {
    expect(versionValidOn([v2027], '2026-11-27')).toBeUndefined();
    expect(versionToOpen([v2027], '2026-11-27')).toBe(v2027);
    expect(versionToOpen([v2027, v2026], '2026-11-27')).toBe(v2026);
    expect(versionToOpen([], '2026-11-27')).toBeUndefined();
  });
});
