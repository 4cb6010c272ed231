// Shapes of the tickets API (see the server's tickets.schemas.ts).

export type Priority = 'P1' | 'P2' | 'P3' | 'P4';
export type Level = 'high' | 'medium' | 'low';
export type StateCategory = 'new' | 'open' | 'waiting' | 'resolved' | 'closed';
export type CustomValue = string | number | string[] | null;

export const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];
export const LEVELS: readonly Level[] = ['high', 'medium', 'low'];
export const STATE_CATEGORIES: readonly StateCategory[] = ['new', 'open', 'waiting', 'resolved', 'closed'];

export interface Ref {
  id: number;
  name: string;
}

export interface Sla {
  status: string;
  policyId: number | null;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  dueAt: string | null;
  warnedAt: string | null;
  breachedAt: string | null;
  breachedMinutes: number | null;
}

export interface TicketSummary {
  id: number;
  number: string;
  subject: string;
  type: { id: number; code: string; name: string };
  state: { id: number; code: string; name: string; category: StateCategory };
  priority: Priority;
  queue: Ref;
  assignee: Ref | null;
  client: Ref;
  tags: string[];
  sla: Sla;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The e-mail a state change sends the client (see the server's clientNoticeFor). */
export type ClientNotice = 'ticket_waiting_for_client' | 'ticket_resolved' | 'ticket_closed';

export interface AllowedTransition {
  toState: string;
  name: string;
  toCategory: StateCategory;
  requiredFields: string[];
  clientNotice: ClientNotice | null;
}

/** One SLA target: its countdown while it runs, its outcome once it stopped. */
export interface SlaTargetOutcome {
  status: 'running' | 'warning' | 'paused' | 'met' | 'breached' | 'none';
  dueAt: string | null;
  stoppedAt: string | null;
  breachedMinutes: number | null;
  /** Business minutes left while the clock runs (negative: over the target); null when paused, stopped or without a target. */
  businessMinutesLeft: number | null;
}

export interface Ticket extends TicketSummary {
  description: string;
  descriptionHtml: string;
  impact: Level;
  urgency: Level;
  priorityOverridden: boolean;
  team: Ref | null;
  requester: { id: number; name: string; email: string | null } | null;
  category: { id: number; path: string } | null;
  custom: Record<string, CustomValue>;
  dimensions: { dimension: string; value: string; valueName: string }[];
  parentId: number | null;
  childIds: number[];
  linkedIds: number[];
  watchers: { users: Ref[]; contacts: Ref[] };
  /** Who the ticket's mail (a public reply, a notice) goes to: the requester and watching contacts that are active and have an e-mail, each once. */
  mailRecipients: { id: number; name: string; email: string }[];
  allowedTransitions: AllowedTransition[];
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  resolutionNote: string | null;
  slaTargets: { firstResponse: SlaTargetOutcome; resolution: SlaTargetOutcome };
}

export interface TimelineItem {
  kind: 'comment' | 'event';
  id: number;
  at: string;
  actor: string | null;
  visibility: 'public' | 'internal' | null;
  body: string | null;
  bodyHtml: string | null;
  event: string | null;
  field: string | null;
  before: unknown;
  after: unknown;
}

export interface Attachment {
  id: number;
  ticketId: number;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

/** Body of POST /tickets (see the server's newTicketBody). */
export interface NewTicket {
  subject: string;
  description: string;
  typeCode: string;
  clientId: number;
  requesterContactId?: number | null;
  queueId?: number;
  teamId?: number | null;
  assigneeId?: number | null;
  impact: Level;
  urgency: Level;
  priority?: Priority;
  categoryId?: number | null;
  tags: string[];
  custom: Record<string, CustomValue>;
  dimensions: Record<string, string>;
  watcherUserIds?: number[];
  watcherContactIds?: number[];
  parentId?: number | null;
}

export type TicketPatch = Partial<Omit<NewTicket, 'typeCode' | 'clientId' | 'priority' | 'dimensions'>> & {
  version: number;
  priority?: Priority | null;
  dimensions?: Record<string, string | null>;
};

export interface TransitionInput {
  version: number;
  toState: string;
  resolutionNote?: string;
  comment?: string;
  custom?: Record<string, CustomValue>;
}
