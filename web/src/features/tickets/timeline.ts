// Timeline events → readable lines ("Olga changed priority P3 → P1"). Pure: the
// caller passes how to name fields, states, levels and custom fields in its language.
import type { TimelineItem } from './api';

export interface EventFormat {
  field: (name: string) => string;
  state: (code: string) => string;
  level: (field: 'impact' | 'urgency', level: string) => string;
  customLabel: (key: string) => string;
  /** A dimension's name by its code (optional: the code otherwise). */
  dimension?: (code: string) => string;
  /** A moment (ISO) as the reader's date and time. */
  dateTime: (iso: string) => string;
  /** A number of minutes as a short duration ("1 h 15 min"). */
  minutes: (minutes: number) => string;
  /** An SLA deadline (firstResponse, resolution) as it reads in "the deadline for …". */
  slaClock: (clock: string) => string;
  /** A share in per cent as the reader's language writes it ("80 %", "80%"). */
  percent: (percent: number) => string;
}

export interface EventLine {
  /** i18n key under tickets.timeline */
  key:
    | 'created' | 'state' | 'changed' | 'set' | 'cleared' | 'description' | 'linked' | 'unlinked' | 'attachment'
    | 'slaWarning' | 'slaBreach' | 'slaBreachBy' | 'escalated' | 'escalationSkipped' | 'escalationSkippedMissing' | 'other';
  params: Record<string, string>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(plain).filter(Boolean).join(', ');
  if (isObj(value)) {
    if (typeof value.name === 'string') return value.name;
    if (typeof value.path === 'string') return value.path;
    return JSON.stringify(value);
  }
  return String(value);
}

/** One field's value as text; '' for none. */
export function valueText(field: string, value: unknown, fmt: EventFormat): string {
  if (value === null || value === undefined) return '';
  switch (field) {
    case 'impact':
    case 'urgency':
      return typeof value === 'string' ? fmt.level(field, value) : plain(value);
    case 'state':
      return typeof value === 'string' ? fmt.state(value) : plain(value);
    case 'parentId':
      return typeof value === 'number' ? `#${value}` : plain(value);
    case 'dimensions':
      return Array.isArray(value)
        ? value.map((d) => (isObj(d) ? `${fmt.dimension?.(String(d.dimension)) ?? String(d.dimension)}: ${String(d.valueName ?? d.value)}` : plain(d))).join(', ')
        : plain(value);
    case 'watchers':
      return isObj(value) ? [plain(value.users), plain(value.contacts)].filter(Boolean).join(', ') : plain(value);
    default:
      return plain(value);
  }
}

function change(actor: string, field: string, before: string, after: string): EventLine {
  if (!before && after) return { key: 'set', params: { actor, field, after } };
  if (before && !after) return { key: 'cleared', params: { actor, field, before } };
  return { key: 'changed', params: { actor, field, before, after } };
}

/**
 * The SLA watcher's events (tickets.sla-watch.ts): which deadline, its due time, and the
 * warning share or the minutes over it; an escalation names both queues. Written out in
 * the reader's language, never as the stored event code.
 */
function slaEvent(item: TimelineItem, actor: string, fmt: EventFormat): EventLine {
  const detail = isObj(item.after) ? item.after : {};
  const clock = fmt.slaClock(typeof detail.clock === 'string' ? detail.clock : item.field ?? '');
  const due = typeof detail.dueAt === 'string' ? fmt.dateTime(detail.dueAt) : '—';
  if (item.event === 'sla_warning') return { key: 'slaWarning', params: { actor, clock, due, percent: typeof detail.percent === 'number' ? fmt.percent(detail.percent) : plain(detail.percent) } };
  const late = typeof detail.breachedMinutes === 'number' ? detail.breachedMinutes : 0;
  return late > 0
    ? { key: 'slaBreachBy', params: { actor, clock, due, late: fmt.minutes(late) } }
    : { key: 'slaBreach', params: { actor, clock, due } };
}

/** The lines one timeline event shows (a change of several custom fields: one each). */
export function describeEvent(item: TimelineItem, actor: string, fmt: EventFormat): EventLine[] {
  const field = item.field ?? '';
  switch (item.event) {
    case 'created':
      return [{ key: 'created', params: { actor } }];
    case 'state':
      return [{ key: 'state', params: { actor, before: valueText('state', item.before, fmt), after: valueText('state', item.after, fmt) } }];
    case 'linked':
    case 'unlinked':
      return [{ key: item.event, params: { actor, ticket: `#${plain(item.after)}` } }];
    case 'sla_warning':
    case 'sla_breach':
      return [slaEvent(item, actor, fmt)];
    case 'escalated':
      return [{ key: 'escalated', params: { actor, before: plain(item.before), after: plain(item.after) } }];
    case 'escalation_skipped': {
      // The watcher could not move the ticket: the queue it names is inactive, or gone (reason "missing").
      const target = isObj(item.after) ? item.after : {};
      return target.reason === 'missing' || typeof target.name !== 'string'
        ? [{ key: 'escalationSkippedMissing', params: { actor } }]
        : [{ key: 'escalationSkipped', params: { actor, queue: target.name } }];
    }
    case 'attachment':
      return [{ key: 'attachment', params: { actor, filename: isObj(item.after) ? plain(item.after.filename) : plain(item.after) } }];
    case 'field': {
      if (field === 'description') return [{ key: 'description', params: { actor } }];
      if (field === 'custom' && (isObj(item.before) || isObj(item.after))) {
        const before = isObj(item.before) ? item.before : {};
        const after = isObj(item.after) ? item.after : {};
        const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
          (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
        );
        return keys.map((k) => change(actor, fmt.customLabel(k), plain(before[k]), plain(after[k])));
      }
      return [change(actor, fmt.field(field), valueText(field, item.before, fmt), valueText(field, item.after, fmt))];
    }
    default:
      return [{ key: 'other', params: { actor, event: item.event ?? '' } }];
  }
}
