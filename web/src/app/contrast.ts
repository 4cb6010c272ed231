/**
 * Colour contrast by WCAG 2 (relative luminance, ratio 1–21), and the darkest-needed
 * shade of a colour that stays readable on a background. The theme uses it to keep
 * Mantine's light palette (greens, yellows, oranges, the dimmed grey) at the AA ratio
 * of 4.5:1 for normal text, once for the whole app instead of page by page.
 */

/** WCAG AA for normal-size text. */
export const AA_TEXT = 4.5;

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a hex colour: ${hex}`);
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** Relative luminance (0 black – 1 white). */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of two colours, 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The colour itself when it reaches `min` against every background, else the
 * lightest darker shade of it (mixed towards black in 2 % steps) that does.
 */
export function readableOn(color: string, backgrounds: string[], min = AA_TEXT): string {
  return mixedUntilReadable(color, backgrounds, min, 0);
}

/**
 * The same for dark backgrounds: the colour itself when it reaches `min` against every
 * one, else the darkest lighter tint of it (mixed towards white in 2 % steps) that does.
 */
export function readableOnDark(color: string, backgrounds: string[], min = AA_TEXT): string {
  return mixedUntilReadable(color, backgrounds, min, 255);
}

/** `color` mixed towards `target` (0 black, 255 white) in 2 % steps until it reads on every background. */
function mixedUntilReadable(color: string, backgrounds: string[], min: number, target: 0 | 255): string {
  const rgb = parseHex(color);
  for (let k = 0; k <= 50; k++) {
    const shade = toHex(rgb.map((c) => c + (target - c) * k * 0.02) as Rgb);
    if (backgrounds.every((bg) => contrastRatio(shade, bg) >= min)) return k === 0 ? color : shade;
  }
  return target === 0 ? '#000000' : '#ffffff';
}
