// One behaviour for every picker of a form (a Select or MultiSelect of clients, contacts,
// people, categories, queues, contracts…), so that the keys do the same in each:
// - A refused save puts the cursor on the first field in error. Focus alone does not open the
//   list of a field that shows an error: the list would cover the message under it that says
//   what is wrong. It opens once the user types, presses ↓ or ↑ (Alt+↓), clicks or taps it.
// - Typing filters the list (case and accents aside) and highlights its first match; ↓ and ↑
//   move the highlight; Enter takes the highlighted option; Esc closes the list.
// - Enter with text typed and nothing to take (no match yet) stays in the field: the form is
//   not sent with a half-typed search and the old value.
import type { OptionsFilter } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';
import { foldedOptionsFilter } from '../textSearch';

/** The picker's text field, as far as the keys need it (an HTMLInputElement in the browser). */
export interface PickerInput {
  readonly value: string;
  getAttribute(name: string): string | null;
  readonly ownerDocument: { getElementById(id: string): { querySelector(selector: string): unknown } | null };
}

/** The field's open list, or null while it is closed (the field names its list only while open). */
function openList(input: PickerInput) {
  const listId = input.getAttribute('aria-controls');
  return listId ? input.ownerDocument.getElementById(listId) : null;
}

/**
 * Whether an option of the field's open list is highlighted (then Enter takes that one). Read from
 * the list itself: the field's aria-activedescendant still names an option highlighted by ↓ before
 * the list was closed and something new typed, when none is.
 */
export function hasHighlightedOption(input: PickerInput): boolean {
  return !!openList(input)?.querySelector('[data-combobox-selected]');
}

/** Whether Enter must not send the form: the list is open on typed text with no option to take. */
export function keepsEnterInField(key: string, input: PickerInput): boolean {
  return key === 'Enter' && openList(input) !== null && input.value.trim() !== '' && !hasHighlightedOption(input);
}

export interface PickerOptions {
  /** The field's error message: while there is one, focus alone does not open the list. */
  error?: ReactNode;
  /** The caller's own keys, run first. */
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  /**
   * False for a short fixed list (a few kinds or levels): chosen by ↓/↑ or a click, nothing to
   * type (and no keyboard popping up on a phone). Such a list never opens on focus.
   */
  searchable?: boolean;
  /**
   * The server filters the options by the typed text (ClientPicker): they arrive later than the
   * typing, so the first option shown may belong to the text before; the picker then takes the
   * first match itself, and the options are shown as they came.
   */
  searchedByServer?: boolean;
}

/** Props for a Select or MultiSelect that make it behave as every picker does (see above). */
export function pickerProps({ error, onKeyDown, searchable = true, searchedByServer = false }: PickerOptions = {}): {
  searchable: boolean;
  openOnFocus: boolean;
  selectFirstOptionOnChange?: boolean;
  filter?: OptionsFilter;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
} {
  return {
    searchable,
    openOnFocus: !error,
    ...(searchable && !searchedByServer ? { selectFirstOptionOnChange: true, filter: foldedOptionsFilter } : {}),
    onKeyDown: (event) => {
      onKeyDown?.(event);
      if (!event.defaultPrevented && keepsEnterInField(event.key, event.currentTarget)) event.preventDefault();
    },
  };
}
