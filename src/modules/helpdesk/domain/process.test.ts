import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS, processProblems, type ProcessInput } from './process.ts';

const codes = (p: ProcessInput, keys: string[] = []) => processProblems(p, new Set(keys)).map((d) => `${d.path}:${d.code}`);
const s = (code: string, extra: Partial<ProcessInput['states'][number]> = {}) => ({
  code,
  name: code,
  category: 'open' as const,
  pausesSla: false,
  isInitial: false,
  sortOrder: 0,
  ...extra,
});

describe('process validation', () => {
  it('accepts the default process: one initial state, waiting pauses SLA, resolve needs a note, closed is final', () => {
    expect(codes(DEFAULT_PROCESS)).toEqual([]);
    expect(DEFAULT_PROCESS.states.filter((x) => x.isInitial).map((x) => x.code)).toEqual(['new']);
    expect(DEFAULT_PROCESS.states.filter((x) => x.pausesSla).map((x) => x.code)).toEqual(['waiting_for_client', 'waiting_for_third_party']);
    const into = (to: string) => DEFAULT_PROCESS.transitions.filter((t) => t.to === to);
    expect(into('resolved').every((t) => t.requiredFields.includes('resolutionNote'))).toBe(true);
    expect(into('resolved').map((t) => t.from).sort()).toEqual(['in_progress', 'new', 'open', 'waiting_for_client', 'waiting_for_third_party']);
    expect(DEFAULT_PROCESS.transitions.filter((t) => t.from === 'closed')).toEqual([]);
    expect(DEFAULT_PROCESS.transitions.some((t) => t.from === 'resolved' && t.to === 'open')).toBe(true);
  });

  it('needs states, exactly one initial one, and not a resolved or closed one', () => {
    expect(codes({ states: [], transitions: [] })).toEqual(['states:required']);
    expect(codes({ states: [s('a'), s('b')], transitions: [] })).toEqual(['states:no_initial_state']);
    expect(codes({ states: [s('a', { isInitial: true }), s('b', { isInitial: true })], transitions: [] })).toEqual(['states:several_initial_states']);
    expect(codes({ states: [s('a', { isInitial: true, category: 'closed' })], transitions: [] })).toEqual(['states.0.category:initial_state_category']);
  });

  it('refuses duplicate codes, unknown, same-state and duplicate transitions, and unknown required fields', () => {
    const problems = codes(
      {
        states: [s('a', { isInitial: true }), s('b'), s('b')],
        transitions: [
          { from: 'a', to: 'x', name: 'x', requiredFields: [] },
          { from: 'a', to: 'a', name: 'loop', requiredFields: [] },
          { from: 'a', to: 'b', name: 'ok', requiredFields: ['resolutionNote', 'serial', 'comment'] },
          { from: 'a', to: 'b', name: 'again', requiredFields: ['nope', 'comment', 'comment'] },
        ],
      },
      ['serial'],
    );
    expect(problems).toEqual([
      'states.2.code:duplicate',
      'transitions.0.to:unknown_state',
      'transitions.1.to:same_state',
      'transitions.3:duplicate',
      'transitions.3.requiredFields.0:unknown_field',
      'transitions.3.requiredFields.2:duplicate',
    ]);
  });
});
