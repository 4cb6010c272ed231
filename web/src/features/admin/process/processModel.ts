// The process editor's model: states carry a local key so a transition keeps
// pointing at its state while the admin renames the code. Pure functions only.
import type { ApiErrorDetail } from '../../../app/api/client';
import { detailsByIndex } from '../shared/serverErrors';
import type { ProcessBody, StateCategory, TicketType } from './api';

/** A seeded default name shown in the reader's language, and the name the server stores for it. */
export interface ShownName {
  shown: string;
  stored: string;
}

export interface StateDraft {
  key: string;
  code: string;
  name: string;
  category: StateCategory;
  pausesSla: boolean;
  isInitial: boolean;
  /** Set while the name is the seeded default shown translated: saved unchanged, it stays as stored. */
  seededName?: ShownName;
}

export interface TransitionDraft {
  from: string;
  to: string;
  name: string;
  requiredFields: string[];
  seededName?: ShownName;
}

/**
 * How names are shown: the default process is stored with English names, which the
 * rest of the app shows in the reader's language while they are unchanged (see
 * tickets/labels.ts); the editor shows them the same way.
 */
export interface NameDisplay {
  state: (state: { code: string; name: string }) => string;
  transition: (name: string) => string;
}

function shownName(stored: string, shown: string): { name: string; seededName?: ShownName } {
  return shown === stored ? { name: stored } : { name: shown, seededName: { shown, stored } };
}

/** The name to save: a seeded default left as shown keeps its stored form (no silent rename). */
function storedName(name: string, seeded: ShownName | undefined): string {
  const trimmed = name.trim();
  return seeded && trimmed === seeded.shown ? seeded.stored : trimmed;
}

export interface ProcessDraft {
  states: StateDraft[];
  transitions: TransitionDraft[];
}

export const CODE_PATTERN = /^[a-z][a-z0-9_]*$/;

let seq = 0;
export const newKey = (): string => `s${++seq}`;

export function toDraft(type: Pick<TicketType, 'states' | 'transitions'>, display?: NameDisplay): ProcessDraft {
  const states: StateDraft[] = [...type.states]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((s) => ({
      key: newKey(),
      code: s.code,
      ...shownName(s.name, display ? display.state(s) : s.name),
      category: s.category,
      pausesSla: s.pausesSla,
      isInitial: s.isInitial,
    }));
  const keyOf = new Map(states.map((s) => [s.code, s.key]));
  const transitions: TransitionDraft[] = type.transitions
    .filter((tr) => keyOf.has(tr.from) && keyOf.has(tr.to))
    .map((tr) => ({
      from: keyOf.get(tr.from)!,
      to: keyOf.get(tr.to)!,
      ...shownName(tr.name, display ? display.transition(tr.name) : tr.name),
      requiredFields: [...tr.requiredFields],
    }));
  return { states, transitions };
}

/** The PUT body: states in list order (the server orders by position), transitions by code. */
export function toBody(draft: ProcessDraft): ProcessBody {
  const codeOf = new Map(draft.states.map((s) => [s.key, s.code.trim()]));
  return {
    states: draft.states.map((s) => ({ code: s.code.trim(), name: storedName(s.name, s.seededName), category: s.category, pausesSla: s.pausesSla, isInitial: s.isInitial })),
    transitions: draft.transitions.map((tr) => ({ from: codeOf.get(tr.from) ?? '', to: codeOf.get(tr.to) ?? '', name: storedName(tr.name, tr.seededName), requiredFields: tr.requiredFields })),
  };
}

/** A code proposal from a name: "Čeká na díly" → "ceka_na_dily". */
export function codeFromName(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^[^a-z]+/, '');
  return base.slice(0, 50);
}

export function addState(draft: ProcessDraft, state: Omit<StateDraft, 'key'>): { draft: ProcessDraft; key: string } {
  const key = newKey();
  const states = state.isInitial ? draft.states.map((s) => ({ ...s, isInitial: false })) : draft.states;
  return { draft: { ...draft, states: [...states, { ...state, key }] }, key };
}

export function updateState(draft: ProcessDraft, key: string, patch: Partial<Omit<StateDraft, 'key'>>): ProcessDraft {
  return {
    ...draft,
    states: draft.states.map((s) => (s.key === key ? { ...s, ...patch } : patch.isInitial ? { ...s, isInitial: false } : s)),
  };
}

/** Removes a state and every transition from or to it. */
export function removeState(draft: ProcessDraft, key: string): ProcessDraft {
  return {
    states: draft.states.filter((s) => s.key !== key),
    transitions: draft.transitions.filter((tr) => tr.from !== key && tr.to !== key),
  };
}

export function moveState(draft: ProcessDraft, key: string, by: -1 | 1): ProcessDraft {
  const i = draft.states.findIndex((s) => s.key === key);
  const j = i + by;
  if (i < 0 || j < 0 || j >= draft.states.length) return draft;
  const states = [...draft.states];
  [states[i], states[j]] = [states[j]!, states[i]!];
  return { ...draft, states };
}

