import type { Selectable } from 'kysely';
import { preparedQuery, type DbOrTx, type MailTemplatesTable } from '../../platform/db/index.ts';
import type { Language } from '../../shared/language.ts';
import { DEFAULT_TEMPLATES, renderMail, type RenderedMail, type TemplateKey, type TemplateText, type TemplateVars } from './domain/index.ts';

/** Administrators' overrides of the built-in templates (one row per key and language). */

export type TemplateRow = Selectable<MailTemplatesTable>;

// Read for every mail a ticket sends: compiled once.
const overrideQuery = preparedQuery((db, p: { key: string; language: string }) => db.selectFrom('mail_templates').selectAll().where('key', '=', p.key).where('language', '=', p.language));

export async function findOverride(db: DbOrTx, key: TemplateKey, language: Language): Promise<TemplateRow | null> {
  return (await overrideQuery(db, { key, language }))[0] ?? null;
}

export async function listOverrides(db: DbOrTx): Promise<TemplateRow[]> {
  return db.selectFrom('mail_templates').selectAll().execute();
}

export async function upsertOverride(db: DbOrTx, key: TemplateKey, language: Language, t: TemplateText, at: string): Promise<void> {
  await db
    .insertInto('mail_templates')
    .values({ key, language, subject: t.subject, body: t.body, updated_at: at })
    .onConflict((oc) => oc.columns(['key', 'language']).doUpdateSet({ subject: t.subject, body: t.body, updated_at: at }))
    .execute();
}

export async function deleteOverride(db: DbOrTx, key: TemplateKey, language: Language): Promise<boolean> {
  const result = await db.deleteFrom('mail_templates').where('key', '=', key).where('language', '=', language).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The template in force: the administrator's override, else the built-in default. */
export async function effectiveTemplate(db: DbOrTx, key: TemplateKey, language: Language): Promise<TemplateText> {
  const override = await findOverride(db, key, language);
  return override ? { subject: override.subject, body: override.body } : DEFAULT_TEMPLATES[language][key];
}

/**
 * Renders the template in force for this key and language with these values:
 * `{ ticket: { number, subject, url }, comment: { body }, client: { name },
 * recipient: { name }, resolution_note }`. Works inside the caller's transaction.
 */
export async function renderTemplate(db: DbOrTx, key: TemplateKey, language: Language, vars: TemplateVars): Promise<RenderedMail> {
  return renderMail(await effectiveTemplate(db, key, language), vars);
}
