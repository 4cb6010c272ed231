/**
 * The shared A4 layout of every printed document: fonts, margins, text
 * blocks, tables that break across pages with their header repeated, and a
 * footer with page numbers. Renderers describe content; this file places it.
 */
import { deflateSync } from 'node:zlib';
import type { Language } from '../../../shared/language.ts';
import { pdfKit } from './pdfkit.ts';
import { labelsFor, type Labels } from '../domain/labels.ts';
import { documentFonts, FONT_BOLD, FONT_REGULAR, type DocumentFont } from './fonts.ts';
import { fitColumns, unbreakablePieces } from './columns.ts';

export const MARGIN = 40;
const FOOTER_SPACE = 36;
export const COLOR_TEXT = '#1a1a1a';
export const COLOR_MUTED = '#5f6368';
export const COLOR_RULE = '#c8ccd0';
export const COLOR_HEADER_BG = '#eef1f4';

export interface Pdf {
  readonly doc: PDFKit.PDFDocument;
  readonly language: Language;
  readonly labels: Labels;
  readonly left: number;
  readonly right: number;
  readonly width: number;
  /** Lowest y content may reach (the footer lies below). */
  readonly bottom: number;
}

export function createPdf(options: { title: string; language: Language; date: string }): Pdf {
  const fonts = documentFonts();
  const created = new Date(`${options.date}T12:00:00Z`);
  const doc = new (pdfKit())({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN },
    bufferPages: true,
    // No default font: pdfkit would otherwise load Helvetica, which is never used.
    font: null as unknown as string,
    info: { Title: options.title, Producer: 'Kontor', Creator: 'Kontor', ...(Number.isNaN(created.getTime()) ? {} : { CreationDate: created }) },
    lang: options.language,
    displayTitle: true,
  });
  // A parsed font is a valid source for pdfkit; the typings only know file names.
  doc.registerFont(FONT_REGULAR, fonts.regular.source as unknown as string);
  doc.registerFont(FONT_BOLD, fonts.bold.source as unknown as string);
  prepareFont(doc, FONT_BOLD, fonts.bold);
  prepareFont(doc, FONT_REGULAR, fonts.regular);
  doc.fontSize(9).fillColor(COLOR_TEXT);
  const width = doc.page.width - 2 * MARGIN;
  return { doc, language: options.language, labels: labelsFor(options.language), left: MARGIN, right: MARGIN + width, width, bottom: doc.page.height - MARGIN - FOOTER_SPACE };
}

type LayoutCache = Record<string, unknown>;
const sharedLayouts = new Map<string, { cache: LayoutCache; uses: number }>();
/** Words laid out before are reused; the cache starts over after this many documents so it cannot grow without end. */
const LAYOUT_CACHE_DOCUMENTS = 2000;

/**
 * Readies a registered font for this document. pdfkit shapes every word with the font's OpenType tables and caches the
 * result per document. Shaping is the costliest part of a page, and invoices
 * repeat the same words, so documents share one cache per font: a cached run
 * refers to glyphs of the shared parsed font and is never changed after it is
 * made (pdfkit 0.20's EmbeddedFont.layoutCache, pinned in package.json).
 */
function prepareFont(doc: PDFKit.PDFDocument, name: string, parsed: DocumentFont): void {
  doc.font(name);
  const font = (doc as unknown as { _font?: { layoutCache?: LayoutCache; widths: number[]; unicode: number[][] } })._font;
  if (!font) return;
  // The subset already holds the shared alphabet (fonts.ts): its widths and Unicode map must be complete too.
  const scale = 1000 / parsed.source.unitsPerEm;
  parsed.alphabet.forEach((glyph, i) => {
    font.widths[i + 1] = glyph.advanceWidth * scale;
    font.unicode[i + 1] = glyph.codePoints;
  });
  reuseCompressedFontFile(font as unknown as EmbeddedFontInternals);
  if (!font.layoutCache) return;
  let shared = sharedLayouts.get(name);
  if (!shared || shared.uses >= LAYOUT_CACHE_DOCUMENTS) {
    shared = { cache: Object.create(null) as LayoutCache, uses: 0 };
    sharedLayouts.set(name, shared);
  }
  shared.uses++;
  font.layoutCache = shared.cache;
}

