/** Reading rendered PDFs back in tests, with poppler's tools (the apt package poppler-utils). */
import { execFileSync } from 'node:child_process';

/** Whether pdftotext is installed (the test command's setup installs it; a bare machine may lack it). */
export const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A PDF's text (its bytes, or a file's path) as one line: any run of white space, no-break spaces too, as one space. */
export function pdfText(pdf: Buffer | string): string {
  const text = typeof pdf === 'string'
    ? execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
    : execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
  return text.replace(/[\s\u00a0]+/g, ' ');
}

/** A PDF's text line by line as printed (pdftotext's reading order), for tests of where lines break. */
export function pdfLines(pdf: Buffer): string[] {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' }).split('\n').map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim());
}
