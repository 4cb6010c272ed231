import { notifications } from '@mantine/notifications';

/**
 * Notices of the workspace, bottom right: the quick actions sit top right and
 * people click them in a row (start work, wait, resume, …); a notice must not
 * cover them. Confirmations fade sooner than problems.
 */
export function notify(color: 'green' | 'red' | 'orange' | 'gray', message: string): void {
  notifications.show({ color, message, autoClose: color === 'green' || color === 'gray' ? 3000 : 7000 });
}
