// Whether a dialog's values differ from what it opened with (pure): the one rule for asking
// before its changes are dropped (UnsavedChangesModal).

/**
 * Deep comparison of plain form values: objects key by key whatever the keys' order, arrays
 * item by item. A key that is missing counts as undefined, so a field that is absent and one
 * left undefined are the same; null stays different from undefined and from ''.
 */
export function hasChanges(opened: unknown, now: unknown): boolean {
  if (Object.is(opened, now)) return false;
  if (Array.isArray(opened) || Array.isArray(now)) {
    if (!Array.isArray(opened) || !Array.isArray(now) || opened.length !== now.length) return true;
    return opened.some((item, i) => hasChanges(item, now[i]));
  }
  if (isPlainObject(opened) && isPlainObject(now)) {
    const keys = new Set([...Object.keys(opened), ...Object.keys(now)]);
    return [...keys].some((key) => hasChanges(opened[key], now[key]));
  }
  return true;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
