import { useMediaQuery } from '@mantine/hooks';

/** The phone width (Mantine's xs): below it big dialogs go full screen and tables become cards. */
export const PHONE_MAX_WIDTH = '36em';

/**
 * A small tablet's width, or a phone's on its side (Mantine's sm, below which the shell hides its
 * navbar). Only for what is too wide for it even without the navbar: the ticket list, whose
 * table needs 980 px and whose five views side by side about 560 px, stays cards and a select
 * up to here instead of scrolling sideways from the phone width on.
 */
export const SMALL_TABLET_MAX_WIDTH = '48em';

/**
 * The width where columns laid side by side from Mantine's md breakpoint (Grid.Col
 * span={{ base: 12, md: … }}) stack: a portrait tablet as well as a phone. A side list that
 * would push the page's main column a screen down becomes a select there; the phone width
 * would keep the long list on a tablet.
 */
export const STACKED_MAX_WIDTH = '62em';

/**
 * Each is known from the first render (no server rendering here), so nothing is laid out or
 * focused for a wide screen first.
 */
const useMaxWidth = (width: string) => useMediaQuery(`(max-width: ${width})`, undefined, { getInitialValueInEffect: false }) ?? false;

/** Phone width (PHONE_MAX_WIDTH): big dialogs go full screen and tables become cards. */
export function usePhone(): boolean {
  return useMaxWidth(PHONE_MAX_WIDTH);
}

/** A phone or a small tablet (SMALL_TABLET_MAX_WIDTH): for the ticket list only, see there. */
export function usePhoneOrSmallTablet(): boolean {
  return useMaxWidth(SMALL_TABLET_MAX_WIDTH);
}

/** Narrower than md (STACKED_MAX_WIDTH): side-by-side columns stack. */
export function useStackedColumns(): boolean {
  return useMaxWidth(STACKED_MAX_WIDTH);
}
