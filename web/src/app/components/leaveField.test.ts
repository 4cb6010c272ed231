// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { leaveFieldOnEscape } from './leaveField';

/** A key press on an element: what was prevented and whether the element was left. */
function press(key: string, element: { tag: 'input' | 'textarea' | 'button'; attributes?: Record<string, string> }, extra: { isComposing?: boolean; defaultPrevented?: boolean } = {}) {
  const state = { prevented: false, left: false };
  const attributes = element.attributes ?? {};
  const target = {
    matches: (selector: string) => selector.split(',').map((s) => s.trim()).includes(element.tag),
    getAttribute: (name: string) => attributes[name] ?? null,
    hasAttribute: (name: string) => name in attributes,
    blur: () => { state.left = true; },
  };
  const handled = leaveFieldOnEscape({
    key, target, defaultPrevented: extra.defaultPrevented ?? false, nativeEvent: { isComposing: extra.isComposing ?? false },
    preventDefault: () => { state.prevented = true; },
  });
  return { handled, ...state };
}

describe('Escape in a field', () => {
  it('leaves a text field or text area, keeping what was typed (nothing is emptied here)', () => {
    expect(press('Escape', { tag: 'input' })).toEqual({ handled: true, prevented: true, left: true });
    expect(press('Escape', { tag: 'textarea' })).toEqual({ handled: true, prevented: true, left: true });
    // A closed picker's input is left too.
    expect(press('Escape', { tag: 'input', attributes: { 'aria-expanded': 'false' } })).toMatchObject({ handled: true, left: true });
  });

  it('only closes the list of a select or picker that has it open: the next Escape leaves', () => {
    expect(press('Escape', { tag: 'input', attributes: { 'aria-expanded': 'true' } })).toEqual({ handled: false, prevented: false, left: false });
    // A multi-select's search input carries the open list as data-expanded.
    expect(press('Escape', { tag: 'input', attributes: { 'data-expanded': 'true' } })).toMatchObject({ handled: false, left: false });
  });

  it('leaves other keys, buttons, a word being composed and a key already taken alone', () => {
    expect(press('j', { tag: 'input' })).toMatchObject({ handled: false, left: false });
    expect(press('Escape', { tag: 'button' })).toMatchObject({ handled: false, left: false });
    expect(press('Escape', { tag: 'input' }, { isComposing: true })).toMatchObject({ handled: false, left: false });
    expect(press('Escape', { tag: 'input' }, { defaultPrevented: true })).toMatchObject({ handled: false, left: false });
  });
});
