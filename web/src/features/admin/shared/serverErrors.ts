// Pure helpers that sort a server error's details (400 with paths such as
// `states.2.code`, `transitions.0.to`, `weekly.3.1`) onto the rows of an editor,
// and say a broken limit with the limit ("At most 200 characters") the server sends.
import type { TFunction } from 'i18next';
import type { ApiErrorDetail } from '../../../app/api/client';
import { ApiError, isApiError } from '../../../app/api/client';
import { applyFormErrors, detailMessage, type FormLike } from '../../../app/api/errors';

/** The details of an error; none for anything that is not an ApiError. */
export function errorDetails(error: unknown): ApiErrorDetail[] {
  return isApiError(error) ? error.details : [];
}

/**
 * Details grouped by the index after `prefix` (e.g. prefix "states" → index 2
 * for "states.2.code"), each with the rest of its path ("code"; "" for the row).
 */
export function detailsByIndex(details: readonly ApiErrorDetail[], prefix: string): Map<number, Array<ApiErrorDetail & { field: string }>> {
  const out = new Map<number, Array<ApiErrorDetail & { field: string }>>();
  const head = `${prefix}.`;
  for (const d of details) {
    if (!d.path.startsWith(head)) continue;
    const [index, ...rest] = d.path.slice(head.length).split('.');
    const n = Number(index);
    if (!Number.isInteger(n) || n < 0) continue;
    out.set(n, [...(out.get(n) ?? []), { ...d, field: rest.join('.') }]);
  }
  return out;
}

/** Details whose path is exactly `path` or lies under it. */
export function detailsUnder(details: readonly ApiErrorDetail[], path: string): ApiErrorDetail[] {
  return details.filter((d) => d.path === path || d.path.startsWith(`${path}.`));
}

/** Details that none of the given prefixes claims (shown above the editor). */
export function unclaimedDetails(details: readonly ApiErrorDetail[], claimed: readonly string[]): ApiErrorDetail[] {
  return details.filter((d) => !claimed.some((p) => d.path.startsWith(`${p}.`)));
}

/** The first {{placeholder}} a server message names (unknown_placeholder carries it only in the message). */
export function placeholderOf(message: string): string | null {
  const match = /\{\{\s*([^{}]*?)\s*\}\}/.exec(message);
  return match ? (match[1] ?? '') : null;
}

/** Codes of a broken length or size limit, the detail's field that carries the limit, and the text that names it. */
const LIMIT_TEXTS: Record<string, { field: 'maximum' | 'minimum'; sign: '<=' | '>='; key: string; param: 'max' | 'min' }> = {
  too_long: { field: 'maximum', sign: '<=', key: 'admin.limits.maxLength', param: 'max' },
  too_big: { field: 'maximum', sign: '<=', key: 'admin.limits.max', param: 'max' },
  too_short: { field: 'minimum', sign: '>=', key: 'admin.limits.minLength', param: 'min' },
  too_small: { field: 'minimum', sign: '>=', key: 'admin.limits.min', param: 'min' },
};

/**
 * "At most 200 characters" for a detail that broke a limit, or null. The server sends the
 * limit as the detail's maximum / minimum; an answer without it (an older server) still
 * names it in the English message ("Too big: expected string to have <=200 characters"),
 * read as the fallback. A detail with neither keeps the general text.
 */
export function limitMessage(t: TFunction, detail: ApiErrorDetail): string | null {
  const text = LIMIT_TEXTS[detail.code];
  if (!text) return null;
  const sent = detail[text.field];
  const limit = typeof sent === 'number' && Number.isFinite(sent) ? sent : limitInMessage(detail.message, text.sign);
  // count picks the plural form where the text has them ("Alespoň 3 znaky", "Nejvýše 200 znaků").
  return limit === null ? null : t(text.key, { [text.param]: limit, count: limit });
}

/** The inclusive limit an English zod message names after its sign ("<=200"), or null. */
function limitInMessage(message: string, sign: '<=' | '>='): number | null {
  const match = new RegExp(`${sign}\\s*(-?\\d+)`).exec(message);
  return match ? Number(match[1]) : null;
}

/** The message for one field problem, naming the limit when one was broken. */
export function adminDetailMessage(t: TFunction, detail: ApiErrorDetail): string {
  return limitMessage(t, detail) ?? detailMessage(t, detail);
}

function hasFormPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in (node as Record<string, unknown>))) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * applyFormErrors for the admin forms: the same placing of server field errors,
 * with broken limits said with the limit. Returns the messages no field takes.
 */
export function applyAdminFormErrors(form: FormLike, error: unknown, t: TFunction, pathMap: Record<string, string> = {}): string[] {
  if (!isApiError(error)) return [];
  const limited = error.details.flatMap((detail) => {
    const message = limitMessage(t, detail);
    return message === null ? [] : [{ detail, message }];
  });
  const rest = error.details.filter((d) => !limited.some((l) => l.detail === d));
  const leftovers = applyFormErrors(form, new ApiError(error.status, error.code, error.message, rest, error.extra), t, pathMap);
  const values = form.getValues();
  for (const { detail, message } of limited) {
    const path = pathMap[detail.path] ?? detail.path;
    if (path && hasFormPath(values, path)) form.setFieldError(path, message);
    else leftovers.push(path ? `${path}: ${message}` : message);
  }
  return leftovers;
}
