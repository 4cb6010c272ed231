// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { KEY_HINT_MEDIA, searchBoxEnd } from './searchKeyHint';

describe('the "/" hint of a search box', () => {
  it('shows only where a keyboard is likely; the spinner shows everywhere', () => {
    expect(searchBoxEnd(false, true)).toBe('keyHint');
    expect(searchBoxEnd(false, false)).toBeNull();
    expect(searchBoxEnd(true, false)).toBe('spinner');
    expect(searchBoxEnd(true, true)).toBe('spinner');
    expect(searchBoxEnd(undefined, true)).toBeNull();
  });

  it('asks for a hovering fine pointer and more than a phone width', () => {
    expect(KEY_HINT_MEDIA).toContain('(hover: hover)');
    expect(KEY_HINT_MEDIA).toContain('(pointer: fine)');
    expect(KEY_HINT_MEDIA).toContain('(min-width: 36em)');
  });
});