/** pdfkit 0.20 internals touched by reuseCompressedFontFile (pinned in package.json). */
interface PdfReferenceInternals {
  compress: boolean;
  data: Record<string, unknown>;
  end(chunk?: unknown): void;
}
interface EmbeddedFontInternals {
  document: { ref(data?: object): PdfReferenceInternals };
  embed(): void;
}

/** Compressed font files by the (shared, never changed) subset bytes they were made from. */
const compressedFontFiles = new WeakMap<Uint8Array, Buffer>();

/**
 * Every document whose text stays within the shared alphabet embeds the same
 * font bytes (fonts.ts); pdfkit would deflate them again for each document.
 * The font's embed() writes the font file as the first object it creates, so
 * that one object gets the bytes deflated once, marked FlateDecode as pdfkit
 * itself would mark them. Any other subset is compressed as usual.
 */
function reuseCompressedFontFile(font: EmbeddedFontInternals): void {
  const embed = font.embed.bind(font);
  font.embed = () => {
    const document = font.document;
    const ref = document.ref.bind(document);
    document.ref = (data?: object) => {
      document.ref = ref;
      const fontFile = ref(data);
      const end = fontFile.end.bind(fontFile);
      fontFile.end = (chunk?: unknown) => {
        if (!(chunk instanceof Uint8Array) || !fontFile.compress) return end(chunk);
        let packed = compressedFontFiles.get(chunk);
        if (!packed) {
          packed = deflateSync(chunk);
          compressedFontFiles.set(chunk, packed);
        }
        fontFile.compress = false;
        fontFile.data.Filter = 'FlateDecode';
        return end(packed);
      };
      return fontFile;
    };
    try {
      embed();
    } finally {
      document.ref = ref;
    }
  };
}

/** Ends the document and collects its bytes. */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export function setFont(pdf: Pdf, bold: boolean, size: number, color = COLOR_TEXT): void {
  pdf.doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(size).fillColor(color);
}

/** Writes text at (x, y) in a box of the width and returns the y below it. Never breaks the page. */
export function textAt(pdf: Pdf, text: string, x: number, y: number, width: number, options: { bold?: boolean; size?: number; color?: string; align?: 'left' | 'right' | 'center' } = {}): number {
  setFont(pdf, options.bold ?? false, options.size ?? 9, options.color ?? COLOR_TEXT);
  pdf.doc.text(text, x, y, { width, align: options.align ?? 'left', lineBreak: true });
  return pdf.doc.y;
}

export function heightOf(pdf: Pdf, text: string, width: number, options: { bold?: boolean; size?: number } = {}): number {
  setFont(pdf, options.bold ?? false, options.size ?? 9);
  return pdf.doc.heightOfString(text, { width });
}

/** Starts a new page when `height` does not fit below y; returns the y to continue at. */
export function ensureSpace(pdf: Pdf, y: number, height: number): number {
  if (y + height <= pdf.bottom) return y;
  pdf.doc.addPage();
  return MARGIN;
}

export function rule(pdf: Pdf, y: number, x1 = pdf.left, x2 = pdf.right, color = COLOR_RULE): void {
  pdf.doc.moveTo(x1, y).lineTo(x2, y).lineWidth(0.5).strokeColor(color).stroke();
}

/** A section heading with a rule under it; returns the y below. */
export function heading(pdf: Pdf, text: string, y: number): number {
  const top = ensureSpace(pdf, y, 40);
  const below = textAt(pdf, text, pdf.left, top, pdf.width, { bold: true, size: 10.5 });
  rule(pdf, below + 1);
  return below + 5;
}

export interface Column {
  readonly header: string;
  /** Share of the table width; shares are normalised. */
  readonly share: number;
  readonly align?: 'left' | 'right';
  /** Each line of a cell stays whole (dates, amounts, quantities): the column is at least as wide as its longest line. */
  readonly keepWhole?: boolean;
}

export interface TableRow {
  readonly cells: readonly string[];
  readonly bold?: boolean;
  /** Smaller grey text under the first wide cell, e.g. a serial number list. */
  readonly muted?: boolean;
}

const CELL_PAD = 3;

