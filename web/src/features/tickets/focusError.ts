/**
 * After a refused submit the keyboard user lands on what needs fixing: the first field
 * marked invalid in the form, else the error message. Left alone, focus stays on the submit
 * button and the user has to hunt for the red field (a screen reader says nothing at all).
 * Runs on the next frame, after React has drawn the errors.
 */
export function focusFirstError(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (field) {
      field.focus();
      field.scrollIntoView({ block: 'center' });
    } else form?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'center' });
  });
}
