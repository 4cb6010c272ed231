// How the audit log's detail words what an entry recorded: field names as labels in
// the reader's language, ids as the names of what they refer to (the server looks
// them up: AuditEntry.references), codes (priorities, states, roles) as their texts.
// The recorded field and id stay at hand: the field's path on hover, the id beside
// the name.
import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { formatDate, formatDateTimeSeconds } from '../../app/format';
import { stateLabel, typeLabel } from '../tickets/labels';
import type { AuditEntry, AuditReference } from './api';
import { formatValue, isRecordedReference, type PathPart } from './diff';

/** A piece of a shown value: a name with the id it stands for, a deleted row, or plain text with the code behind it. */
export interface ValuePart {
  text: string;
  /** The id the name stands for. */
  id?: number;
  /** The id names a row deleted since. */
  deleted?: boolean;
  /** What was recorded, when the text words it differently (a code). */
  recorded?: string;
}

// Only simple names are looked up as texts: a key with `:` or `.` would be read as a
// namespace or a nested key.
const LOOKUP_SAFE = /^[A-Za-z][A-Za-z0-9_]*$/;

const camelCase = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** "billingAddress" → "Billing address": a field Kontor has no text for yet still reads as words. */
function words(name: string): string {
  const spaced = name.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** 5 January 2026 was a Monday: day n of its week, named in the reader's language. */
function weekdayName(isoDay: number): string {
  return new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 4 + isoDay));
}

/** The first of these texts that exists. */
function textOf(t: TFunction, keys: string[]): string | null {
  const key = keys.find((k) => i18n.exists(k));
  return key ? t(key) : null;
}

/**
 * A field's path as a label: "Lines › 2 › Item" for lines.1.itemId. An entity may
 * name a field its own way (a user's name is a person's).
 */
export function fieldLabel(t: TFunction, entity: string, parts: readonly PathPart[]): string {
  return parts
    .map((part, i) => {
      if (typeof part === 'number') return String(part + 1);
      // A calendar's week is kept by ISO day number: 1 is Monday.
      if (parts[i - 1] === 'weekly' && /^[1-7]$/.test(part)) return weekdayName(Number(part));
      if (/^P[1-4]$/.test(part)) return t(`tickets.priorities.${part}`);
      if (!LOOKUP_SAFE.test(part)) return part;
      const name = camelCase(part);
      return textOf(t, [`audit.fieldsOf.${entity}.${name}`, `audit.fields.${name}`]) ?? words(part);
    })
    .join(' › ');
}

type CodeWording = (t: TFunction, code: string) => string | null;

const fromTexts = (...prefixes: string[]): CodeWording => (t, code) => textOf(t, prefixes.map((p) => `${p}.${code}`));
const ticketState: CodeWording = (t, code) => stateLabel(t, { code });
const ticketType: CodeWording = (t, code) => typeLabel(t, { code });

/**
 * Fields whose values are codes with a text, by field name; a field that means one
 * thing in one entity and another elsewhere (state, kind) by entity.
 */
const CODE_WORDINGS: Record<string, CodeWording | Record<string, CodeWording>> = {
  priority: fromTexts('tickets.priorities'),
  impact: fromTexts('tickets.levels.impact'),
  urgency: fromTexts('tickets.levels.urgency'),
  stateCategory: fromTexts('tickets.stateCategories'),
  stateCode: ticketState,
  typeCode: ticketType,
  slaStatus: fromTexts('tickets.sla.status'),
  // The SLA watcher's clock: firstResponse or resolution.
  clock: fromTexts('tickets.sla'),
  clocks: fromTexts('tickets.sla'),
  roles: fromTexts('roles'),
  language: fromTexts('languages'),
  vatCategory: fromTexts('pricing.vatCategories'),
  periodKind: fromTexts('contracts.periodKinds'),
  state: {
    ticket: ticketState,
    record: fromTexts('records.states'),
    invoice: fromTexts('billing.status'),
    stock_document: fromTexts('warehouse.states'),
    billing_run: fromTexts('billing.run.states'),
  },
  from: { ticket_type: ticketState },
  to: { ticket_type: ticketState },
  category: { ticket_type: fromTexts('tickets.stateCategories'), vat_rate: fromTexts('pricing.vatCategories') },
  kind: {
    record: fromTexts('records.kinds'),
    stock_document: fromTexts('warehouse.kindsOne'),
    warehouse: fromTexts('warehouse.kinds'),
    invoice: fromTexts('billing.kinds', 'billing.lineKinds'),
  },
  status: { mail: fromTexts('admin.mail.statuses') },
  reason: { session: fromTexts('audit.signInFailures') },
};

