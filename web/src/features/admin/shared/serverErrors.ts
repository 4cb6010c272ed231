// Pure helpers that sort a server error's details (400 with paths such as
// `states.2.code`, `transitions.0.to`, `weekly.3.1`) onto the rows of an editor.
import type { ApiErrorDetail } from '../../../app/api/client';
import { isApiError } from '../../../app/api/client';

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
