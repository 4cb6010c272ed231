// The state-change dialog's form and what its chosen step means once someone else has
// changed the ticket first (the server refused the step: stale version, or a step the
// ticket's state no longer allows). Pure, so it is tested on its own.
import type { CustomField } from './configApi';
import { customInputsFor, customPayload, type CustomInput } from './ticketFormModel';
import type { TransitionAsks } from './transitionAsks';
import type { AllowedTransition, Ticket, TransitionInput } from './types';

export interface TransitionValues {
  resolutionNote: string;
  comment: string;
  /** Every custom field of the ticket's type: a step shows and sends only those it requires. */
  custom: Record<string, CustomInput>;
}

/** What the dialog opens with on this version of the ticket (the user's changes are what differs from it). */
export function transitionValues(ticket: Pick<Ticket, 'resolutionNote' | 'custom'>, fields: CustomField[]): TransitionValues {
  return { resolutionNote: ticket.resolutionNote ?? '', comment: '', custom: customInputsFor(fields, ticket.custom) };
}

/**
 * The body of the step: only what the step asks for. Text typed for another step (the
 * dialog may have switched steps after a conflict) is kept in the form but not sent: a
 * resolution note would otherwise be written on a reopened ticket.
 */
export function transitionInput(values: TransitionValues, asks: TransitionAsks, fields: CustomField[], version: number, toState: string): TransitionInput {
  const asked = fields.filter((f) => asks.customKeys.includes(f.key));
  const custom = customPayload(asked, { ...customInputsFor(asked, {}), ...values.custom }, false);
  const note = asks.resolutionNote ? values.resolutionNote.trim() : '';
  const comment = asks.comment ? values.comment.trim() : '';
  return {
    version,
    toState,
    ...(note ? { resolutionNote: note } : {}),
    ...(comment ? { comment } : {}),
    ...(Object.keys(custom).length ? { custom } : {}),
  };
}

type State = Ticket['state'];

/**
 * The chosen step on the ticket as it is now: still `possible` (from where the ticket
 * is now, with what the process asks there now), already `done` by someone else, or
 * `impossible` from the state the ticket is in. `movedTo` is the state someone else
 * moved the ticket to (null: it is where the dialog found it); `allowed` the steps
 * possible now, to offer instead.
 */
export type MoveAfterChange =
  | { kind: 'possible'; transition: AllowedTransition; movedTo: State | null }
  | { kind: 'done'; movedTo: State; allowed: AllowedTransition[] }
  | { kind: 'impossible'; movedTo: State | null; allowed: AllowedTransition[] };

export function moveAfterChange(toState: string, startedIn: string, current: Pick<Ticket, 'state' | 'allowedTransitions'>): MoveAfterChange {
  const movedTo = current.state.code === startedIn ? null : current.state;
  if (current.state.code === toState) return { kind: 'done', movedTo: current.state, allowed: current.allowedTransitions };
  const transition = current.allowedTransitions.find((tr) => tr.toState === toState);
  if (transition) return { kind: 'possible', transition, movedTo };
  return { kind: 'impossible', movedTo, allowed: current.allowedTransitions };
}
