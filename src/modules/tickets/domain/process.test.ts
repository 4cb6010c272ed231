import { describe, expect, it } from 'vitest';
import { checkTransition, missingRequired, type Process } from './process.ts';

const process: Process = {
  typeId: 1,
  states: [
    { id: 1, code: 'new', name: 'New', category: 'new', pausesSla: false, isInitial: true },
    { id: 2, code: 'in_progress', name: 'In progress', category: 'open', pausesSla: false, isInitial: false },
    { id: 3, code: 'waiting_for_client', name: 'Waiting for client', category: 'waiting', pausesSla: true, isInitial: false },
    { id: 4, code: 'resolved', name: 'Resolved', category: 'resolved', pausesSla: false, isInitial: false },
  ],
  transitions: [
    { fromStateId: 1, toStateId: 2, name: 'Start', requiredFields: [] },
    { fromStateId: 2, toStateId: 3, name: 'Wait', requiredFields: [] },
    { fromStateId: 2, toStateId: 4, name: 'Resolve', requiredFields: ['resolutionNote'] },
  ],
};

describe('ticket process', () => {
  it('allows configured transitions only and lists the allowed ones', () => {
    expect(checkTransition(process, 1, 'in_progress').ok).toBe(true);
    const refused = checkTransition(process, 1, 'resolved');
    expect(refused).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(refused.ok ? [] : refused.allowed.map((s) => s.code)).toEqual(['in_progress']);
    expect(checkTransition(process, 2, 'nowhere')).toMatchObject({ ok: false, reason: 'unknown_state' });
  });
  it('names missing required fields', () => {
    expect(missingRequired(['resolutionNote'], { resolutionNote: '  ' })).toEqual(['resolutionNote']);
    expect(missingRequired(['resolutionNote'], { resolutionNote: 'Replaced the toner' })).toEqual([]);
  });
});
