/**
 * Gives the focus back to the element that opened a dialog once the dialog is gone.
 *
 * Mantine's Modal returns the focus only when its `opened` prop turns false, but most
 * of our dialogs are mounted only while open (`{editing ? <Modal opened …/> : null}`):
 * unmounting drops the focus on <body>, and a keyboard or screen-reader user has to
 * start again from the top of the page. Installed once for the whole app instead of
 * in every dialog. It steps in only when the focus was lost (it is on <body>), so a
 * dialog that moves the focus elsewhere on purpose (e.g. to a new row) keeps it there.
 */
export function installDialogFocusReturn(doc: Document = document): () => void {
  const DIALOG = '[role="dialog"][aria-modal="true"], [role="alertdialog"]';
  let lastOutside: HTMLElement | null = null;
  let opener: HTMLElement | null = null;
  let open = false;

  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (target instanceof HTMLElement && target !== doc.body && !target.closest(DIALOG)) lastOutside = target;
  };
  // Focus gone to nowhere (a click on the page's background): a dialog opened now by a
  // shortcut key has no opener to go back to.
  const onFocusOut = (event: FocusEvent) => {
    if (!event.relatedTarget && event.target === lastOutside) lastOutside = null;
  };

  const observer = new MutationObserver(() => {
    const nowOpen = !!doc.querySelector(DIALOG);
    if (nowOpen && !open) {
      const active = doc.activeElement;
      // The opener is what had the focus just before; the dialog may have taken it already.
      opener = active instanceof HTMLElement && active !== doc.body && !active.closest(DIALOG) ? active : lastOutside;
    } else if (!nowOpen && open) {
      const target = opener;
      opener = null;
      // Wait a frame: Mantine's own focus return (when it applies) runs on a timer first.
      setTimeout(() => {
        const active = doc.activeElement;
        if ((!active || active === doc.body) && target?.isConnected) target.focus();
      }, 30);
    }
    open = nowOpen;
  });

  doc.addEventListener('focusin', onFocusIn);
  doc.addEventListener('focusout', onFocusOut);
  observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['role', 'aria-modal'] });
  return () => {
    doc.removeEventListener('focusin', onFocusIn);
    doc.removeEventListener('focusout', onFocusOut);
    observer.disconnect();
  };
}
