import { useMediaQuery } from '@mantine/hooks';
import { KEY_HINT_MEDIA } from './searchKeyHint';

/**
 * Whether a keyboard is likely here (KEY_HINT_MEDIA: a mouse or touchpad, wider than a
 * phone). The one rule for showing shortcut keys anywhere: the "?" help and its hint, the
 * search box's "/", the keys named in tooltips. A touch screen shows none of them (a tap
 * there would open a tooltip naming a key nobody can press).
 */
export function useKeyboardScreen(): boolean {
  return useMediaQuery(KEY_HINT_MEDIA) ?? false;
}