export function findTransition(draft: ProcessDraft, from: string, to: string): TransitionDraft | undefined {
  return draft.transitions.find((tr) => tr.from === from && tr.to === to);
}

/** Adds the transition (named after the target state) or removes it. */
export function toggleTransition(draft: ProcessDraft, from: string, to: string): ProcessDraft {
  if (from === to) return draft;
  if (findTransition(draft, from, to)) return { ...draft, transitions: draft.transitions.filter((tr) => !(tr.from === from && tr.to === to)) };
  const target = draft.states.find((s) => s.key === to);
  return { ...draft, transitions: [...draft.transitions, { from, to, name: target?.name.trim() || target?.code || '', requiredFields: [] }] };
}

export function updateTransition(draft: ProcessDraft, from: string, to: string, patch: Partial<Pick<TransitionDraft, 'name' | 'requiredFields'>>): ProcessDraft {
  return { ...draft, transitions: draft.transitions.map((tr) => (tr.from === from && tr.to === to ? { ...tr, ...patch } : tr)) };
}

/** Problems the editor can see before saving, with the server's paths and codes. */
export function localProblems(draft: ProcessDraft): ApiErrorDetail[] {
  const problems: ApiErrorDetail[] = [];
  const seen = new Set<string>();
  draft.states.forEach((s, i) => {
    const code = s.code.trim();
    if (!code) problems.push({ path: `states.${i}.code`, code: 'required', message: '' });
    else if (!CODE_PATTERN.test(code)) problems.push({ path: `states.${i}.code`, code: 'invalid_code', message: '' });
    else if (seen.has(code)) problems.push({ path: `states.${i}.code`, code: 'duplicate', message: '' });
    seen.add(code);
    if (!s.name.trim()) problems.push({ path: `states.${i}.name`, code: 'required', message: '' });
    if (s.isInitial && (s.category === 'resolved' || s.category === 'closed')) {
      problems.push({ path: `states.${i}.category`, code: 'initial_state_category', message: '' });
    }
  });
  const initial = draft.states.filter((s) => s.isInitial).length;
  if (draft.states.length === 0) problems.push({ path: 'states', code: 'no_states', message: '' });
  else if (initial !== 1) problems.push({ path: 'states', code: initial === 0 ? 'no_initial_state' : 'several_initial_states', message: '' });
  draft.transitions.forEach((tr, i) => {
    if (!tr.name.trim()) problems.push({ path: `transitions.${i}.name`, code: 'required', message: '' });
  });
  return problems;
}

export interface DraftErrors {
  /** Per state key: field ("code", "name", "category", "" for the row) → detail. */
  states: Map<string, Map<string, ApiErrorDetail>>;
  /** Per transition "from>to" key: field → detail. */
  transitions: Map<string, Map<string, ApiErrorDetail>>;
  /** Errors of the whole process (e.g. no initial state). */
  general: ApiErrorDetail[];
}

export const transitionKey = (tr: Pick<TransitionDraft, 'from' | 'to'>): string => `${tr.from}>${tr.to}`;

/**
 * Puts details (server or local) on the draft's rows. The indexes are those of
 * the body that was sent, so pass the draft that was saved.
 */
export function mapDetails(draft: ProcessDraft, details: readonly ApiErrorDetail[]): DraftErrors {
  const out: DraftErrors = { states: new Map(), transitions: new Map(), general: [] };
  const place = (target: Map<string, Map<string, ApiErrorDetail>>, key: string, field: string, d: ApiErrorDetail) => {
    const row = target.get(key) ?? new Map<string, ApiErrorDetail>();
    if (!row.has(field)) row.set(field, d);
    target.set(key, row);
  };
  const claimed = new Set<ApiErrorDetail>();
  for (const [i, list] of detailsByIndex(details, 'states')) {
    const state = draft.states[i];
    if (!state) continue;
    for (const d of list) {
      place(out.states, state.key, d.field.split('.')[0] ?? '', d);
      claimed.add(details.find((x) => x.path === d.path && x.code === d.code)!);
    }
  }
  for (const [i, list] of detailsByIndex(details, 'transitions')) {
    const tr = draft.transitions[i];
    if (!tr) continue;
    for (const d of list) {
      place(out.transitions, transitionKey(tr), d.field.split('.')[0] ?? '', d);
      claimed.add(details.find((x) => x.path === d.path && x.code === d.code)!);
    }
  }
  out.general = details.filter((d) => !claimed.has(d));
  return out;
}

/** Whether two drafts describe the same process (for "unsaved changes"). */
export function sameProcess(a: ProcessDraft, b: ProcessDraft): boolean {
  return JSON.stringify(toBody(a)) === JSON.stringify(toBody(b));
}
