// Forms check their own fields (noValidate), so a missing value is told under the field in
// the user's language, never by the browser's bubble in the browser's language; the focus
// then goes to the field that says what is wrong, as the browser would have taken it there.

/**
 * Focuses the first field marked invalid (aria-invalid, which Mantine sets on a field with
 * an error) inside `container`, once the errors of this submit are drawn, and brings it to
 * the middle of the screen, clear of the sticky header. With no invalid field (the refusal is
 * about the whole form) the error message above the form is brought into view instead.
 */
export function focusFirstInvalid(container: Element | null | undefined): void {
  if (!container) return;
  // The errors are set by the caller just now; React draws them on a later frame, sooner or
  // later with the machine's load. Look on each frame for a while before deciding that no
  // field is marked (then the refusal is about the whole form).
  let framesLeft = FRAMES_TO_WAIT;
  const look = () => {
    const field = container.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (field) {
      // A picker that already has the focus may have its list open over the message under it: leaving
      // it closes the list, and focus given back does not open it again while it shows an error.
      if (field.ownerDocument.activeElement === field) field.blur();
      field.focus();
      field.scrollIntoView({ block: 'center' });
    } else if (--framesLeft > 0) requestAnimationFrame(look);
    else container.querySelector('[role="alert"]')?.scrollIntoView({ block: 'center' });
  };
  requestAnimationFrame(look);
}

/** About a fifth of a second at 60 frames a second. */
const FRAMES_TO_WAIT = 12;
