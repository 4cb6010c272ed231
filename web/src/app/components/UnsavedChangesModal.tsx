import { Modal, type ModalProps } from '@mantine/core';
import { createContext, useContext, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from './ConfirmModal';

interface Props extends ModalProps {
  /** The dialog's values differ from what it opened with (see hasChanges in unsavedChanges.ts). */
  dirty: boolean;
  /** Closes the dialog and drops what was typed: at once without changes, after "Discard" with them. */
  onClose: () => void;
}

// How the dialog around asks to be closed: its Cancel button uses it (useDialogCancel).
const RequestCloseContext = createContext<(() => void) | null>(null);

/**
 * What a dialog's Cancel button does: inside an UnsavedChangesModal it asks before dropping
 * changes, as Escape and × do; anywhere else it is `close` itself (FormActions, CancelButton).
 */
export function useDialogCancel(close: () => void): () => void {
  return useContext(RequestCloseContext) ?? close;
}

/**
 * A dialog that does not lose typed work to a stray Escape, its × or a click outside it, nor to
 * its own Cancel button: with changes, these ask "Discard changes?" first; without, they close
 * at once. Escape is pressed often just to close a picker's list, so one too many is easy to hit
 * (the list itself takes that Escape: Mantine's combobox marks its field while the list is open);
 * Cancel is pressed out of habit, and what was typed would be gone just the same.
 *
 * The question is a second dialog over this one, a sibling in the React tree so that its keys
 * do not bubble through this one; while it is open this dialog leaves Escape to it. "Keep
 * editing" (or Escape, or a click outside the question) puts the focus back in the field last
 * worked in, even when Cancel asked (else where the focus was); "Discard" closes both, and the
 * focus goes back to what opened the dialog.
 */
export function UnsavedChangesModal({ dirty, onClose, closeOnEscape = true, children, ...props }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  // The question opens once the key that asked for it is done: opened at once, it would start listening
  // for Escape while that same Escape is still going round the page, and close again straight away.
  const lastField = useRef<HTMLElement | null>(null);
  const focusAtQuestion = useRef<HTMLElement | null>(null);
  const requestClose = () => {
    if (!dirty) return onClose();
    focusAtQuestion.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setTimeout(() => setAsking(true));
  };
  const keepEditing = () => {
    setAsking(false);
    const target = lastField.current?.isConnected ? lastField.current : focusAtQuestion.current;
    // After the question's own focus trap lets go (it is closing on this frame).
    requestAnimationFrame(() => target?.focus({ preventScroll: true }));
  };
  return (
    <>
      <Modal {...props} onClose={requestClose} closeOnEscape={closeOnEscape && !asking}>
        {/* display: contents: only listens, lays nothing out. */}
        <div style={{ display: 'contents' }} onFocusCapture={(e) => { if (isField(e.target)) lastField.current = e.target; }}>
          <RequestCloseContext value={requestClose}>{children}</RequestCloseContext>
        </div>
      </Modal>
      <ConfirmModal
        opened={asking && props.opened}
        title={t('common.discardChangesTitle')}
        message={t('admin.leaveText')}
        confirmLabel={t('common.discard')}
        cancelLabel={t('common.keepEditing')}
        color="orange"
        onConfirm={() => {
          setAsking(false);
          onClose();
        }}
        onClose={keepEditing}
        returnFocus={false}
      />
    </>
  );
}

/** A place to type or choose a value (not a button): where "Keep editing" returns to. */
function isField(target: EventTarget): target is HTMLElement {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
    || (target instanceof HTMLElement && target.isContentEditable);
}
