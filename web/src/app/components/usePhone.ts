import { useMediaQuery } from '@mantine/hooks';

/** Phone width (36em): big dialogs go full screen and tables become cards. */
export function usePhone(): boolean {
  return useMediaQuery('(max-width: 36em)') ?? false;
}
