// How long a toast stays (pure rule, and its one installation on the app's toast store).
// Most screens call notifications.show({ color, message }) without a time: a confirmation
// is read at a glance, a refusal or a warning says what to do and needs longer. The rule is
// applied once to every toast the store receives, so no screen has to remember it.
import type { NotificationData, NotificationsStore } from '@mantine/notifications';

/** A confirmation ("Saved.") is read at a glance. */
export const CONFIRMATION_MS = 4_000;
/** A refusal or a warning says what went wrong and what to do: long enough to read twice. */
export const PROBLEM_MS = 10_000;

/** Colours that tell of a problem (errors red, warnings orange or yellow). */
const PROBLEM_COLORS: ReadonlySet<string> = new Set(['red', 'orange', 'yellow']);

/**
 * How long the toast stays: what its screen chose (a time, or false to stay until closed),
 * else by its colour.
 */
export function toastAutoClose(toast: Pick<NotificationData, 'color' | 'autoClose'>): number | boolean {
  if (toast.autoClose !== undefined) return toast.autoClose;
  return typeof toast.color === 'string' && PROBLEM_COLORS.has(toast.color) ? PROBLEM_MS : CONFIRMATION_MS;
}

/**
 * Gives every toast of the store without a time of its own the time of toastAutoClose, as
 * it arrives. Returns the uninstall.
 */
export function installToastTimes(store: NotificationsStore): () => void {
  const untimed = (list: readonly NotificationData[]) => list.some((n) => n.autoClose === undefined);
  return store.subscribe((state) => {
    // Setting the times notifies again; by then every toast has one and nothing more happens.
    if (!untimed(state.notifications) && !untimed(state.queue)) return;
    const time = (n: NotificationData) => (n.autoClose === undefined ? { ...n, autoClose: toastAutoClose(n) } : n);
    store.setState({ ...state, notifications: state.notifications.map(time), queue: state.queue.map(time) });
  });
}
