/**
 * Windows-1250 for POHODA: text the code page cannot hold (emoji, other scripts)
 * becomes an XML character reference instead of a question mark, so no character
 * of a client's name is lost. Only valid for XML text and attribute values.
 */
import iconv from 'iconv-lite';

const REPRESENTABLE = new Set(iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), 'win1250'));
// Anything outside ASCII is checked; ASCII always fits.
const NON_ASCII = /[^\x00-\x7f]/gu;

export function toXmlWindows1250(xml: string): Buffer {
  const safe = xml.replace(NON_ASCII, (ch) => (REPRESENTABLE.has(ch) ? ch : `&#x${ch.codePointAt(0)!.toString(16).toUpperCase()};`));
  return iconv.encode(safe, 'win1250');
}

export function fromWindows1250(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), 'win1250');
}