/**
 * A table from y down: a shaded header row, then the rows; when a row does
 * not fit, the page breaks and the header is drawn again. Returns the y below.
 */
export function table(pdf: Pdf, columns: readonly Column[], rows: readonly TableRow[], y: number, options: { size?: number } = {}): number {
  const size = options.size ?? 8.5;
  // Never narrower than the content: pdfkit would break a word that does not fit between its letters.
  const widest = (text: string, keepWhole: boolean, bold: boolean, fontSize: number) => {
    setFont(pdf, bold, fontSize);
    return Math.max(0, ...unbreakablePieces(text, keepWhole).map((piece) => pdf.doc.widthOfString(piece)));
  };
  // Half a point to spare for rounding in pdfkit's line wrapper.
  const minimums = columns.map((c, i) => 2 * CELL_PAD + 0.5 + Math.max(
    widest(c.header, false, true, size - 0.5),
    ...rows.map((row) => widest(row.cells[i] ?? '', c.keepWhole ?? false, row.bold ?? false, size)),
  ));
  const widths = fitColumns(columns.map((c) => c.share), minimums, pdf.width);
  const xs = widths.map((_, i) => pdf.left + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const drawHeader = (top: number): number => {
    const height = Math.max(...columns.map((c, i) => heightOf(pdf, c.header, widths[i]! - 2 * CELL_PAD, { bold: true, size: size - 0.5 }))) + 2 * CELL_PAD;
    pdf.doc.rect(pdf.left, top, pdf.width, height).fill(COLOR_HEADER_BG);
    columns.forEach((c, i) => textAt(pdf, c.header, xs[i]! + CELL_PAD, top + CELL_PAD, widths[i]! - 2 * CELL_PAD, { bold: true, size: size - 0.5, color: COLOR_MUTED, align: c.align ?? 'left' }));
    return top + height;
  };

  let top = drawHeader(ensureSpace(pdf, y, 40));
  for (const row of rows) {
    const height = Math.max(...row.cells.map((cell, i) => heightOf(pdf, cell, widths[i]! - 2 * CELL_PAD, { bold: row.bold ?? false, size }))) + 2 * CELL_PAD;
    if (top + height > pdf.bottom) {
      pdf.doc.addPage();
      top = drawHeader(MARGIN);
    }
    row.cells.forEach((cell, i) => textAt(pdf, cell, xs[i]! + CELL_PAD, top + CELL_PAD, widths[i]! - 2 * CELL_PAD, {
      bold: row.bold ?? false, size, color: row.muted ? COLOR_MUTED : COLOR_TEXT, align: columns[i]?.align ?? 'left',
    }));
    top += height;
    rule(pdf, top);
  }
  return top;
}

/** Label–value pairs in two aligned columns from (x, y); returns the y below. */
export function pairs(pdf: Pdf, items: readonly (readonly [string, string])[], x: number, y: number, width: number, labelShare = 0.5, size = 8.5, valueAlign: 'left' | 'right' = 'left'): number {
  const labelWidth = width * labelShare;
  let top = y;
  for (const [label, value] of items) {
    const h = Math.max(heightOf(pdf, label, labelWidth - 4, { size }), heightOf(pdf, value, width - labelWidth, { bold: true, size }));
    textAt(pdf, label, x, top, labelWidth - 4, { size, color: COLOR_MUTED });
    textAt(pdf, value, x + labelWidth, top, width - labelWidth, { bold: true, size, align: valueAlign });
    top += h + 1.5;
  }
  return top;
}

/** Footer text and "Page n of m" on every page; call once all pages exist. */
export function footers(pdf: Pdf, footerText: string | null): void {
  const { doc, labels } = pdf;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit open a new page.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 18;
    rule(pdf, y - 4);
    const pageText = `${labels.page} ${i - range.start + 1} ${labels.of} ${range.count}`;
    textAt(pdf, pageText, pdf.right - 90, y, 90, { size: 7, color: COLOR_MUTED, align: 'right' });
    if (footerText) textAt(pdf, footerText, pdf.left, y, pdf.width - 100, { size: 7, color: COLOR_MUTED });
    doc.page.margins.bottom = saved;
  }
}
