// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hasChanges } from './unsavedChanges';

describe('a dialog has unsaved changes', () => {
  const opened = { comment: '', resolutionNote: '', custom: { systems: ['mail'], due: null, hours: 2 } };

  it('not when every value is as it opened, in whatever key order', () => {
    expect(hasChanges(opened, { custom: { hours: 2, due: null, systems: ['mail'] }, resolutionNote: '', comment: '' })).toBe(false);
    expect(hasChanges({ impact: 'high', priority: '' }, { impact: 'high', priority: '' })).toBe(false);
  });

  it('not when a typed text was deleted again', () => {
    expect(hasChanges(opened, { ...opened, comment: '' })).toBe(false);
  });

  it('when a text, a choice or a nested value differs', () => {
    expect(hasChanges(opened, { ...opened, comment: 'Pošlete prosím fotku štítku' })).toBe(true);
    expect(hasChanges({ impact: 'high' }, { impact: 'low' })).toBe(true);
    expect(hasChanges(opened, { ...opened, custom: { ...opened.custom, hours: 3 } })).toBe(true);
    expect(hasChanges(opened, { ...opened, custom: { ...opened.custom, due: '2026-12-01' } })).toBe(true);
  });

  it('when a list gains, loses or reorders an item (days off, chosen options)', () => {
    expect(hasChanges(['2026-12-31'], ['2026-12-31', '2027-03-29'])).toBe(true);
    expect(hasChanges(['a', 'b'], ['a'])).toBe(true);
    expect(hasChanges(['a', 'b'], ['b', 'a'])).toBe(true);
  });

  it('tells null from an empty text and from a missing value, but a missing key is as undefined', () => {
    expect(hasChanges({ due: null }, { due: '' })).toBe(true);
    expect(hasChanges({ due: null }, {})).toBe(true);
    expect(hasChanges({ due: undefined }, {})).toBe(false);
    expect(hasChanges({ custom: {} }, { custom: { due: '2026-12-01' } })).toBe(true);
  });

  it('when a value turns from a list or an object into something else', () => {
    expect(hasChanges({ v: [] }, { v: {} })).toBe(true);
    expect(hasChanges({ v: null }, { v: {} })).toBe(true);
    expect(hasChanges({ v: 1 }, { v: '1' })).toBe(true);
  });
});
