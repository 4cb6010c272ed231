import { sql, type Kysely } from 'kysely';
import { idType, isPostgres, withId } from './lib.ts';

/**
 * Helpdesk: configurable ticket types with their processes (states and
 * transitions), queues and teams, categories, analytic dimensions, custom
 * fields, business calendars and SLA policies; tickets with their timeline,
 * watchers, links, tags, attachments, SLA clock events, numbering and search.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ref = idType(db);
  const pg = isPostgres(db);
  const stamps = <T extends { addColumn: any }>(t: T): T =>
    t.addColumn('created_at', 'text', (c: any) => c.notNull()).addColumn('updated_at', 'text', (c: any) => c.notNull());

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await stamps(
    withId(db, db.schema.createTable('ticket_types'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();

  await withId(db, db.schema.createTable('ticket_states'))
    .addColumn('type_id', ref, (c) => c.notNull().references('ticket_types.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // new / open / waiting / resolved / closed: what the state means to SLA, lists and reports.
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('pauses_sla', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_initial', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('ticket_states_type_code', ['type_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('ticket_transitions'))
    .addColumn('type_id', ref, (c) => c.notNull().references('ticket_types.id'))
    .addColumn('from_state_id', ref, (c) => c.notNull().references('ticket_states.id'))
    .addColumn('to_state_id', ref, (c) => c.notNull().references('ticket_states.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('required_fields_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addUniqueConstraint('ticket_transitions_from_to', ['from_state_id', 'to_state_id'])
    .execute();

  await stamps(
    withId(db, db.schema.createTable('queues'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('lead_user_id', ref, (c) => c.references('users.id'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await db.schema
    .createTable('queue_members')
    .addColumn('queue_id', ref, (c) => c.notNull().references('queues.id'))
    .addColumn('user_id', ref, (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('queue_members_pk', ['queue_id', 'user_id'])
    .execute();
  await db.schema.createIndex('queue_members_user').on('queue_members').column('user_id').execute();

  await stamps(
    withId(db, db.schema.createTable('teams'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await db.schema
    .createTable('team_members')
    .addColumn('team_id', ref, (c) => c.notNull().references('teams.id'))
    .addColumn('user_id', ref, (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
    .execute();

  await stamps(
    withId(db, db.schema.createTable('categories'))
      .addColumn('parent_id', ref, (c) => c.references('categories.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      // "Hardware / Printers": the full path, kept for display and sorting.
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();

  await stamps(
    withId(db, db.schema.createTable('dimensions'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await stamps(
    withId(db, db.schema.createTable('dimension_values'))
      .addColumn('dimension_id', ref, (c) => c.notNull().references('dimensions.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('dimension_values_code', ['dimension_id', 'code']),
  ).execute();

  await stamps(
    withId(db, db.schema.createTable('custom_fields'))
      // null: the field applies to every ticket type.
      .addColumn('type_id', ref, (c) => c.references('ticket_types.id'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      // text / number / date / choice / multi_choice
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('options_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await db.schema.createIndex('custom_fields_key').on('custom_fields').columns(['type_id', 'key']).unique().execute();

  await stamps(
    withId(db, db.schema.createTable('calendars'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      // {"1":[{"start":"08:00","end":"17:00"}], ...} Monday = 1
      .addColumn('weekly_json', 'text', (c) => c.notNull())
      .addColumn('holiday_countries_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('extra_days_off_json', 'text', (c) => c.notNull().defaultTo('[]')),
  ).execute();

  await stamps(
    withId(db, db.schema.createTable('sla_policies'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('calendar_id', ref, (c) => c.notNull().references('calendars.id'))
      // {"P1":{"firstResponseMinutes":30,"resolutionMinutes":240}, ...}
      .addColumn('targets_json', 'text', (c) => c.notNull())
      .addColumn('warn_at_percent', 'integer', (c) => c.notNull().defaultTo(80))
      .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('escalate_to_queue_id', ref, (c) => c.references('queues.id'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await db.schema.alterTable('clients').addColumn('sla_policy_id', ref, (c) => c.references('sla_policies.id')).execute();

  await db.schema
    .createTable('ticket_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();

  await stamps(
    withId(db, db.schema.createTable('tickets'))
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('description_md', 'text', (c) => c.notNull())
      .addColumn('type_id', ref, (c) => c.notNull().references('ticket_types.id'))
      .addColumn('state_id', ref, (c) => c.notNull().references('ticket_states.id'))
      .addColumn('state_category', 'text', (c) => c.notNull())
      .addColumn('impact', 'text', (c) => c.notNull())
      .addColumn('urgency', 'text', (c) => c.notNull())
      .addColumn('priority', 'text', (c) => c.notNull())
      .addColumn('priority_overridden', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('queue_id', ref, (c) => c.notNull().references('queues.id'))
      .addColumn('team_id', ref, (c) => c.references('teams.id'))
      .addColumn('assignee_id', ref, (c) => c.references('users.id'))
      .addColumn('client_id', ref, (c) => c.notNull().references('clients.id'))
      .addColumn('requester_contact_id', ref, (c) => c.references('contacts.id'))
      .addColumn('category_id', ref, (c) => c.references('categories.id'))
      .addColumn('parent_id', ref, (c) => c.references('tickets.id'))
      .addColumn('custom_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('tags_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('sla_policy_id', ref, (c) => c.references('sla_policies.id'))
      // Derived from the SLA events, kept for lists, sorting and reports.
      .addColumn('sla_status', 'text', (c) => c.notNull().defaultTo('none'))
      .addColumn('sla_first_response_due_at', 'text')
      .addColumn('sla_resolution_due_at', 'text')
      .addColumn('sla_due_at', 'text')
      .addColumn('sla_warned_at', 'text')
      .addColumn('sla_breached_at', 'text')
      .addColumn('sla_breached_minutes', 'integer')
      .addColumn('first_response_at', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('resolution_note', 'text')
      .addColumn('created_by', ref, (c) => c.references('users.id'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  for (const [name, cols] of [
    ['tickets_queue_state_due', ['queue_id', 'state_category', 'sla_due_at', 'id']],
    ['tickets_assignee_due', ['assignee_id', 'state_category', 'sla_due_at', 'id']],
    ['tickets_client_created', ['client_id', 'created_at', 'id']],
    ['tickets_state_due', ['state_category', 'sla_due_at', 'id']],
    ['tickets_created', ['created_at', 'id']],
    ['tickets_parent', ['parent_id']],
  ] as const) {
    await db.schema.createIndex(name).on('tickets').columns([...cols]).execute();
  }

  await db.schema
    .createTable('ticket_dimension_values')
    .addColumn('ticket_id', ref, (c) => c.notNull().references('tickets.id'))
    .addColumn('dimension_id', ref, (c) => c.notNull().references('dimensions.id'))
    .addColumn('value_id', ref, (c) => c.notNull().references('dimension_values.id'))
    .addPrimaryKeyConstraint('ticket_dimension_values_pk', ['ticket_id', 'dimension_id'])
    .execute();
  await db.schema.createIndex('ticket_dimension_values_value').on('ticket_dimension_values').columns(['value_id', 'ticket_id']).execute();

  await db.schema
    .createTable('ticket_tags')
    .addColumn('ticket_id', ref, (c) => c.notNull().references('tickets.id'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_tags_pk', ['ticket_id', 'tag'])
    .execute();
  await db.schema.createIndex('ticket_tags_tag').on('ticket_tags').columns(['tag', 'ticket_id']).execute();

  await db.schema
    .createTable('ticket_watchers')
    .addColumn('ticket_id', ref, (c) => c.notNull().references('tickets.id'))
    .addColumn('user_id', ref, (c) => c.references('users.id'))
    .addColumn('contact_id', ref, (c) => c.references('contacts.id'))
    .execute();
  await db.schema.createIndex('ticket_watchers_ticket').on('ticket_watchers').column('ticket_id').execute();

  await db.schema
    .createTable('ticket_links')
    .addColumn('ticket_id', ref, (c) => c.notNull().references('tickets.id'))
    .addColumn('linked_ticket_id', ref, (c) => c.notNull().references('tickets.id'))
    .addPrimaryKeyConstraint('ticket_links_pk', ['ticket_id', 'linked_ticket_id'])
    .execute();

  await withId(db, db.schema.createTable('ticket_comments'))
    .addColumn('ticket_id', ref, (c) => c.notNull().references('tickets.id'))
    .addColumn('author_user_id', ref, (c) => c.references('users.id'))
    .addColumn('author_contact_id', ref, (c) => c.references('contacts.id'))
    // public: the client sees it and is notified; internal: staff only.
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_comments_ticket').on('ticket_comments').columns(['ticket_id', 'id']).execute();

  await withId(db, db.schema.createTable('ticket_events'))
    .addColumn('ticket_id', ref, (c) => c.notNull().references('tickets.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', ref, (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    // created / field / state / sla_warning / sla_breach / escalated / comment_added …
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('ticket_events_ticket').on('ticket_events').columns(['ticket_id', 'id']).execute();

  await withId(db, db.schema.createTable('ticket_sla_events'))
    .addColumn('ticket_id', ref, (c) => c.notNull().references('tickets.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    // created / paused / resumed / priority_changed / first_response / resolved / reopened
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('priority', 'text')
    .execute();
  await db.schema.createIndex('ticket_sla_events_ticket').on('ticket_sla_events').columns(['ticket_id', 'id']).execute();

  await withId(db, db.schema.createTable('attachments'))
    .addColumn('ticket_id', ref, (c) => c.notNull().references('tickets.id'))
    .addColumn('comment_id', ref, (c) => c.references('ticket_comments.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // Content is stored once per hash (see platform/storage).
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', ref, (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_ticket').on('attachments').columns(['ticket_id', 'id']).execute();

  await stamps(
    withId(db, db.schema.createTable('saved_views'))
      // null: shared with everyone who can see tickets.
      .addColumn('user_id', ref, (c) => c.references('users.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('filters_json', 'text', (c) => c.notNull()),
  ).execute();

  // Full-text search over subject, description and comments, on text folded
  // for case and diacritics in the application, so both engines match alike.
  if (pg) {
    await db.schema.createTable('ticket_search')
      .addColumn('ticket_id', ref, (c) => c.primaryKey().references('tickets.id'))
      .addColumn('document', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index ticket_search_document on ticket_search using gin (document)`.execute(db);
  } else {
    await sql`create virtual table ticket_search using fts5(document, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'ticket_search', 'saved_views', 'attachments', 'ticket_sla_events', 'ticket_events', 'ticket_comments', 'ticket_links',
    'ticket_watchers', 'ticket_tags', 'ticket_dimension_values', 'tickets', 'ticket_counters',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('clients').dropColumn('sla_policy_id').execute();
  for (const t of [
    'sla_policies', 'calendars', 'custom_fields', 'dimension_values', 'dimensions', 'categories', 'team_members', 'teams',
    'queue_members', 'queues', 'ticket_transitions', 'ticket_states', 'ticket_types', 'settings',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
