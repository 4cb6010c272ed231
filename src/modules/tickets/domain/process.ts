/**
 * A ticket type's process as the tickets service needs it: which states exist,
 * which transitions are allowed, and what each transition requires.
 */
export type StateCategory = 'new' | 'open' | 'waiting' | 'resolved' | 'closed';

export interface ProcessState {
  id: number;
  code: string;
  name: string;
  category: StateCategory;
  pausesSla: boolean;
  isInitial: boolean;
}

export interface ProcessTransition {
  fromStateId: number;
  toStateId: number;
  name: string;
  requiredFields: string[];
}

export interface Process {
  typeId: number;
  states: ProcessState[];
  transitions: ProcessTransition[];
}

export type TransitionCheck =
  | { ok: true; to: ProcessState; transition: ProcessTransition }
  | { ok: false; reason: 'unknown_state' | 'not_allowed'; allowed: ProcessState[] };

export function allowedFrom(process: Process, stateId: number): { state: ProcessState; transition: ProcessTransition }[] {
  return process.transitions
    .filter((t) => t.fromStateId === stateId)
    .map((t) => ({ state: process.states.find((s) => s.id === t.toStateId), transition: t }))
    .filter((x): x is { state: ProcessState; transition: ProcessTransition } => x.state !== undefined);
}

export function checkTransition(process: Process, fromStateId: number, toCode: string): TransitionCheck {
  const allowed = allowedFrom(process, fromStateId);
  const to = process.states.find((s) => s.code === toCode);
  if (!to) return { ok: false, reason: 'unknown_state', allowed: allowed.map((a) => a.state) };
  const hit = allowed.find((a) => a.state.id === to.id);
  if (!hit) return { ok: false, reason: 'not_allowed', allowed: allowed.map((a) => a.state) };
  return { ok: true, to, transition: hit.transition };
}

/** Required fields of a transition that the request leaves empty. */
export function missingRequired(required: readonly string[], provided: Record<string, unknown>): string[] {
  return required.filter((f) => {
    const v = provided[f];
    return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
  });
}

export function initialState(process: Process): ProcessState | undefined {
  return process.states.find((s) => s.isInitial);
}
