// @vitest-environment node
import { createNotificationsStore, showNotification } from '@mantine/notifications';
import { describe, expect, it } from 'vitest';
import { CONFIRMATION_MS, installToastTimes, PROBLEM_MS, toastAutoClose } from './toasts';

describe('how long a toast stays', () => {
  it('a confirmation briefly, a refusal or warning long enough to read; a time the screen chose wins', () => {
    expect(toastAutoClose({ color: 'green' })).toBe(CONFIRMATION_MS);
    expect(toastAutoClose({ color: 'gray' })).toBe(CONFIRMATION_MS);
    expect(toastAutoClose({})).toBe(CONFIRMATION_MS);
    for (const color of ['red', 'orange', 'yellow']) expect(toastAutoClose({ color }), color).toBe(PROBLEM_MS);
    expect(PROBLEM_MS).toBeGreaterThanOrEqual(2 * CONFIRMATION_MS);
    expect(toastAutoClose({ color: 'red', autoClose: false })).toBe(false);
    expect(toastAutoClose({ color: 'green', autoClose: 3000 })).toBe(3000);
  });

  it('is given to every toast the store receives, queued ones too, until uninstalled', () => {
    const store = createNotificationsStore();
    store.updateState((s) => ({ ...s, limit: 2 }));
    const uninstall = installToastTimes(store);
    showNotification({ id: 'saved', color: 'green', message: 'Uloženo.' }, store);
    showNotification({ id: 'refused', color: 'red', message: 'Nelze.' }, store);
    showNotification({ id: 'chosen', color: 'red', message: 'Do zavření.', autoClose: false }, store);
    const all = () => [...store.getState().notifications, ...store.getState().queue];
    expect(store.getState().queue.map((n) => n.id)).toEqual(['chosen']);
    expect(Object.fromEntries(all().map((n) => [n.id, n.autoClose]))).toEqual({ saved: CONFIRMATION_MS, refused: PROBLEM_MS, chosen: false });
    uninstall();
    showNotification({ id: 'later', color: 'red', message: 'Pozdě.' }, store);
    expect(all().find((n) => n.id === 'later')?.autoClose).toBeUndefined();
  });
});
