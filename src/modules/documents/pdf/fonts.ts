/**
 * DejaVu Sans, embedded: the 14 built-in PDF fonts (Helvetica, …) have no
 * glyphs for Czech and Slovak letters such as ř, ů, ľ and print garbage.
 *
 * Speed (a thousand invoices in seconds): the TTF files are read and parsed
 * once per process and every document reuses the parsed fonts (pdfkit accepts
 * a parsed font object). Building the embedded font subset is the costliest
 * step of a page, so every document's subset starts with the same alphabet —
 * Latin-1, Latin Extended-A (all Czech and Slovak letters), common
 * typography and the f-ligatures shaping produces — in the same order: documents using only those characters embed
 * identical font bytes, built once. A character outside it is appended to the
 * subset as usual and that document builds its own.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pdfKit } from './pdfkit.ts';

export const FONT_REGULAR = 'Sans';
export const FONT_BOLD = 'Sans-Bold';

const ALPHABET = (() => {
  let text = '';
  for (let cp = 0x20; cp <= 0x7e; cp++) text += String.fromCodePoint(cp);
  for (let cp = 0xa0; cp <= 0x17f; cp++) text += String.fromCodePoint(cp);
  return text + '–—‚‘’„“”•…‰€№™−';
})();

const LIGATURES = ['ff', 'fi', 'fl', 'ffi', 'ffl'];

/** The parts of fontkit's parsed font and subset this file relies on (fontkit as bundled by pdfkit 0.20). */
interface ParsedGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface FontSubset {
  glyphs: number[];
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}
export interface ParsedFont {
  glyphForCodePoint(codePoint: number): ParsedGlyph;
  layout(text: string): { glyphs: ParsedGlyph[] };
  createSubset(): FontSubset;
  unitsPerEm: number;
}

export interface DocumentFont {
  /** Pass to pdfkit as a font source. */
  readonly source: ParsedFont;
  /** The glyphs every subset starts with, in subset order after glyph 0. */
  readonly alphabet: readonly ParsedGlyph[];
}

let parsed: { regular: DocumentFont; bold: DocumentFont } | null = null;

function fontDir(): string {
  // Resolved through the package, so it works from the sources and from the bundled server alike.
  return join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

/** Parses a TTF through pdfkit's own font loader (fontkit) and returns the parsed font. */
function parse(file: string): ParsedFont {
  const probe = new (pdfKit())({ autoFirstPage: false, font: file });
  const font = (probe as unknown as { _font?: { font?: ParsedFont } })._font?.font;
  if (!font || typeof font.createSubset !== 'function') throw new Error(`could not parse the font ${file} (${readFileSync(file).length} bytes)`);
  return font;
}

function withStableSubsets(font: ParsedFont): DocumentFont {
  const seen = new Set<number>([0]);
  const alphabet: ParsedGlyph[] = [];
  const glyphs = [...ALPHABET].map((char) => font.glyphForCodePoint(char.codePointAt(0)!));
  // Shaping turns f+i and the like into ligature glyphs: they belong to the alphabet too.
  for (const pair of LIGATURES) glyphs.push(...font.layout(pair).glyphs);
  for (const glyph of glyphs) {
    if (glyph.id !== 0 && !seen.has(glyph.id)) {
      seen.add(glyph.id);
      alphabet.push(glyph);
    }
  }
  const baseLength = alphabet.length + 1;
  let baseBytes: Uint8Array | null = null;
  const create = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = create();
    for (const glyph of alphabet) subset.includeGlyph(glyph.id);
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      if (subset.glyphs.length !== baseLength) return encode();
      baseBytes ??= encode();
      return baseBytes;
    };
    return subset;
  };
  return { source: font, alphabet };
}

export function documentFonts(): { regular: DocumentFont; bold: DocumentFont } {
  if (parsed === null) {
    const dir = fontDir();
    parsed = { regular: withStableSubsets(parse(join(dir, 'DejaVuSans.ttf'))), bold: withStableSubsets(parse(join(dir, 'DejaVuSans-Bold.ttf'))) };
  }
  return parsed;
}
