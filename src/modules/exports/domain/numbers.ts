/**
 * Number and identifier text shared by the export formats: amounts as decimal
 * text from integer minor units (never through floating point), quantities from
 * thousandths, and document UUIDs that do not change between exports.
 */
import { createHash } from 'node:crypto';
import { minorToDecimal, type MinorUnits } from '../../../shared/money.ts';
import { formatQuantity, type QuantityMilli } from '../../../shared/quantity.ts';

/** 123450 → "1234.50"; CZK and EUR have hundredths. */
export function decimal(minor: MinorUnits): string {
  return minorToDecimal(minor);
}

/** 2500 → "2.5". */
export function quantity(milli: QuantityMilli): string {
  return formatQuantity(milli);
}

/** 2100 basis points → "21"; 1050 → "10.5". */
export function percent(bp: number): string {
  return quantity(bp * 10);
}

/** Negates without producing -0. */
export function negate(minor: MinorUnits): MinorUnits {
  return minor === 0 ? 0 : -minor;
}

/**
 * A name-based UUID (RFC 4122 version 5 layout over SHA-1) of the document: the
 * same invoice always gets the same UUID, so re-exports replace rather than duplicate
 * in the accounting program and golden files stay stable.
 */
export function documentUuid(kind: string, id: string, issuerId: string | null): string {
  const hash = createHash('sha1').update(`kontor:${issuerId ?? ''}:${kind}:${id}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** '19-2000145399/0800' → { number: '19-2000145399', bankCode: '0800' }; null when not in the domestic form. */
export function splitAccountNumber(text: string | null): { number: string; bankCode: string } | null {
  const match = text === null ? null : /^\s*([0-9-]+)\s*\/\s*(\d{4})\s*$/.exec(text);
  return match ? { number: match[1]!, bankCode: match[2]! } : null;
}

/** Safe file name from a document number: 'FV/2026/0001' → 'FV-2026-0001'. */
export function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'document';
}
