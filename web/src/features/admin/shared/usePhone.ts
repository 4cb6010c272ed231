import { useMediaQuery } from '@mantine/hooks';

/** Phone width: big dialogs go full screen. */
export function usePhone(): boolean {
  return useMediaQuery('(max-width: 36em)') ?? false;
}
