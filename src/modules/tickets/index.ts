/** Tickets: creation and numbering, process transitions, timeline and comments, attachments, SLA clock, search, client notifications. */
export { createTicketsService, type TicketsService } from './tickets.service.ts';
export { createTicketsWorkflow, type TicketsWorkflow } from './tickets.workflow.ts';
export { createAttachments, type Attachments } from './tickets.attachments.ts';
export { ticketsRoutes } from './tickets.routes.ts';
export type { Ticket, TicketSummary, NewTicket } from './tickets.schemas.ts';
export * from './domain/sla/index.ts';
