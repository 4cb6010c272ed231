import { useMediaQuery } from '@mantine/hooks';

/**
 * Phone width (36em): big dialogs go full screen and tables become cards. Known from the
 * first render (no server rendering here), so nothing is laid out or focused for a wide screen first.
 */
export function usePhone(): boolean {
  return useMediaQuery('(max-width: 36em)', undefined, { getInitialValueInEffect: false }) ?? false;
}
