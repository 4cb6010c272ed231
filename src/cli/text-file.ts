import { readFileSync } from 'node:fs';
import { CliError, fileError } from './errors.ts';

/** The encodings `kontor import` reads: UTF-8, and what Czech and Slovak Excel writes as "CSV (oddělený středníkem)". */
export const TEXT_ENCODINGS = ['utf-8', 'windows-1250'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export function isTextEncoding(value: string): value is TextEncoding {
  return (TEXT_ENCODINGS as readonly string[]).includes(value.toLowerCase());
}

/**
 * The text of a file. Without an encoding: UTF-8 when the bytes are valid UTF-8,
 * otherwise Windows-1250 (`guessed` says so, for the command to tell the user):
 * decoding such a file as UTF-8 would silently turn every č, ř or ž into "�".
 */
export function decodeText(bytes: Uint8Array, encoding?: TextEncoding): { text: string; encoding: TextEncoding; guessed: boolean } {
  if (encoding) return { text: new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(bytes), encoding, guessed: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', guessed: false };
  } catch {
    return { text: new TextDecoder('windows-1250').decode(bytes), encoding: 'windows-1250', guessed: true };
  }
}

/** Reads a text file the user named; a missing or unreadable file or one not in the encoding asked for is a clear CliError. */
export function readTextFile(path: string, encoding?: TextEncoding): { text: string; encoding: TextEncoding; guessed: boolean } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw fileError(path, error, 'file');
  }
  try {
    return decodeText(bytes, encoding);
  } catch {
    throw new CliError(`The file ${path} is not valid UTF-8.`, 'If Excel saved it as "CSV (oddělený středníkem)", add --encoding windows-1250, or save it as "CSV UTF-8" and import again.');
  }
}
