// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { asksAnything, commentLabelKey, needsKey, transitionAsks } from './transitionAsks';

const move = (over: Partial<Parameters<typeof transitionAsks>[0]> = {}) => ({ requiredFields: [], toCategory: 'open' as const, clientNotice: null, ...over });

describe('transitionAsks', () => {
  it('waiting for the client asks what is needed from them, even when the process does not require it', () => {
    const asks = transitionAsks(move({ toCategory: 'waiting', clientNotice: 'ticket_waiting_for_client' }));
    expect(asks).toMatchObject({ comment: 'required', commentKind: 'request', resolutionNote: null });
    expect(asksAnything(asks)).toBe(true);
  });

  it('another wait (third party) offers an optional message to the client', () => {
    const asks = transitionAsks(move({ toCategory: 'waiting' }));
    expect(asks).toMatchObject({ comment: 'optional', commentKind: 'message' });
    expect(asksAnything(asks)).toBe(true);
  });

  it('resolving asks for the resolution the mail quotes, required or not by the process', () => {
    expect(transitionAsks(move({ toCategory: 'resolved', clientNotice: 'ticket_resolved' })).resolutionNote).toBe('required');
    expect(transitionAsks(move({ toCategory: 'resolved', clientNotice: 'ticket_resolved', requiredFields: ['resolutionNote'] })).resolutionNote).toBe('required');
  });

  it('a plain move asks nothing and happens at once; required fields of the process are asked', () => {
    expect(asksAnything(transitionAsks(move()))).toBe(false);
    expect(asksAnything(transitionAsks(move({ toCategory: 'closed', clientNotice: 'ticket_closed' })))).toBe(false);
    expect(transitionAsks(move({ requiredFields: ['comment', 'serial'] }))).toMatchObject({ comment: 'required', commentKind: 'message', customKeys: ['serial'] });
  });

  it('calls the message optional only where it is', () => {
    expect(commentLabelKey(transitionAsks(move({ toCategory: 'waiting' })))).toBe('tickets.transition.messageLabel');
    expect(commentLabelKey(transitionAsks(move({ requiredFields: ['comment'] })))).toBe('tickets.transition.messageLabelRequired');
    expect(commentLabelKey(transitionAsks(move({ toCategory: 'waiting', clientNotice: 'ticket_waiting_for_client' })))).toBe('tickets.transition.requestLabel');
  });

  it('words the opening line for one required field, several, or only an optional message', () => {
    expect(needsKey(transitionAsks(move({ toCategory: 'resolved', clientNotice: 'ticket_resolved' })))).toBe('tickets.transition.needsOne');
    expect(needsKey(transitionAsks(move({ requiredFields: ['serial'] })))).toBe('tickets.transition.needsOne');
    expect(needsKey(transitionAsks(move({ toCategory: 'waiting', clientNotice: 'ticket_waiting_for_client' })))).toBe('tickets.transition.needsOne');
    expect(needsKey(transitionAsks(move({ requiredFields: ['comment', 'serial'] })))).toBe('tickets.transition.needsSeveral');
    expect(needsKey(transitionAsks(move({ toCategory: 'resolved', clientNotice: 'ticket_resolved', requiredFields: ['serial'] })))).toBe('tickets.transition.needsSeveral');
    expect(needsKey(transitionAsks(move({ toCategory: 'waiting' })))).toBe('tickets.transition.needsNothing');
    // A step that asks nothing (offered instead after a conflict): only the confirmation.
    expect(needsKey(transitionAsks(move({ toCategory: 'open' })))).toBe('tickets.transition.needsConfirm');
    // An optional message beside one required field: still one required.
    expect(needsKey(transitionAsks(move({ toCategory: 'waiting', requiredFields: ['serial'] })))).toBe('tickets.transition.needsOne');
  });
});
