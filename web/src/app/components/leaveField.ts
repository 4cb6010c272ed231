// Escape leaves a text field: a page's single keys (j/k on a list, a/s/p/e on a ticket) only
// work outside fields, and without this the next key meant for the page is typed into the field.

/** The part of a key event this needs (React's KeyboardEvent has it; a plain object in tests). */
export interface EscapeKeyEvent {
  key: string;
  defaultPrevented: boolean;
  nativeEvent: { isComposing: boolean };
  target: unknown;
  preventDefault(): void;
}

/** The part of a field this needs. */
interface Field {
  matches(selector: string): boolean;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  blur(): void;
}

const isField = (target: unknown): target is Field =>
  typeof target === 'object' && target !== null && typeof (target as Field).matches === 'function' && (target as Field).matches('input, textarea, select');

/**
 * Escape in a field: the field is left (what was typed stays) and true is returned. Not while an
 * IME composes a word, nor while the field's own list is open (a select, a picker): that Escape
 * closes only the list, the next one leaves. Meant for a field's or a panel's onKeyDown.
 */
export function leaveFieldOnEscape(event: EscapeKeyEvent): boolean {
  if (event.key !== 'Escape' || event.defaultPrevented || event.nativeEvent.isComposing) return false;
  const field = event.target;
  if (!isField(field)) return false;
  // Mantine's comboboxes mark their input while the list is open (read before it re-renders closed).
  if (field.getAttribute('aria-expanded') === 'true' || field.hasAttribute('data-expanded')) return false;
  event.preventDefault();
  field.blur();
  return true;
}
