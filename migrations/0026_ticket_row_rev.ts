import { sql, type Kysely } from 'kysely';
import { isPostgres } from './lib.ts';

/**
 * Tickets get `row_rev`, a number that a trigger raises with every change to the row,
 * whoever makes it (a request, the SLA watcher, a process change, another process, a
 * plain SQL statement). The ticket list keeps each ticket's rendered item in memory
 * under that number (tickets.list-cache.ts): an item is used again only while the row
 * still has the number it was rendered at. `version`, the one users see for optimistic
 * concurrency, stays as it is: the SLA watcher's updates do not raise it, on purpose.
 *
 * A list item also names the ticket's client and assignee. A change of a client's or a
 * user's name now raises config_version (migration 0005), which the list's items are
 * kept under too; so do the type, state and queue tables already.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('row_rev', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  if (isPostgres(db)) {
    // Before the row is written: the new number goes into the same row version, no second write.
    await sql`create function raise_ticket_row_rev() returns trigger language plpgsql as $$
      begin
        new.row_rev := old.row_rev + 1;
        return new;
      end $$`.execute(db);
    await sql`create trigger tickets_row_rev before update on tickets for each row execute function raise_ticket_row_rev()`.execute(db);
    for (const table of ['clients', 'users']) {
      await sql.raw(`create trigger ${table}_name_config_version after update of name on ${table}
        for each row when (old.name is distinct from new.name) execute function bump_config_version()`).execute(db);
    }
  } else {
    // SQLite cannot change NEW in a trigger: a second update of the row, which does not fire this one again (its WHEN).
    await sql`create trigger tickets_row_rev after update on tickets for each row when new.row_rev = old.row_rev
      begin update tickets set row_rev = old.row_rev + 1 where id = new.id; end`.execute(db);
    for (const table of ['clients', 'users']) {
      await sql.raw(`create trigger ${table}_name_config_version after update of name on ${table}
        for each row when new.name is not old.name
        begin update config_version set version = version + 1 where id = 1; end`).execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of ['clients', 'users']) await sql.raw(`drop trigger ${table}_name_config_version on ${table}`).execute(db);
    await sql`drop trigger tickets_row_rev on tickets`.execute(db);
    await sql`drop function raise_ticket_row_rev()`.execute(db);
  } else {
    for (const table of ['clients', 'users']) await sql.raw(`drop trigger ${table}_name_config_version`).execute(db);
    await sql`drop trigger tickets_row_rev`.execute(db);
  }
  await db.schema.alterTable('tickets').dropColumn('row_rev').execute();
}
