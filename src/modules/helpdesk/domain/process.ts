/**
 * A ticket type's process as an administrator configures it: states and the
 * transitions between them, addressed by state code. Pure validation and the
 * default process every seeded type starts with.
 */
import type { ErrorDetail } from '../../../shared/errors.ts';

export const STATE_CATEGORIES = ['new', 'open', 'waiting', 'resolved', 'closed'] as const;
export type StateCategory = (typeof STATE_CATEGORIES)[number];

/**
 * Fields a transition may require besides custom field keys: the inputs of a
 * state change that the tickets service checks (see tickets' transitionBody).
 */
export const BUILTIN_REQUIRED_FIELDS = ['resolutionNote', 'comment'] as const;

export interface StateInput {
  code: string;
  name: string;
  category: StateCategory;
  pausesSla: boolean;
  isInitial: boolean;
  sortOrder: number;
}

export interface TransitionInput {
  from: string;
  to: string;
  name: string;
  requiredFields: string[];
}

export interface ProcessInput {
  states: StateInput[];
  transitions: TransitionInput[];
}

/**
 * Everything wrong with a process; empty when it can be stored. `fieldKeys` are
 * the custom field keys a ticket of the type can carry (its own and global ones).
 */
export function processProblems(process: ProcessInput, fieldKeys: ReadonlySet<string>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (process.states.length === 0) {
    problems.push({ path: 'states', code: 'required', message: 'A process needs at least one state' });
  }
  const codes = new Set<string>();
  process.states.forEach((state, i) => {
    if (codes.has(state.code)) {
      problems.push({ path: `states.${i}.code`, code: 'duplicate', message: `State code "${state.code}" is used twice` });
    }
    codes.add(state.code);
  });
  const initial = process.states.filter((s) => s.isInitial);
  if (process.states.length > 0 && initial.length !== 1) {
    problems.push({
      path: 'states',
      code: initial.length === 0 ? 'no_initial_state' : 'several_initial_states',
      message: 'Exactly one state must be the initial one',
    });
  }
  process.states.forEach((state, i) => {
    if (state.isInitial && (state.category === 'resolved' || state.category === 'closed')) {
      problems.push({ path: `states.${i}.category`, code: 'initial_state_category', message: 'The initial state cannot be resolved or closed' });
    }
  });
  const pairs = new Set<string>();
  process.transitions.forEach((t, i) => {
    const path = `transitions.${i}`;
    if (!codes.has(t.from)) problems.push({ path: `${path}.from`, code: 'unknown_state', message: `No state "${t.from}" in this process` });
    if (!codes.has(t.to)) problems.push({ path: `${path}.to`, code: 'unknown_state', message: `No state "${t.to}" in this process` });
    if (t.from === t.to) problems.push({ path: `${path}.to`, code: 'same_state', message: 'A transition must lead to another state' });
    const pair = `${t.from}\u0000${t.to}`;
    if (pairs.has(pair)) problems.push({ path, code: 'duplicate', message: `Transition ${t.from} → ${t.to} is listed twice` });
    pairs.add(pair);
    const seen = new Set<string>();
    t.requiredFields.forEach((field, j) => {
      if (seen.has(field)) {
        problems.push({ path: `${path}.requiredFields.${j}`, code: 'duplicate', message: `"${field}" is listed twice` });
      } else if (!(BUILTIN_REQUIRED_FIELDS as readonly string[]).includes(field) && !fieldKeys.has(field)) {
        problems.push({ path: `${path}.requiredFields.${j}`, code: 'unknown_field', message: `"${field}" is neither a ticket field nor a custom field of this type` });
      }
      seen.add(field);
    });
  });
  return problems;
}

const state = (code: string, name: string, category: StateCategory, sortOrder: number, extra: Partial<StateInput> = {}): StateInput => ({
  code,
  name,
  category,
  pausesSla: false,
  isInitial: false,
  sortOrder,
  ...extra,
});

const ACTIVE = ['new', 'open', 'in_progress', 'waiting_for_client', 'waiting_for_third_party'];

/**
 * The process of every seeded type: work, wait (SLA paused), resolve with a
 * note, close; a resolved ticket may be reopened, a closed one may not.
 */
export const DEFAULT_PROCESS: ProcessInput = {
  states: [
    state('new', 'New', 'new', 10, { isInitial: true }),
    state('open', 'Open', 'open', 20),
    state('in_progress', 'In progress', 'open', 30),
    state('waiting_for_client', 'Waiting for client', 'waiting', 40, { pausesSla: true }),
    state('waiting_for_third_party', 'Waiting for third party', 'waiting', 50, { pausesSla: true }),
    state('resolved', 'Resolved', 'resolved', 60),
    state('closed', 'Closed', 'closed', 70),
  ],
  transitions: [
    { from: 'new', to: 'open', name: 'Open', requiredFields: [] },
    { from: 'new', to: 'in_progress', name: 'Start work', requiredFields: [] },
    { from: 'open', to: 'in_progress', name: 'Start work', requiredFields: [] },
    { from: 'in_progress', to: 'waiting_for_client', name: 'Wait for client', requiredFields: [] },
    { from: 'in_progress', to: 'waiting_for_third_party', name: 'Wait for third party', requiredFields: [] },
    { from: 'waiting_for_client', to: 'in_progress', name: 'Resume', requiredFields: [] },
    { from: 'waiting_for_third_party', to: 'in_progress', name: 'Resume', requiredFields: [] },
    { from: 'waiting_for_client', to: 'open', name: 'Client replied', requiredFields: [] },
    ...ACTIVE.map((from) => ({ from, to: 'resolved', name: 'Resolve', requiredFields: ['resolutionNote'] })),
    { from: 'resolved', to: 'closed', name: 'Close', requiredFields: [] },
    { from: 'resolved', to: 'open', name: 'Reopen', requiredFields: [] },
  ],
};
