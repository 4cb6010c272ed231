import type { Generated } from 'kysely';

/** Tables of the helpdesk (tickets, processes, SLA): see migrations/0002_helpdesk.ts. */

interface Stamps {
  created_at: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface TicketTypesTable extends Stamps {
  id: Generated<number>;
  code: string;
  name: string;
  active: number;
  sort_order: number;
}

export type StateCategory = 'new' | 'open' | 'waiting' | 'resolved' | 'closed';

export interface TicketStatesTable {
  id: Generated<number>;
  type_id: number;
  code: string;
  name: string;
  category: StateCategory;
  pauses_sla: number;
  is_initial: number;
  sort_order: number;
}

export interface TicketTransitionsTable {
  id: Generated<number>;
  type_id: number;
  from_state_id: number;
  to_state_id: number;
  name: string;
  required_fields_json: string;
}

export interface QueuesTable extends Stamps {
  id: Generated<number>;
  code: string;
  name: string;
  lead_user_id: number | null;
  active: number;
}

export interface QueueMembersTable {
  queue_id: number;
  user_id: number;
}

export interface TeamsTable extends Stamps {
  id: Generated<number>;
  name: string;
  active: number;
}

export interface TeamMembersTable {
  team_id: number;
  user_id: number;
}

export interface CategoriesTable extends Stamps {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  path: string;
  active: number;
}

export interface DimensionsTable extends Stamps {
  id: Generated<number>;
  code: string;
  name: string;
  active: number;
}

export interface DimensionValuesTable extends Stamps {
  id: Generated<number>;
  dimension_id: number;
  code: string;
  name: string;
  active: number;
}

export type CustomFieldKind = 'text' | 'number' | 'date' | 'choice' | 'multi_choice';

export interface CustomFieldsTable extends Stamps {
  id: Generated<number>;
  type_id: number | null;
  key: string;
  label: string;
  kind: CustomFieldKind;
  options_json: string;
  required: number;
  sort_order: number;
  active: number;
}

export interface CalendarsTable extends Stamps {
  id: Generated<number>;
  name: string;
  time_zone: string;
  weekly_json: string;
  holiday_countries_json: string;
  extra_days_off_json: string;
  version: Generated<number>;
}

export interface SlaPoliciesTable extends Stamps {
  id: Generated<number>;
  name: string;
  calendar_id: number;
  targets_json: string;
  warn_at_percent: number;
  is_default: number;
  escalate_to_queue_id: number | null;
  active: number;
  version: Generated<number>;
}

export interface TicketCountersTable {
  year: number;
  last_seq: number;
}

export interface TicketsTable extends Stamps {
  id: Generated<number>;
  number: string;
  subject: string;
  description_md: string;
  type_id: number;
  state_id: number;
  state_category: StateCategory;
  impact: string;
  urgency: string;
  priority: string;
  priority_overridden: Generated<number>;
  queue_id: number;
  team_id: number | null;
  assignee_id: number | null;
  client_id: number;
  requester_contact_id: number | null;
  category_id: number | null;
  parent_id: number | null;
  custom_json: Generated<string>;
  tags_text: Generated<string>;
  sla_policy_id: number | null;
  /** The contract the ticket (and its records) fall under (migrations/0010_contracts.ts). */
  contract_id: Generated<number | null>;
  sla_status: Generated<string>;
  sla_first_response_due_at: string | null;
  sla_resolution_due_at: string | null;
  sla_due_at: string | null;
  sla_warned_at: string | null;
  sla_breached_at: string | null;
  sla_breached_minutes: number | null;
  /** Warnings and breaches are reported up to this instant (null: since creation). */
  sla_checked_at: string | null;
  /** When the SLA watcher looks at the ticket next (null: nothing to watch). */
  sla_next_check_at: string | null;
  first_response_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  resolution_note: string | null;
  created_by: number | null;
  version: Generated<number>;
  /** Raised by a trigger with every change to the row (migration 0026): what the list's rendered items are kept under. */
  row_rev: Generated<number>;
}

export interface TicketDimensionValuesTable {
  ticket_id: number;
  dimension_id: number;
  value_id: number;
}

export interface TicketTagsTable {
  ticket_id: number;
  tag: string;
}

export interface TicketWatchersTable {
  ticket_id: number;
  user_id: number | null;
  contact_id: number | null;
}

export interface TicketLinksTable {
  ticket_id: number;
  linked_ticket_id: number;
}

export interface TicketCommentsTable {
  id: Generated<number>;
  ticket_id: number;
  author_user_id: number | null;
  author_contact_id: number | null;
  visibility: 'public' | 'internal';
  body_md: string;
  created_at: string;
}

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: number;
  at: string;
  actor_user_id: number | null;
  actor_name: string | null;
  kind: string;
  field: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface TicketSlaEventsTable {
  id: Generated<number>;
  ticket_id: number;
  at: string;
  kind: string;
  priority: string | null;
}

export interface AttachmentsTable {
  id: Generated<number>;
  ticket_id: number;
  comment_id: number | null;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: number | null;
  created_at: string;
}

export interface SavedViewsTable extends Stamps {
  id: Generated<number>;
  user_id: number | null;
  name: string;
  filters_json: string;
}

/** Full-text index: an FTS5 table on SQLite (rowid = ticket id), a tsvector table on PostgreSQL. */
export interface TicketSearchTable {
  ticket_id: number;
  rowid: number;
  document: string;
}

/** SQLite only: every word the search index holds (migration 0024), to expand word prefixes. */
export interface SearchTermsTable {
  term: string;
}

export interface HelpdeskTables {
  settings: SettingsTable;
  ticket_types: TicketTypesTable;
  ticket_states: TicketStatesTable;
  ticket_transitions: TicketTransitionsTable;
  queues: QueuesTable;
  queue_members: QueueMembersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  categories: CategoriesTable;
  dimensions: DimensionsTable;
  dimension_values: DimensionValuesTable;
  custom_fields: CustomFieldsTable;
  calendars: CalendarsTable;
  sla_policies: SlaPoliciesTable;
  ticket_counters: TicketCountersTable;
  tickets: TicketsTable;
  ticket_dimension_values: TicketDimensionValuesTable;
  ticket_tags: TicketTagsTable;
  ticket_watchers: TicketWatchersTable;
  ticket_links: TicketLinksTable;
  ticket_comments: TicketCommentsTable;
  ticket_events: TicketEventsTable;
  ticket_sla_events: TicketSlaEventsTable;
  attachments: AttachmentsTable;
  saved_views: SavedViewsTable;
  ticket_search: TicketSearchTable;
  search_terms: SearchTermsTable;
}
