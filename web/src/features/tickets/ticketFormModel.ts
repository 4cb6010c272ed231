// Form values of a ticket ⇄ API bodies. Pure, for the create form, the edit
// dialog and transition forms; custom values are typed by their field's kind.
import type { CustomValue, Level, NewTicket, Priority, Ticket, TicketPatch } from './api';
import type { CustomField } from './configApi';
import { typedNotANumber } from '../../app/components/numberFieldText';

/**
 * What an input holds: text, a number or '' (a number field; or the text typed into it when that
 * is no number, refused by customNumberTextPaths), an option or null, options.
 */
export type CustomInput = string | number | string[] | null;

export interface TicketFormValues {
  clientId: number | null;
  requesterContactId: number | null;
  subject: string;
  description: string;
  typeCode: string;
  queueId: string | null;
  teamId: string | null;
  assigneeId: number | null;
  impact: Level;
  urgency: Level;
  /** '' = from impact × urgency */
  priority: Priority | '';
  categoryId: number | null;
  tags: string[];
  custom: Record<string, CustomInput>;
  dimensions: Record<string, string | null>;
  /** Staff users and the client's contacts who follow the ticket. */
  watcherUserIds: number[];
  watcherContactIds: number[];
  /** The ticket this one is a sub-ticket of. */
  parentId: number | null;
}

export function emptyTicketValues(): TicketFormValues {
  return {
    clientId: null,
    requesterContactId: null,
    subject: '',
    description: '',
    typeCode: 'incident',
    queueId: null,
    teamId: null,
    assigneeId: null,
    impact: 'medium',
    urgency: 'medium',
    priority: '',
    categoryId: null,
    tags: [],
    custom: {},
    dimensions: {},
    watcherUserIds: [],
    watcherContactIds: [],
    parentId: null,
  };
}

/** An empty input for a field of this kind. */
export function emptyCustomInput(field: Pick<CustomField, 'kind'>): CustomInput {
  if (field.kind === 'multi_choice') return [];
  if (field.kind === 'choice') return null;
  return '';
}

/** Inputs for the fields of a type: kept where the key stays, empty otherwise. */
export function customInputsFor(fields: CustomField[], current: Record<string, CustomValue | CustomInput>): Record<string, CustomInput> {
  const out: Record<string, CustomInput> = {};
  for (const f of fields) {
    const value = current[f.key];
    out[f.key] = value === undefined || value === null ? emptyCustomInput(f) : f.kind === 'number' && typeof value === 'string' && value !== '' ? Number(value) : value;
  }
  return out;
}

/** A custom input as the API wants it; null for an empty one. */
export function customValueOf(field: Pick<CustomField, 'kind'>, input: CustomInput | undefined): CustomValue {
  if (input === undefined || input === null) return null;
  switch (field.kind) {
    case 'number':
      // Text the field could not read stays text: never cleared (it was sent as null) nor read as a
      // number; the form refuses it before sending (customNumberTextPaths).
      if (typeof input === 'number') return input;
      return typeof input === 'string' && typedNotANumber(input) ? input : null;
    case 'multi_choice':
      return Array.isArray(input) && input.length ? input : null;
    default: {
      const text = typeof input === 'string' ? input.trim() : String(input);
      return text === '' ? null : text;
    }
  }
}

/** Number fields holding typed text that is no number, as form paths (custom.units): the form refuses these. */
export function customNumberTextPaths(fields: Pick<CustomField, 'key' | 'kind'>[], inputs: Record<string, CustomInput>): string[] {
  return fields.filter((f) => f.kind === 'number' && typeof inputs[f.key] === 'string' && typedNotANumber(inputs[f.key] as string)).map((f) => `custom.${f.key}`);
}

/** Custom values to send: new tickets leave empty ones out; changes send null to clear. */
export function customPayload(fields: CustomField[], inputs: Record<string, CustomInput>, keepNulls: boolean): Record<string, CustomValue> {
  const out: Record<string, CustomValue> = {};
  for (const f of fields) {
    if (!(f.key in inputs)) continue;
    const value = customValueOf(f, inputs[f.key]);
    if (value !== null || keepNulls) out[f.key] = value;
  }
  return out;
}

const toId = (v: string | number | null): number | null => (v === null || v === '' ? null : Number(v));

export function toNewTicket(v: TicketFormValues, fields: CustomField[], canPrioritize: boolean): NewTicket {
  const dimensions: Record<string, string> = {};
  for (const [code, value] of Object.entries(v.dimensions)) if (value) dimensions[code] = value;
  return {
    subject: v.subject.trim(),
    description: v.description,
    typeCode: v.typeCode,
    clientId: v.clientId ?? 0,
    requesterContactId: v.requesterContactId,
    ...(v.queueId ? { queueId: Number(v.queueId) } : {}),
    teamId: toId(v.teamId),
    assigneeId: v.assigneeId,
    impact: v.impact,
    urgency: v.urgency,
    ...(canPrioritize && v.priority ? { priority: v.priority } : {}),
    categoryId: v.categoryId,
    tags: v.tags.map((tag) => tag.trim()).filter(Boolean),
    custom: customPayload(fields, v.custom, false),
    dimensions,
    ...(v.watcherUserIds.length ? { watcherUserIds: v.watcherUserIds } : {}),
    ...(v.watcherContactIds.length ? { watcherContactIds: v.watcherContactIds } : {}),
    ...(v.parentId ? { parentId: v.parentId } : {}),
  };
}

