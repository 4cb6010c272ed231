import { z } from 'zod';
import { code, id, uniqueName } from './common.schemas.ts';

const queueName = uniqueName('queue');
const teamName = uniqueName('team');

const members = z.array(id).max(500);

export const newQueueBody = z.strictObject({
  code,
  name: queueName,
  leadUserId: id.nullable().default(null),
  members: members.default([]),
  active: z.boolean().default(true),
});
export const queuePatchBody = z.strictObject({
  code: code.optional(),
  name: queueName.optional(),
  leadUserId: id.nullable().optional(),
  /** Replaces the member list. */
  members: members.optional(),
  active: z.boolean().optional(),
});
export const queueSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  leadUserId: z.number().nullable(),
  members: z.array(z.number()),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A queue as the queue list shows it to the user asking. */
export const listedQueueSchema = queueSchema.extend({
  ticketsVisible: z
    .boolean()
    .describe(
      "Whether the asking user's ticket lists can show this queue's tickets: every queue for administrators and managers, the queues they are members of for operators and technicians. The ticket list's queue filter offers only these.",
    ),
});

export const newTeamBody = z.strictObject({ name: teamName, members: members.default([]), active: z.boolean().default(true) });
export const teamPatchBody = z.strictObject({ name: teamName.optional(), members: members.optional(), active: z.boolean().optional() });
export const teamSchema = z.object({
  id: z.number(),
  name: z.string(),
  members: z.array(z.number()),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type NewQueue = z.infer<typeof newQueueBody>;
export type QueuePatch = z.infer<typeof queuePatchBody>;
export type Queue = z.infer<typeof queueSchema>;
export type ListedQueue = z.infer<typeof listedQueueSchema>;
export type NewTeam = z.infer<typeof newTeamBody>;
export type TeamPatch = z.infer<typeof teamPatchBody>;
export type Team = z.infer<typeof teamSchema>;
