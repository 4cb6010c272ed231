import { z } from 'zod';
import { LANGUAGES } from '../../shared/language.ts';
import { TEMPLATE_KEYS } from './domain/index.ts';

export const mailLanguage = z.enum(LANGUAGES);
export const templateKey = z.enum(TEMPLATE_KEYS);
export const outboxStatus = z.enum(['pending', 'sending', 'sent', 'failed']);
export type OutboxStatus = z.infer<typeof outboxStatus>;

const recipient = z.object({ email: z.string(), name: z.string().nullable() });

export const outboxItemSchema = z.object({
  id: z.number(),
  to: z.array(recipient),
  cc: z.array(recipient),
  subject: z.string(),
  messageId: z.string(),
  ticketId: z.number().nullable(),
  templateKey: z.string().nullable(),
  language: z.string().nullable(),
  status: outboxStatus,
  attempts: z.number(),
  nextAttemptAt: z.string(),
  leaseUntil: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});

export const outboxDetailSchema = outboxItemSchema.extend({
  text: z.string(),
  html: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  smtpResponse: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  updatedAt: z.string(),
  attachments: z
    .array(z.object({
      filename: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().describe('The size of the file itself (as decoded), in bytes'),
    }))
    .describe('The files sent with the mail (an invoice mail: its PDF and ISDOC), in order: names and sizes only, never their content; [] without any'),
});
export type OutboxAttachmentInfo = OutboxMessage['attachments'][number];

export type OutboxItem = z.infer<typeof outboxItemSchema>;
export type OutboxMessage = z.infer<typeof outboxDetailSchema>;

export const outboxQuery = z.strictObject({
  status: outboxStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type OutboxQuery = z.infer<typeof outboxQuery>;

export const templateParams = z.strictObject({ key: templateKey, language: mailLanguage });

export const templateBody = z.strictObject({
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(20_000),
});
export type TemplateInput = z.infer<typeof templateBody>;

export const previewBody = z.strictObject({
  ...templateBody.shape,
  ticketNumber: z
    .string().trim().max(40).optional()
    .describe('Fill a mail about a ticket (ticketPreview: true: a client notice, the SLA escalation to staff, or a colleague\'s update about the ticket\'s latest change) from this ticket, e.g. T2026-000008, as its mail would be now: 404 (detail ticketNumber unknown_ticket) for a number that does not exist or a ticket the caller may not see; 409 (detail ticketNumber no_sla_target) for an SLA escalation about a ticket whose SLA has no target; 409 (detail ticketNumber no_colleague_update) for a colleague\'s update about a ticket with no reply, note, state or assignee change and not assigned at creation. Empty or left out: sample values; other templates always take sample values'),
});
export type PreviewInput = z.infer<typeof previewBody>;

export const templateSchema = z.object({
  key: templateKey,
  language: mailLanguage,
  subject: z.string(),
  body: z.string(),
  /** true: an administrator's text; false: the built-in default. */
  overridden: z.boolean(),
  updatedAt: z.string().nullable(),
  /** The placeholders this template may use. */
  placeholders: z.array(z.string()),
  ticketPreview: z.boolean().describe('true: the preview can fill this template from a real ticket (a mail about a ticket: to the client\'s contacts, the SLA escalation or a colleague\'s update to staff)'),
});
export type MailTemplate = z.infer<typeof templateSchema>;

export const renderedSchema = z.object({ subject: z.string(), text: z.string(), html: z.string() });

export const mailStatusSchema = z.object({
  /** false: KONTOR_SMTP_URL is empty, mail waits in the outbox. */
  smtpConfigured: z.boolean(),
  /** Waiting to be sent (pending, or being sent right now). */
  pending: z.number(),
  failed: z.number(),
});