/** The form values of an existing ticket (for the edit dialog). */
export function ticketToValues(ticket: Ticket, fields: CustomField[]): TicketFormValues {
  return {
    clientId: ticket.client.id,
    requesterContactId: ticket.requester?.id ?? null,
    subject: ticket.subject,
    description: ticket.description,
    typeCode: ticket.type.code,
    queueId: String(ticket.queue.id),
    teamId: ticket.team ? String(ticket.team.id) : null,
    assigneeId: ticket.assignee?.id ?? null,
    impact: ticket.impact,
    urgency: ticket.urgency,
    priority: ticket.priorityOverridden ? ticket.priority : '',
    categoryId: ticket.category?.id ?? null,
    tags: ticket.tags,
    custom: customInputsFor(fields, ticket.custom),
    dimensions: Object.fromEntries(ticket.dimensions.map((d) => [d.dimension, d.value])),
    watcherUserIds: ticket.watchers.users.map((u) => u.id),
    watcherContactIds: ticket.watchers.contacts.map((c) => c.id),
    parentId: ticket.parentId,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
// Watchers are a set: picking them in another order changes nothing.
const sameIds = (a: readonly number[], b: readonly number[]) => same([...a].sort((x, y) => x - y), [...b].sort((x, y) => x - y));

/** Only what the edit changed, with the version it started from; null when nothing changed. */
export function toTicketPatch(before: TicketFormValues, after: TicketFormValues, fields: CustomField[], version: number): TicketPatch | null {
  const patch: TicketPatch = { version };
  if (after.subject.trim() !== before.subject) patch.subject = after.subject.trim();
  if (after.description !== before.description) patch.description = after.description;
  if (after.requesterContactId !== before.requesterContactId) patch.requesterContactId = after.requesterContactId;
  if (after.queueId !== before.queueId && after.queueId) patch.queueId = Number(after.queueId);
  if (after.teamId !== before.teamId) patch.teamId = toId(after.teamId);
  if (after.assigneeId !== before.assigneeId) patch.assigneeId = after.assigneeId;
  if (after.categoryId !== before.categoryId) patch.categoryId = after.categoryId;
  if (!same(after.tags, before.tags)) patch.tags = after.tags;
  if (!sameIds(after.watcherUserIds, before.watcherUserIds)) patch.watcherUserIds = after.watcherUserIds;
  if (!sameIds(after.watcherContactIds, before.watcherContactIds)) patch.watcherContactIds = after.watcherContactIds;
  if (after.parentId !== before.parentId) patch.parentId = after.parentId;
  const changedFields = fields.filter((f) => !same(customValueOf(f, after.custom[f.key]), customValueOf(f, before.custom[f.key])));
  if (changedFields.length) patch.custom = customPayload(changedFields, after.custom, true);
  const dims: Record<string, string | null> = {};
  for (const code of new Set([...Object.keys(before.dimensions), ...Object.keys(after.dimensions)])) {
    const a = after.dimensions[code] ?? null;
    if (a !== (before.dimensions[code] ?? null)) dims[code] = a;
  }
  if (Object.keys(dims).length) patch.dimensions = dims;
  return Object.keys(patch).length > 1 ? patch : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A dialog's edit moved onto the ticket as it is now, after someone else saved it first:
 * each field the user changed (`mine` differs from `before`, what the dialog opened with)
 * keeps the user's value, every other field takes the current one. Custom fields and
 * dimensions count one by one. `overlap` names the fields someone else changed too, to a
 * different value: the user's value stays in the form, and the dialog says so.
 */
export function rebaseEdits<T extends object>(before: T, mine: T, current: T): { values: T; overlap: string[] } {
  const overlap: string[] = [];
  const merge = (b: Record<string, unknown>, m: Record<string, unknown>, c: Record<string, unknown>, prefix: string): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...c };
    for (const key of new Set([...Object.keys(b), ...Object.keys(m), ...Object.keys(c)])) {
      if (isRecord(b[key]) || isRecord(m[key]) || isRecord(c[key])) {
        out[key] = merge(isRecord(b[key]) ? b[key] : {}, isRecord(m[key]) ? m[key] : {}, isRecord(c[key]) ? c[key] : {}, `${prefix}${key}.`);
        continue;
      }
      if (same(m[key] ?? null, b[key] ?? null)) continue;
      out[key] = m[key];
      if (!same(c[key] ?? null, b[key] ?? null) && !same(c[key] ?? null, m[key] ?? null)) overlap.push(`${prefix}${key}`);
    }
    return out;
  };
  const values = merge(before as Record<string, unknown>, mine as Record<string, unknown>, current as Record<string, unknown>, '') as T;
  return { values, overlap };
}

/**
 * Where a server field error belongs on the form: a multi-choice option error
 * (custom.systems.1) goes on its field (custom.systems), a watcher's (watcherUserIds.0)
 * on the watcher picker.
 */
export function formPathOf(path: string): string {
  const m = /^(custom\.[^.]+|watcherUserIds|watcherContactIds)\.\d+$/.exec(path);
  return m ? m[1]! : path;
}
