/**
 * Custom fields of tickets: the definition rules an administrator must keep,
 * and the check of the values a ticket carries against the definitions.
 */
import { isoDateProblem } from '../../../shared/calendar/index.ts';
import type { ErrorDetail } from '../../../shared/errors.ts';
import { BUILTIN_REQUIRED_FIELDS } from './process.ts';

export const CUSTOM_FIELD_KINDS = ['text', 'number', 'date', 'choice', 'multi_choice'] as const;
export type CustomFieldKind = (typeof CUSTOM_FIELD_KINDS)[number];

/** What value validation needs of a field definition. */
export interface CustomFieldDefinition {
  key: string;
  label: string;
  kind: CustomFieldKind;
  options: readonly string[];
  required: boolean;
}

/** A stored custom value: text and dates as strings, numbers, choices as lists of options. */
export type CustomValue = string | number | string[];

export const MAX_TEXT_LENGTH = 2000;

const hasOptions = (kind: CustomFieldKind): boolean => kind === 'choice' || kind === 'multi_choice';

/** Problems of a field definition (after its shape was checked); empty when valid. */
export function customFieldProblems(field: { key: string; kind: CustomFieldKind; options: readonly string[] }): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if ((BUILTIN_REQUIRED_FIELDS as readonly string[]).includes(field.key)) {
    problems.push({ path: 'key', code: 'reserved_key', message: `"${field.key}" is a ticket field already` });
  }
  if (hasOptions(field.kind)) {
    if (field.options.length === 0) problems.push({ path: 'options', code: 'required', message: 'A choice needs options' });
    const seen = new Set<string>();
    field.options.forEach((option, i) => {
      if (seen.has(option)) problems.push({ path: `options.${i}`, code: 'duplicate', message: `Option "${option}" is listed twice` });
      seen.add(option);
    });
  } else if (field.options.length > 0) {
    problems.push({ path: 'options', code: 'options_not_allowed', message: `A ${field.kind} field has no options` });
  }
  return problems;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

const mismatch = (path: string, message: string): ErrorDetail => ({ path, code: 'invalid_custom_field', message });

/** One value checked against its field: the normalised value, or the problem. */
function checkValue(field: CustomFieldDefinition, value: unknown, path: string): { value: CustomValue } | { problem: ErrorDetail } {
  switch (field.kind) {
    case 'text':
      if (typeof value !== 'string') return { problem: mismatch(path, `${field.label} must be text`) };
      if (value.length > MAX_TEXT_LENGTH) return { problem: { path, code: 'too_long', message: `${field.label} is longer than ${MAX_TEXT_LENGTH} characters` } };
      return { value: value.trim() };
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { problem: mismatch(path, `${field.label} must be a number`) };
      return { value };
    case 'date': {
      if (typeof value !== 'string') return { problem: mismatch(path, `${field.label} must be a date YYYY-MM-DD`) };
      const notADate = isoDateProblem(value);
      if (notADate !== null) return { problem: mismatch(path, `${field.label}: ${notADate}`) };
      return { value };
    }
    case 'choice':
      if (typeof value !== 'string') return { problem: mismatch(path, `${field.label} must be one of its options`) };
      if (!field.options.includes(value)) return { problem: { path, code: 'invalid_choice', message: `"${value}" is not an option of ${field.label}` } };
      return { value };
    case 'multi_choice': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        return { problem: mismatch(path, `${field.label} must be a list of its options`) };
      }
      const wrong = (value as string[]).findIndex((v) => !field.options.includes(v));
      if (wrong >= 0) return { problem: { path: `${path}.${wrong}`, code: 'invalid_choice', message: `"${String(value[wrong])}" is not an option of ${field.label}` } };
      // Stored in the order of the options, once each, so equal selections compare equal.
      return { value: field.options.filter((o) => (value as string[]).includes(o)) };
    }
  }
}

export interface CustomValuesResult {
  /** The values to store: only fields with a value; an emptied field is left out. */
  values: Record<string, CustomValue>;
  problems: ErrorDetail[];
}

/**
 * Checks a ticket's custom values against the fields of its type (its own and
 * the global ones; pass active fields only). `current` are the stored values an
 * update starts from: the input then changes only the keys it names (null
 * clears one), and required fields must still hold a value afterwards. Paths
 * are `<prefix>.<key>`.
 */
export function validateCustomValues(
  fields: readonly CustomFieldDefinition[],
  input: Readonly<Record<string, unknown>>,
  options: { current?: Readonly<Record<string, unknown>>; prefix?: string } = {},
): CustomValuesResult {
  const prefix = options.prefix ?? 'custom';
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const problems: ErrorDetail[] = [];
  const values: Record<string, CustomValue> = {};
  // Stored values of fields that no longer apply are kept as they are: history, not input.
  for (const [key, value] of Object.entries(options.current ?? {})) {
    if (!isEmpty(value)) values[key] = value as CustomValue;
  }
  for (const [key, value] of Object.entries(input)) {
    const path = `${prefix}.${key}`;
    const field = byKey.get(key);
    if (!field) {
      problems.push({ path, code: 'unknown_field', message: `No custom field "${key}" on this ticket type` });
      continue;
    }
    if (isEmpty(value)) {
      delete values[key];
      continue;
    }
    const checked = checkValue(field, value, path);
    if ('problem' in checked) problems.push(checked.problem);
    else values[key] = checked.value;
  }
  for (const field of fields) {
    const path = `${prefix}.${field.key}`;
    const reported = problems.some((p) => p.path === path || p.path.startsWith(`${path}.`));
    if (field.required && isEmpty(values[field.key]) && !reported) {
      problems.push({ path, code: 'required', message: `${field.label} is required` });
    }
  }
  return { values, problems };
}