function codeWording(entity: string, field: string): CodeWording | null {
  const wording = CODE_WORDINGS[field];
  if (!wording) return null;
  return typeof wording === 'function' ? wording : wording[entity] ?? null;
}

/** Ids as recorded: a number, a list of numbers, or their text (a saved view's filters). */
function idsOf(value: unknown): number[] | null {
  const list = Array.isArray(value) ? value : [value];
  const ids = list.map((v) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : typeof v === 'string' && /^[1-9]\d{0,14}$/.test(v) ? Number(v) : null));
  return list.length > 0 && ids.every((id) => id !== null) ? (ids as number[]) : null;
}

/**
 * A name the server put together from parts ("2026-10-12 · Martin Vedoucí · T2026-000006"
 * for a work record, a stock document's day and warehouse) with its days as the app writes them.
 */
export function withDatesWritten(name: string): string {
  return name
    .split(' · ')
    .map((part) => (ISO_DAY.test(part) ? formatDate(part) : part))
    .join(' · ');
}

/**
 * How the entry's row names what it changed: the entity's name now (its days written as
 * the app writes them), or a setting by its text; null when there is no name to show.
 */
export function entityName(t: TFunction, entry: Pick<AuditEntry, 'entity' | 'entityId' | 'entityLabel'>): string | null {
  if (entry.entityLabel !== null) return withDatesWritten(entry.entityLabel);
  // A setting's id is its key (ticket_number_prefix): the reader knows it by what it sets.
  if (entry.entity === 'setting' && typeof entry.entityId === 'string' && LOOKUP_SAFE.test(entry.entityId)) return textOf(t, [`audit.settingKeys.${entry.entityId}`]);
  return null;
}

function referenceParts(t: TFunction, ref: AuditReference, ids: number[]): ValuePart[] {
  return ids.map((id): ValuePart => {
    const name = ref.names[id];
    if (name === undefined) return { text: String(id) };
    if (name === null) return { text: t('audit.deletedRef', { id }), deleted: true };
    const code = ref.codes?.[id];
    if (code !== undefined && ref.entity === 'ticket_state') return { text: stateLabel(t, { code, name }), id };
    if (code !== undefined && ref.entity === 'ticket_type') return { text: typeLabel(t, { code, name }), id };
    return { text: withDatesWritten(name), id };
  });
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A day ('2026-12-31') or a moment ('2026-11-28T17:35:59.731Z') as the app writes them, in the reader's language and time zone; null for other text. */
function writtenDate(value: string): string | null {
  if (ISO_DAY.test(value)) return formatDate(value);
  if (ISO_TIMESTAMP.test(value)) return formatDateTimeSeconds(value);
  return null;
}

/** Days and moments, one or a list of them, as the reader writes them, each keeping what was recorded; null when the value holds other things. */
function dateParts(value: unknown): ValuePart[] | null {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((v): v is string => typeof v === 'string')) return null;
  const parts = list.map((recorded) => {
    const text = writtenDate(recorded);
    return text === null ? null : { text, recorded };
  });
  return parts.every((p) => p !== null) ? parts : null;
}

/**
 * A recorded value as the reader should see it: the names of the ids it holds, its
 * codes' texts, yes or no, days and moments (and lists of them) as the app writes them;
 * anything else as recorded.
 */
export function describeValue(t: TFunction, entry: Pick<AuditEntry, 'entity' | 'references'>, parts: readonly PathPart[], value: unknown): ValuePart[] {
  if (isRecordedReference(value)) return [{ text: value.name ?? value.path ?? '', id: value.id }];
  const field = [...parts].reverse().find((p): p is string => typeof p === 'string');
  const ref = field === undefined ? undefined : entry.references[field];
  const ids = ref ? idsOf(value) : null;
  if (ref && ids) return referenceParts(t, ref, ids);

  const wording = field === undefined ? null : codeWording(entry.entity, field);
  // A saved view's filter lists several codes in one text: P1,P2.
  const codes = typeof value === 'string' ? value.split(',') : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null;
  if (wording && codes && codes.length > 0 && codes.every((c) => LOOKUP_SAFE.test(c))) {
    return codes.map((code) => {
      const text = wording(t, code) ?? code;
      return text === code ? { text } : { text, recorded: code };
    });
  }
  if (typeof value === 'boolean') return [{ text: t(value ? 'common.yes' : 'common.no'), recorded: String(value) }];
  return dateParts(value) ?? [{ text: formatValue(value) }];
}
