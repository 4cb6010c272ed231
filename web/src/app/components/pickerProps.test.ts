// @vitest-environment node
import type { KeyboardEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { hasHighlightedOption, keepsEnterInField, pickerProps, type PickerInput } from './pickerProps';

/** A picker's field as the browser shows it: its text, and its list (open or not, with an option highlighted or not). */
function field(value: string, list: 'closed' | 'open' | 'highlighted'): PickerInput {
  const options = { querySelector: (selector: string) => (list === 'highlighted' && selector === '[data-combobox-selected]' ? {} : null) };
  return {
    value,
    getAttribute: (name) => (name === 'aria-controls' && list !== 'closed' ? 'list-1' : null),
    ownerDocument: { getElementById: (id) => (id === 'list-1' && list !== 'closed' ? options : null) },
  };
}

const keyDown = (key: string, input: PickerInput) => {
  const event = { key, currentTarget: input, defaultPrevented: false, preventDefault: vi.fn(() => { event.defaultPrevented = true; }) };
  return event;
};
const press = (props: ReturnType<typeof pickerProps>, event: ReturnType<typeof keyDown>) => props.onKeyDown(event as unknown as KeyboardEvent<HTMLInputElement>);

describe('every picker of a form', () => {
  it('does not open its list on focus while it shows an error (the list would cover the message)', () => {
    expect(pickerProps({ error: 'Povinný údaj' }).openOnFocus).toBe(false);
    expect(pickerProps({ error: undefined }).openOnFocus).toBe(true);
    expect(pickerProps({ error: null }).openOnFocus).toBe(true);
    expect(pickerProps({ error: 'Povinný údaj', searchable: false }).openOnFocus).toBe(false);
  });

  it('filters here by typed text accents aside and highlights the first match; a list the server filters is left as it came', () => {
    const here = pickerProps();
    expect(here.searchable).toBe(true);
    expect(here.selectFirstOptionOnChange).toBe(true);
    expect(here.filter).toBeTypeOf('function');
    const server = pickerProps({ searchedByServer: true });
    expect(server.searchable).toBe(true);
    expect(server.selectFirstOptionOnChange).toBeUndefined();
    expect(server.filter).toBeUndefined();
    const short = pickerProps({ searchable: false });
    expect(short.searchable).toBe(false);
    expect(short.selectFirstOptionOnChange).toBeUndefined();
  });

  it('reads the highlight from the open list itself', () => {
    expect(hasHighlightedOption(field('Tom', 'highlighted'))).toBe(true);
    expect(hasHighlightedOption(field('Tom', 'open'))).toBe(false);
    expect(hasHighlightedOption(field('Tom', 'closed'))).toBe(false);
  });

  it('keeps Enter in the field only over an open list of typed text with nothing to take', () => {
    expect(keepsEnterInField('Enter', field('xyz', 'open'))).toBe(true);
    // A highlighted option: Enter takes it (the list does).
    expect(keepsEnterInField('Enter', field('Tom', 'highlighted'))).toBe(false);
    // Closed list, or nothing typed: Enter sends the form as anywhere else.
    expect(keepsEnterInField('Enter', field('Tomáš Technik', 'closed'))).toBe(false);
    expect(keepsEnterInField('Enter', field('  ', 'open'))).toBe(false);
    expect(keepsEnterInField('Escape', field('xyz', 'open'))).toBe(false);
  });

  it('runs the caller\'s keys first and leaves an Enter they took alone', () => {
    const own = vi.fn();
    const props = pickerProps({ onKeyDown: own });
    const noMatch = keyDown('Enter', field('xyz', 'open'));
    press(props, noMatch);
    expect(own).toHaveBeenCalledOnce();
    expect(noMatch.preventDefault).toHaveBeenCalledOnce();

    const taken = keyDown('Enter', field('stroj', 'open'));
    press(pickerProps({ onKeyDown: (e) => e.preventDefault() }), taken);
    expect(taken.preventDefault).toHaveBeenCalledOnce();

    const send = keyDown('Enter', field('Tomáš Technik', 'closed'));
    press(props, send);
    expect(send.preventDefault).not.toHaveBeenCalled();
  });
});
