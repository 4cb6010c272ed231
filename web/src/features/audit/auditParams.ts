import type { AuditFilters } from './api';

const KEYS: (keyof AuditFilters)[] = ['entity', 'entityId', 'actorUserId', 'action', 'from', 'to'];

/** A record's or user's id as typed in a filter field: a positive whole number (up to 15 digits). */
export function isIdText(text: string): boolean {
  return /^[1-9]\d{0,14}$/.test(text);
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

const VALID: Record<keyof AuditFilters, (v: string) => boolean> = {
  // Codes as the server writes them (record, mail_template, draft.add_line); it takes up to 50 characters.
  entity: (v) => /^[\w.:-]{1,50}$/.test(v),
  action: (v) => /^[\w.:-]{1,50}$/.test(v),
  entityId: isIdText,
  actorUserId: isIdText,
  from: isCalendarDate,
  to: isCalendarDate,
};

/**
 * The audit log's filters from its address. A value that cannot be one (a typed or
 * cut-off link: `from=2026-13-45`, `entityId=abc`) is left out and named, so the page
 * shows the log with a note instead of the server's refusal of the whole request.
 */
export function auditFiltersFrom(params: URLSearchParams): { filters: AuditFilters; ignored: (keyof AuditFilters)[] } {
  const filters = {} as AuditFilters;
  const ignored: (keyof AuditFilters)[] = [];
  for (const key of KEYS) {
    const value = (params.get(key) ?? '').trim();
    if (value && !VALID[key](value)) ignored.push(key);
    filters[key] = value && VALID[key](value) ? value : '';
  }
  return { filters, ignored };
}
