/**
 * Ticket numbers: a configurable prefix, the year and a per-year sequence,
 * e.g. T2026-000123. Readable on the phone and sortable as text within a year.
 */
export function formatTicketNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}${year}-${String(seq).padStart(6, '0')}`;
}

const NUMBER = /^([A-Z]{0,5})(\d{4})-(\d{6,})$/;

export function parseTicketNumber(text: string): { prefix: string; year: number; seq: number } | null {
  const m = NUMBER.exec(text.trim().toUpperCase());
  return m ? { prefix: m[1] ?? '', year: Number(m[2]), seq: Number(m[3]) } : null;
}

export function isValidPrefix(prefix: string): boolean {
  return /^[A-Z]{0,5}$/.test(prefix);
}
