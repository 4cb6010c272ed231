/** Tickets: creation and numbering, process transitions, timeline and comments, attachments, SLA clock, search, client notifications. */
export { createTicketsService, type TicketsService } from './tickets.service.ts';
export { createTicketsWorkflow, type TicketsWorkflow } from './tickets.workflow.ts';
export { createAttachments, type Attachments } from './tickets.attachments.ts';
export { ticketsRoutes } from './tickets.routes.ts';
export { createViewsService, type ViewsService, type SavedView } from './views.service.ts';
export { viewsRoutes } from './views.routes.ts';
export { createSlaWatcher, type SlaWatcher, type SlaWatchResult, type SlaWatchLogger } from './tickets.sla-watch.ts';
/** Recomputes a ticket's SLA clock under a policy (the contracts module changes a ticket's policy with its contract). */
export { refreshSla as refreshTicketSla } from './tickets.context.ts';
/** A user's open tickets, and handing them back to their queues or to a colleague (the identity module, when a user is deactivated). */
export { handOpenTicketsTo, openTicketsOfAssignee, returnOpenTicketsToQueues, type OpenTicketsOfAssignee } from './tickets.of-assignee.ts';
export type { Ticket, TicketSummary, NewTicket } from './tickets.schemas.ts';
export * from './domain/sla/index.ts';
