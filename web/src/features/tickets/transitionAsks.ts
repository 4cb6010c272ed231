// What a state change asks for before it is made. The process names required fields;
// beyond those, a move that writes to the client asks for what the mail will say:
// waiting for the client asks what is needed from them (the mail quotes it), resolving
// asks for the resolution (the mail quotes it), and any other wait offers a message to
// the client (e.g. why it waits for a third party). Pure, so it is tested on its own.
import type { AllowedTransition } from './types';

export type Ask = 'required' | 'optional' | null;

export interface TransitionAsks {
  /** The public message to the client written with the move (sent as `comment`). */
  comment: Ask;
  /** Which text the message field shows: a request for information, or a plain message. */
  commentKind: 'request' | 'message';
  resolutionNote: Ask;
  /** Custom fields the process requires. */
  customKeys: string[];
}

const BUILT_IN = new Set(['comment', 'resolutionNote']);

export function transitionAsks(tr: Pick<AllowedTransition, 'requiredFields' | 'toCategory' | 'clientNotice'>): TransitionAsks {
  const required = (field: string) => tr.requiredFields.includes(field);
  const request = tr.clientNotice === 'ticket_waiting_for_client';
  const comment: Ask = required('comment') || request ? 'required' : tr.toCategory === 'waiting' ? 'optional' : null;
  const resolutionNote: Ask = required('resolutionNote') || tr.clientNotice === 'ticket_resolved' ? 'required' : null;
  return {
    comment,
    commentKind: request ? 'request' : 'message',
    resolutionNote,
    customKeys: tr.requiredFields.filter((f) => !BUILT_IN.has(f)),
  };
}

/** Whether the move opens a dialog first (else it is made at once). */
export function asksAnything(asks: TransitionAsks): boolean {
  return asks.comment !== null || asks.resolutionNote !== null || asks.customKeys.length > 0;
}

/** The text key of the comment field's label: "(optional)" only where the message may be left out. */
export function commentLabelKey(asks: Pick<TransitionAsks, 'comment' | 'commentKind'>): string {
  if (asks.commentKind === 'request') return 'tickets.transition.requestLabel';
  return asks.comment === 'required' ? 'tickets.transition.messageLabelRequired' : 'tickets.transition.messageLabel';
}

/**
 * The dialog's opening line, worded for what it asks: nothing at all (a step the dialog
 * switched to after someone else's change), nothing required (only an optional message
 * to the client), one required field, or several.
 */
export function needsKey(asks: TransitionAsks): string {
  if (!asksAnything(asks)) return 'tickets.transition.needsConfirm';
  const required = (asks.comment === 'required' ? 1 : 0) + (asks.resolutionNote === 'required' ? 1 : 0) + asks.customKeys.length;
  if (required === 0) return 'tickets.transition.needsNothing';
  return required === 1 ? 'tickets.transition.needsOne' : 'tickets.transition.needsSeveral';
}
