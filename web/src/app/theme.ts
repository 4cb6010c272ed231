import { createTheme, DEFAULT_THEME, mergeThemeOverrides, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';
import { readableOn, readableOnDark } from './contrast';

export const theme = createTheme({
  primaryColor: 'blue',
  // Blue 8 on white passes WCAG AA (4.5:1) for links and white button text; Mantine's 6 does not.
  primaryShade: { light: 8, dark: 8 },
  // Filled buttons and badges of any colour get black or white text, whichever reads
  // (0.179 is the luminance where both reach 4.5:1).
  autoContrast: true,
  luminanceThreshold: 0.179,
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Table: { defaultProps: { verticalSpacing: 'xs', highlightOnHover: true } },
    Modal: { defaultProps: { centered: true } },
    // Every list's dropdown (Select, MultiSelect, TagsInput, Autocomplete and own Comboboxes) is
    // fixed, not absolute: an opening dropdown is drawn for a moment at its last place before it
    // is positioned, and an absolute one there makes the page longer and wider than the screen. A
    // phone's browser then zooms out and clamps the scroll, which pushes a field at the very bottom
    // of a form (the new ticket's assignee) below the screen, and the dropdown hides with its field:
    // the tap seemed to do nothing. A fixed dropdown never changes the page's size.
    Combobox: { defaultProps: { floatingStrategy: 'fixed' } },
  },
});

/**
 * The theme with the texts screen readers need in the user's language: Mantine's
 * close buttons (the × of dialogs, drawers, alerts and notifications) have no text
 * of their own.
 */
export function localizedTheme(closeLabel: string): MantineThemeOverride {
  const close = { 'aria-label': closeLabel, title: closeLabel };
  return mergeThemeOverrides(theme, {
    components: {
      Modal: { defaultProps: { closeButtonProps: close } },
      Drawer: { defaultProps: { closeButtonProps: close } },
      Alert: { defaultProps: { closeButtonLabel: closeLabel } },
      Notification: { defaultProps: { closeButtonProps: close } },
    },
  });
}

const WHITE = '#ffffff';
const palette = DEFAULT_THEME.colors;
/** Striped rows and light panels: text must read on them as on white. */
const LIGHT_SURFACES = [WHITE, palette.gray[0], palette.gray[1]];
/** The dark scheme's page, panels, inputs and hovered rows. */
const DARK_SURFACES = [palette.dark[7], palette.dark[6], palette.dark[5], palette.dark[8]];

/**
 * A light variant's background in the dark scheme: the colour's darkest shade at 15 %
 * over the dark page (Mantine draws it as a translucent tint), as one opaque colour.
 */
function tintedDark(shade9: string): string {
  const mix = (a: string, b: string, t: number) =>
    `#${[0, 2, 4].map((i) => Math.round(parseInt(a.slice(1 + i, 3 + i), 16) * (1 - t) + parseInt(b.slice(1 + i, 3 + i), 16) * t).toString(16).padStart(2, '0')).join('')}`;
  return mix(palette.dark[7].toLowerCase(), shade9.toLowerCase(), 0.15);
}

/**
 * Text colours of the light scheme darkened just enough for WCAG AA (4.5:1):
 * dimmed grey and placeholders, coloured text and outline badges, and the text of light badges and
 * alerts on their tinted background. Mantine's defaults (grey 6, green/yellow/orange
 * on their tints) fall below it.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => {
  const dimmed = readableOn(palette.gray[6], LIGHT_SURFACES);
  // Placeholders are text too (and date pickers show theirs as an element).
  const light: Record<string, string> = { '--mantine-color-dimmed': dimmed, '--mantine-color-placeholder': dimmed };
  for (const [name, shades] of Object.entries(palette)) {
    const text = readableOn(shades[8], LIGHT_SURFACES);
    light[`--mantine-color-${name}-text`] = text;
    light[`--mantine-color-${name}-outline`] = text;
    light[`--mantine-color-${name}-light-color`] = readableOn(shades[9], [shades[1], shades[2]]);
  }
  // The dark scheme the same way, lightened instead: dimmed grey, links, coloured text and
  // outlines, and light badges' and alerts' text on their tinted dark background.
  const dimmedDark = readableOnDark(palette.dark[2], DARK_SURFACES);
  const dark: Record<string, string> = { '--mantine-color-dimmed': dimmedDark, '--mantine-color-placeholder': dimmedDark };
  for (const [name, shades] of Object.entries(palette)) {
    const text = readableOnDark(shades[4], DARK_SURFACES);
    dark[`--mantine-color-${name}-text`] = text;
    dark[`--mantine-color-${name}-outline`] = text;
    dark[`--mantine-color-${name}-light-color`] = readableOnDark(shades[3], [tintedDark(shades[9])]);
  }
  dark['--mantine-color-anchor'] = readableOnDark(palette.blue[4], DARK_SURFACES);
  return { variables: {}, light, dark };
};
