// The keys of the administration pages, in the shortcut registry (app/components/shortcuts.ts)
// so that "?" lists them: N opens a list's "new" dialog (NewButton, through the "n" every
// simple list binds), Ctrl+Enter (⌘+Enter) saves a dialog or form (useSaveKeys).
import type { KeyboardEvent } from 'react';
import { defineShortcuts } from '../../../app/components/shortcuts';
import { useFieldShortcuts } from '../../../app/components/useShortcuts';

/** Every administration dialog and form. */
export const ADMIN_FORM_SHORTCUTS = defineShortcuts({
  id: 'admin-form',
  title: 'admin.shortcuts.form',
  shortcuts: [{ action: 'save', keys: ['mod+Enter'], label: 'admin.shortcuts.save' }],
});

/**
 * Ctrl+Enter (⌘+Enter) runs `save`: put the returned handler on the form's onKeyDown.
 * Nothing happens while a save is pending, so a second press does not send it twice.
 * A form shown read-only (`enabled` false) binds nothing, so the help does not list it.
 */
export function useSaveKeys(save: () => void, pending = false, enabled = true): (event: KeyboardEvent<HTMLElement>) => void {
  return useFieldShortcuts(ADMIN_FORM_SHORTCUTS, enabled ? { save: () => { if (!pending) save(); } } : {});
}
