import { describe, expect, it } from 'vitest';
import type { TicketType } from './api';
import { addState, codeFromName, localProblems, mapDetails, moveState, removeState, sameProcess, toBody, toDraft, toggleTransition, transitionKey, updateState, updateTransition } from './processModel';

const type: Pick<TicketType, 'states' | 'transitions'> = {
  states: [
    { id: 2, code: 'open', name: 'Open', category: 'open', pausesSla: false, isInitial: false, sortOrder: 20 },
    { id: 1, code: 'new', name: 'New', category: 'new', pausesSla: false, isInitial: true, sortOrder: 10 },
    { id: 3, code: 'resolved', name: 'Resolved', category: 'resolved', pausesSla: false, isInitial: false, sortOrder: 30 },
  ],
  transitions: [
    { id: 1, from: 'new', to: 'open', fromStateId: 1, toStateId: 2, name: 'Open', requiredFields: [] },
    { id: 2, from: 'open', to: 'resolved', fromStateId: 2, toStateId: 3, name: 'Resolve', requiredFields: ['resolutionNote'] },
  ],
};

describe('process editor model', () => {
  it('round-trips a type in state order', () => {
    const draft = toDraft(type);
    expect(draft.states.map((s) => s.code)).toEqual(['new', 'open', 'resolved']);
    expect(toBody(draft)).toEqual({
      states: [
        { code: 'new', name: 'New', category: 'new', pausesSla: false, isInitial: true },
        { code: 'open', name: 'Open', category: 'open', pausesSla: false, isInitial: false },
        { code: 'resolved', name: 'Resolved', category: 'resolved', pausesSla: false, isInitial: false },
      ],
      transitions: [
        { from: 'new', to: 'open', name: 'Open', requiredFields: [] },
        { from: 'open', to: 'resolved', name: 'Resolve', requiredFields: ['resolutionNote'] },
      ],
    });
    expect(sameProcess(draft, toDraft(type))).toBe(true);
  });

  it('keeps transitions on a renamed state and drops them with a removed one', () => {
    const draft = toDraft(type);
    const open = draft.states[1]!.key;
    const renamed = updateState(draft, open, { code: 'in_work' });
    expect(toBody(renamed).transitions.map((tr) => `${tr.from}>${tr.to}`)).toEqual(['new>in_work', 'in_work>resolved']);
    const removed = removeState(renamed, open);
    expect(removed.states).toHaveLength(2);
    expect(removed.transitions).toEqual([]);
  });

  it('adds a state with transitions named after the target, toggles and edits them', () => {
    const start = toDraft(type);
    const { draft, key } = addState(start, { code: 'ceka_na_dily', name: 'Čeká na díly', category: 'waiting', pausesSla: true, isInitial: false });
    const open = draft.states[1]!.key;
    let next = toggleTransition(draft, open, key);
    next = toggleTransition(next, key, open);
    expect(next.transitions.slice(-2).map((tr) => tr.name)).toEqual(['Čeká na díly', 'Open']);
    next = updateTransition(next, key, open, { name: 'Díly dorazily', requiredFields: ['comment'] });
    expect(toBody(next).transitions.at(-1)).toEqual({ from: 'ceka_na_dily', to: 'open', name: 'Díly dorazily', requiredFields: ['comment'] });
    expect(toggleTransition(next, open, key).transitions).toHaveLength(3);
    expect(toggleTransition(next, open, open)).toBe(next);
    expect(sameProcess(start, next)).toBe(false);
  });

  it('keeps exactly one initial state and moves states', () => {
    const draft = toDraft(type);
    const open = draft.states[1]!.key;
    const next = updateState(draft, open, { isInitial: true });
    expect(next.states.filter((s) => s.isInitial).map((s) => s.code)).toEqual(['open']);
    expect(moveState(next, open, -1).states.map((s) => s.code)).toEqual(['open', 'new', 'resolved']);
    expect(moveState(next, draft.states[0]!.key, -1)).toBe(next);
  });

  it('finds local problems with the server paths', () => {
    const draft = toDraft(type);
    const [a, b, c] = draft.states.map((s) => s.key) as [string, string, string];
    let bad = updateState(draft, b, { code: 'new' });
    bad = updateState(bad, c, { code: 'Bad code', name: ' ' });
    bad = updateState(bad, a, { isInitial: false });
    expect(localProblems(bad).map((p) => `${p.path}:${p.code}`)).toEqual([
      'states.1.code:duplicate', 'states.2.code:invalid_code', 'states.2.name:required', 'states:no_initial_state',
    ]);
    expect(localProblems(updateState(draft, c, { isInitial: true })).map((p) => p.code)).toEqual(['initial_state_category']);
    expect(localProblems(draft)).toEqual([]);
  });

  it('maps server details onto the rows that were sent', () => {
    const draft = toDraft(type);
    const errors = mapDetails(draft, [
      { path: 'states.2.code', code: 'duplicate', message: 'x' },
      { path: 'transitions.1.requiredFields.0', code: 'unknown_field', message: 'y' },
      { path: 'transitions.0.to', code: 'same_state', message: 'z' },
      { path: 'states', code: 'several_initial_states', message: 'w' },
      { path: 'states.9.code', code: 'duplicate', message: 'gone' },
    ]);
    expect(errors.states.get(draft.states[2]!.key)?.get('code')?.code).toBe('duplicate');
    expect(errors.transitions.get(transitionKey(draft.transitions[1]!))?.get('requiredFields')?.code).toBe('unknown_field');
    expect(errors.transitions.get(transitionKey(draft.transitions[0]!))?.get('to')?.code).toBe('same_state');
    expect(errors.general.map((d) => d.path)).toEqual(['states', 'states.9.code']);
  });

  it('proposes a code from a Czech name', () => {
    expect(codeFromName('Čeká na díly')).toBe('ceka_na_dily');
    expect(codeFromName('2. linka – Žádost')).toBe('linka_zadost');
    expect(codeFromName('!!!')).toBe('');
  });
});

describe('seeded default names shown in the reader language', () => {
  const display = {
    state: (s: { code: string; name: string }) => ({ New: 'Nový', Open: 'Otevřený', Resolved: 'Vyřešený' })[s.name] ?? s.name,
    transition: (name: string) => (name === 'Resolve' ? 'Vyřešit' : name),
  };

  it('shows them translated and saves them unchanged as stored, with no pending change', () => {
    const draft = toDraft(type, display);
    expect(draft.states.map((s) => s.name)).toEqual(['Nový', 'Otevřený', 'Vyřešený']);
    expect(draft.transitions.map((tr) => tr.name)).toEqual(['Open', 'Vyřešit']);
    expect(toBody(draft)).toEqual(toBody(toDraft(type)));
    expect(sameProcess(draft, toDraft(type))).toBe(true);
  });

  it('saves a renamed one as typed, also after moving it', () => {
    const draft = toDraft(type, display);
    const open = draft.states[1]!.key;
    const moved = moveState(updateState(draft, open, { name: 'Rozpracovaný ' }), open, -1);
    const body = toBody(updateTransition(moved, open, draft.states[2]!.key, { name: 'Hotovo' }));
    expect(body.states.map((s) => s.name)).toEqual(['Rozpracovaný', 'New', 'Resolved']);
    expect(body.transitions.map((tr) => tr.name)).toEqual(['Open', 'Hotovo']);
  });
});
