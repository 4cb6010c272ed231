/**
 * pdfkit, loaded on first use: the library (with fontkit) costs the server about
 * 13 MB of memory from start otherwise, and most processes print nothing for hours.
 * The renderers call loadPdfKit() before they build a document.
 */
import type PDFKitDocument from 'pdfkit';

type PdfKitClass = typeof PDFKitDocument;
let loaded: PdfKitClass | undefined;

export async function loadPdfKit(): Promise<void> {
  loaded ??= (await import('pdfkit')).default;
}

/** The PDFDocument class; loadPdfKit() must have run. */
export function pdfKit(): PdfKitClass {
  if (!loaded) throw new Error('pdfkit is not loaded: call loadPdfKit() before rendering');
  return loaded;
}
