import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { errorMessage } from '../../../app/api/errors';

export function notifySaved(message: string): void {
  notifications.show({ color: 'green', message });
}

export function notifyError(t: TFunction, error: unknown): void {
  notifications.show({ color: 'red', message: errorMessage(t, error) });
}
