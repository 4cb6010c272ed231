// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { CustomField } from './configApi';
import { rebaseEdits } from './ticketFormModel';
import { transitionAsks } from './transitionAsks';
import { moveAfterChange, transitionInput, transitionValues } from './transitionConflict';
import type { AllowedTransition, StateCategory } from './types';

const state = (code: string, category: StateCategory) => ({ id: code.length, code, name: code, category });
const step = (toState: string, toCategory: StateCategory, over: Partial<AllowedTransition> = {}): AllowedTransition => ({
  toState, name: toState, toCategory, requiredFields: [], clientNotice: null, ...over,
});
const resolve = step('resolved', 'resolved', { requiredFields: ['resolutionNote'], clientNotice: 'ticket_resolved' });
const waitForClient = step('waiting_for_client', 'waiting', { clientNotice: 'ticket_waiting_for_client' });
const serial = { key: 'serial', kind: 'text', label: 'Serial' } as CustomField;

describe('moveAfterChange: the chosen step on the ticket as someone else left it', () => {
  it('still possible where the ticket was: the step as the process asks it now', () => {
    const now = step('resolved', 'resolved', { requiredFields: ['resolutionNote', 'serial'], clientNotice: 'ticket_resolved' });
    expect(moveAfterChange('resolved', 'in_progress', { state: state('in_progress', 'open'), allowedTransitions: [waitForClient, now] }))
      .toEqual({ kind: 'possible', transition: now, movedTo: null });
  });

  it('still possible from the state someone else moved the ticket to: says where it is', () => {
    const waiting = state('waiting_for_client', 'waiting');
    expect(moveAfterChange('resolved', 'in_progress', { state: waiting, allowedTransitions: [step('in_progress', 'open'), resolve] }))
      .toEqual({ kind: 'possible', transition: resolve, movedTo: waiting });
  });

  it('someone else already made it: done, with the steps possible from there', () => {
    const resolved = state('resolved', 'resolved');
    const others = [step('closed', 'closed'), step('open', 'open')];
    expect(moveAfterChange('resolved', 'in_progress', { state: resolved, allowedTransitions: others }))
      .toEqual({ kind: 'done', movedTo: resolved, allowed: others });
  });

  it('not possible from the new state: impossible, with the steps that are', () => {
    const resolved = state('resolved', 'resolved');
    const others = [step('closed', 'closed'), step('open', 'open')];
    expect(moveAfterChange('waiting_for_client', 'in_progress', { state: resolved, allowedTransitions: others }))
      .toEqual({ kind: 'impossible', movedTo: resolved, allowed: others });
    // The state is the same but the step is gone (the process changed): nothing moved, still impossible.
    expect(moveAfterChange('waiting_for_client', 'in_progress', { state: state('in_progress', 'open'), allowedTransitions: [] }))
      .toEqual({ kind: 'impossible', movedTo: null, allowed: [] });
  });
});

describe('the dialog\'s values over the current version', () => {
  it('keeps the typed note and required field, takes what someone else changed, names a field both changed', () => {
    const opened = transitionValues({ resolutionNote: null, custom: { serial: null, site: 'Brno' } }, [serial, { key: 'site', kind: 'text', label: 'Site' } as CustomField]);
    const typed = { ...opened, resolutionNote: 'Fixing unit replaced.', custom: { ...opened.custom, serial: 'SN-1' } };
    const current = transitionValues({ resolutionNote: 'Resolved by phone.', custom: { serial: null, site: 'Praha' } }, [serial, { key: 'site', kind: 'text', label: 'Site' } as CustomField]);
    const { values, overlap } = rebaseEdits(opened, typed, current);
    expect(values).toEqual({ resolutionNote: 'Fixing unit replaced.', comment: '', custom: { serial: 'SN-1', site: 'Praha' } });
    expect(overlap).toEqual(['resolutionNote']);
  });
});

describe('transitionInput: only what the step asks for', () => {
  const values = { resolutionNote: ' Fixing unit replaced. ', comment: ' Please send a photo. ', custom: { serial: 'SN-1' } };

  it('resolving sends the note and the required field, not a message typed for another step', () => {
    const asks = transitionAsks({ ...resolve, requiredFields: ['resolutionNote', 'serial'] });
    expect(transitionInput(values, asks, [serial], 7, 'resolved')).toEqual({ version: 7, toState: 'resolved', resolutionNote: 'Fixing unit replaced.', custom: { serial: 'SN-1' } });
  });

  it('a step picked instead after a conflict sends none of the text typed for the first one', () => {
    expect(transitionInput(values, transitionAsks(step('open', 'open')), [serial], 8, 'open')).toEqual({ version: 8, toState: 'open' });
    expect(transitionInput(values, transitionAsks(waitForClient), [serial], 8, 'waiting_for_client')).toEqual({ version: 8, toState: 'waiting_for_client', comment: 'Please send a photo.' });
  });
});
