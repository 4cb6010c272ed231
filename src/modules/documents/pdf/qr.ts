/**
 * Draws a QR code as vector squares (sharp at any zoom and printer, no PNG
 * to encode): the `qrcode` package computes the symbol, each run of dark
 * modules in a row becomes one rectangle.
 */
import QRCode from 'qrcode';
import type { Pdf } from './layout.ts';

/** Quiet zone the QR specification requires around the symbol, in modules. */
const QUIET_ZONE = 4;

export interface QrSymbol {
  readonly size: number;
  readonly isDark: (row: number, col: number) => boolean;
}

/** The QR symbol of a text, error correction M (what QR Platba and PAY by square use in practice). */
export function qrSymbol(text: string): QrSymbol {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = code.modules;
  return { size, isDark: (row, col) => data[row * size + col] === 1 };
}

/** Draws the symbol with its top-left corner at (x, y) and the given side length including the quiet zone. */
export function drawQr(pdf: Pdf, text: string, x: number, y: number, side: number): void {
  const symbol = qrSymbol(text);
  const module = side / (symbol.size + 2 * QUIET_ZONE);
  const { doc } = pdf;
  doc.save();
  doc.rect(x, y, side, side).fill('#ffffff');
  for (let row = 0; row < symbol.size; row++) {
    let col = 0;
    while (col < symbol.size) {
      if (!symbol.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < symbol.size && symbol.isDark(row, col)) col++;
      doc.rect(x + (QUIET_ZONE + start) * module, y + (QUIET_ZONE + row) * module, (col - start) * module, module);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
