// Turns server errors into messages in the user's language and puts field
// errors on the matching form fields (detail.path = field name, dotted when nested).
import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { formatDate } from '../format';
import { ApiError, type ApiErrorDetail, isApiError } from './client';

function translateCode(t: TFunction, code: string, fallback: string, params?: Record<string, unknown>): string {
  const key = `errors.${code}`;
  return i18n.exists(key) ? t(key, params) : fallback || t('errors.unknown');
}

/** The message for a whole error (top-level code), in the user's language. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'duplicate') return duplicateMessage(t, error) ?? translateCode(t, error.code, error.message);
    const seconds = error.extra.retryAfterSeconds;
    return translateCode(t, error.code, error.message, { seconds: typeof seconds === 'number' ? seconds : '' });
  }
  return t('errors.unknown');
}

/**
 * What a 409 duplicate takes, said in full: "A client with company ID 12345678 already exists."
 * The server names the field and the value sent (error.field, error.value); a field without a
 * text of its own gets the general one. Without a value, null: the caller says "already in use".
 */
function duplicateMessage(t: TFunction, error: ApiError): string | null {
  const { field, value } = error.extra;
  if (typeof field !== 'string' || (typeof value !== 'string' && typeof value !== 'number') || value === '') return null;
  const key = `duplicates.${field.split('.').pop()}`;
  const shown = typeof value === 'string' && ISO_DATE.test(value) ? formatDate(value) : String(value);
  return t(i18n.exists(key) ? key : 'duplicates.other', { value: shown });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The message for one field problem, in the user's language: a text for this
 * field and code (fieldErrors.<field>.<code>) if there is one, else the limit
 * it broke ("At most 200 characters"), else the text for the code.
 */
export function detailMessage(t: TFunction, detail: ApiErrorDetail): string {
  const field = detail.path.split('.').pop() ?? '';
  const specific = `fieldErrors.${field}.${detail.code}`;
  if (field && i18n.exists(specific)) return t(specific);
  return limitMessage(t, detail) ?? translateCode(t, detail.code, detail.message);
}

/** Codes of a broken length or size limit, the detail's field that carries the limit, and the text that names it. */
const LIMIT_TEXTS: Record<string, { field: 'maximum' | 'minimum'; sign: '<=' | '>='; key: string; param: 'max' | 'min' }> = {
  too_long: { field: 'maximum', sign: '<=', key: 'limits.maxLength', param: 'max' },
  too_big: { field: 'maximum', sign: '<=', key: 'limits.max', param: 'max' },
  too_short: { field: 'minimum', sign: '>=', key: 'limits.minLength', param: 'min' },
  too_small: { field: 'minimum', sign: '>=', key: 'limits.min', param: 'min' },
};

/**
 * "At most 200 characters" for a detail that broke a limit, or null. The server sends the
 * limit as the detail's maximum / minimum; an answer without it (an older server) still
 * names it in the English message ("Too big: expected string to have <=200 characters"),
 * read as the fallback. A detail with neither keeps the general text.
 */
function limitMessage(t: TFunction, detail: ApiErrorDetail): string | null {
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

function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in (node as Record<string, unknown>))) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

export interface FormLike {
  getValues: () => unknown;
  setFieldError: (path: string, error: string) => void;
}

/**
 * Shows each server field error on its form field. Returns the messages that
 * match no field (to be shown above the form), without the generic headline.
 */
export function applyFormErrors(
  form: FormLike,
  error: unknown,
  t: TFunction,
  pathMap: Record<string, string> = {},
): string[] {
  if (!(error instanceof ApiError)) return [];
  const values = form.getValues();
  const leftovers: string[] = [];
  for (const detail of error.details) {
    const path = pathMap[detail.path] ?? detail.path;
    const message = detailMessage(t, detail);
    if (path && hasPath(values, path)) form.setFieldError(path, message);
    else leftovers.push(path ? `${path}: ${message}` : message);
  }
  return leftovers;
}
