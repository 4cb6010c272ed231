// Pure helpers of the template editor: inserting a placeholder where the
// cursor is, and putting placeholder errors on the subject or body field.
import type { ApiErrorDetail } from '../../../app/api/client';
import { placeholderOf } from '../shared/serverErrors';

/** The text with `{{name}}` put at [start, end) (replacing a selection), and the cursor after it. */
export function insertPlaceholder(text: string, name: string, start: number, end = start): { text: string; cursor: number } {
  const token = `{{${name}}}`;
  const a = Math.max(0, Math.min(start, text.length));
  const b = Math.max(a, Math.min(end, text.length));
  return { text: text.slice(0, a) + token + text.slice(b), cursor: a + token.length };
}

export interface TemplateFieldError {
  code: string;
  placeholder: string | null;
}

/** The first problem per field ("subject", "body") of a 400 answer. */
export function templateFieldErrors(details: readonly ApiErrorDetail[]): Partial<Record<'subject' | 'body', TemplateFieldError>> {
  const out: Partial<Record<'subject' | 'body', TemplateFieldError>> = {};
  for (const d of details) {
    if ((d.path === 'subject' || d.path === 'body') && !out[d.path]) out[d.path] = { code: d.code, placeholder: d.code === 'unknown_placeholder' ? placeholderOf(d.message) : null };
  }
  return out;
}

/**
 * Why a refused preview could not be filled from its ticket (`unknown_ticket`: no such ticket, or one
 * the user may not see; `no_sla_target`: an SLA escalation about a ticket without an SLA target;
 * `no_colleague_update`: a colleague's update about a ticket with no change to tell), or
 * null when the refusal is not about the ticket.
 */
export function ticketRefusal(details: readonly ApiErrorDetail[]): string | null {
  return details.find((d) => d.path === 'ticketNumber')?.code ?? null;
}

/** Placeholders a text uses that the template does not know (checked before the server does). */
export function unknownPlaceholders(text: string, allowed: readonly string[]): string[] {
  const found = [...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1] ?? '');
  return [...new Set(found.filter((name) => !allowed.includes(name)))];
}

/** What the preview box shows: why there is no preview, or the preview. */
export type PreviewState =
  | { kind: 'blank' }
  | { kind: 'unknown'; placeholders: string[] }
  | { kind: 'failed' }
  | { kind: 'loading' }
  | { kind: 'ready' };

/**
 * A filled-in template with an unknown placeholder gets no preview from the server:
 * the box says which placeholder, not "fill in the subject and body".
 */
export function previewState(text: { subject: string; body: string }, allowed: readonly string[], preview: { hasData: boolean; failed: boolean }): PreviewState {
  if (!text.subject.trim() || !text.body.trim()) return { kind: 'blank' };
  const unknown = unknownPlaceholders(`${text.subject}\n${text.body}`, allowed);
  if (unknown.length) return { kind: 'unknown', placeholders: unknown };
  if (preview.failed) return { kind: 'failed' };
  return preview.hasData ? { kind: 'ready' } : { kind: 'loading' };
}
