/**
 * Mail: outgoing e-mail through a durable outbox. Other modules render a
 * template and enqueue the message inside their own transaction; the sender
 * job delivers it over SMTP with leases and retries. Admins see the outbox and
 * override templates through the routes.
 */
export { enqueueMail, type OutgoingMail, type MailRecipient, type MailAttachment } from './outbox.ts';
export { renderTemplate } from './templates.repo.ts';
export { newMessageId, threadHeaders, type ThreadHeaders } from './threading.ts';
export { createMailSender, type MailSender, type MailLogger, type RunResult, type MailSenderOptions } from './sender.ts';
export { createMailService, type MailService } from './mail.service.ts';
export { mailRoutes } from './mail.routes.ts';
export type { MailTemplate, OutboxItem, OutboxMessage } from './mail.schemas.ts';
export {
  mailLanguageOf,
  TEMPLATE_KEYS,
  isClientNotice,
  isTicketNotice,
  escalationVars,
  colleagueUpdateVars,
  PLACEHOLDERS,
  MAX_ATTEMPTS,
  mailDomain,
  renderMail,
  retryDelayMs,
  templateProblems,
  ticketSubjectToken,
  withSubjectToken,
  type RenderedMail,
  type TemplateKey,
  type ClientNoticeKey,
  type TicketNoticeKey,
  type EscalationFacts,
  type ColleagueUpdateFacts,
  type ColleagueChange,
  type ColleagueReason,
  type TemplateVars,
} from './domain/index.ts';
