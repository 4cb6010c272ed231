import type { TFunction } from 'i18next';
import { formatNumber } from '../../app/format';

/** 1536 → "1,5 kB"; in the user's number format. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`;
}

/** The text for a file over the attachment size limit, naming the file and the limit. */
export function attachmentTooLargeText(t: TFunction, filename: string, maxBytes: number): string {
  return t('tickets.attachments.tooLarge', { filename, limit: formatBytes(maxBytes) });
}

/**
 * Why a chosen file is not sent: it is larger than the server's limit (from the session), so the
 * upload would only be refused after the whole file went over the wire. Null: send it (also when
 * the limit is not known; the server checks it in any case).
 */
export function attachmentSizeProblem(t: TFunction, file: { name: string; size: number }, maxBytes: number | null | undefined): string | null {
  if (typeof maxBytes !== 'number' || file.size <= maxBytes) return null;
  return attachmentTooLargeText(t, file.name, maxBytes);
}
