import { z } from 'zod';
import { code, name, sortOrder } from './common.schemas.ts';
import { STATE_CATEGORIES } from './domain/index.ts';

const category = z.enum(STATE_CATEGORIES);

export const stateBody = z.strictObject({
  code,
  name,
  category,
  pausesSla: z.boolean().default(false),
  isInitial: z.boolean().default(false),
  /** Omitted: the position in the list decides the order. */
  sortOrder: sortOrder.optional(),
});

export const transitionBody = z.strictObject({
  from: code,
  to: code,
  name,
  /** Ticket inputs the transition needs: 'resolutionNote', 'comment' or a custom field key. */
  requiredFields: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
});

export const processBody = z.strictObject({
  states: z.array(stateBody).max(50),
  transitions: z.array(transitionBody).max(500),
  expectedUpdatedAt: z
    .string()
    .optional()
    .describe("The type's updatedAt as the editor loaded it; when the type changed since, the save is refused with 409 stale_version (omitted: no check)"),
});

export const newTicketTypeBody = z.strictObject({
  code,
  name,
  active: z.boolean().default(true),
  sortOrder: sortOrder.default(0),
  /** Omitted: the type starts with the default process (new → … → closed). */
  process: processBody.optional(),
});

export const ticketTypePatchBody = z.strictObject({
  code: code.optional(),
  name: name.optional(),
  active: z.boolean().optional(),
  sortOrder: sortOrder.optional(),
});

export const stateSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  category,
  pausesSla: z.boolean(),
  isInitial: z.boolean(),
  sortOrder: z.number(),
});

export const transitionSchema = z.object({
  id: z.number(),
  from: z.string(),
  to: z.string(),
  fromStateId: z.number(),
  toStateId: z.number(),
  name: z.string(),
  requiredFields: z.array(z.string()),
});

export const ticketTypeSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  sortOrder: z.number(),
  states: z.array(stateSchema),
  transitions: z.array(transitionSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type ProcessBody = z.infer<typeof processBody>;
export type NewTicketType = z.infer<typeof newTicketTypeBody>;
export type TicketTypePatch = z.infer<typeof ticketTypePatchBody>;
export type TicketState = z.infer<typeof stateSchema>;
export type TicketTransition = z.infer<typeof transitionSchema>;
export type TicketType = z.infer<typeof ticketTypeSchema>;
