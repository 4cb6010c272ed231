import { notifications } from '@mantine/notifications';

/**
 * A notice of the workspace. Where it shows and how long it stays is the app's one rule
 * (Providers.tsx, app/components/toasts.ts): confirmations fade sooner than problems.
 */
export function notify(color: 'green' | 'red' | 'orange' | 'gray', message: string): void {
  notifications.show({ color, message });
}
