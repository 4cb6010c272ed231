/**
 * Helpdesk configuration: ticket types and their processes, queues and teams,
 * categories, dimensions, custom fields, business calendars, SLA policies, the
 * priority matrix and ticket numbering. Administrators change it; ticket staff
 * read it; the tickets module loads it through the functions below.
 */
export { createHelpdeskService, type HelpdeskService } from './helpdesk.service.ts';
export { helpdeskRoutes } from './helpdesk.routes.ts';
export { seedDefaultHelpdesk } from './seed.ts';
// The process editor shows how many tickets each state holds (the tickets module answers it).
export { ticketsPerState } from './process.repo.ts';
export {
  loadProcess,
  loadProcessByCode,
  getSlaPolicy,
  getSlaPolicyForClient,
  getPriorityMatrix,
  getTicketNumberPrefix,
  listCustomFields,
  resolveDimensionValues,
  findQueue,
  getDefaultQueue,
  findTeam,
  findCategory,
  queueIdsOfUser,
  teamIdsOfUser,
  helpdeskSnapshot,
  slaPolicyFor,
  DEFAULT_QUEUE_CODE,
  DEFAULT_TICKET_NUMBER_PREFIX,
  type LoadedProcess,
  type EffectiveSlaPolicy,
  type ResolvedDimensionValue,
  type HelpdeskSnapshot,
} from './loaders.ts';
export type { TicketType, TicketState, TicketTransition } from './process.schemas.ts';
export type { Queue, Team } from './queues.schemas.ts';
export type { Category, CustomField, Dimension, DimensionValue } from './taxonomy.schemas.ts';
export type { Calendar, SlaPolicy as SlaPolicyConfig } from './sla.schemas.ts';
export * from './domain/index.ts';
