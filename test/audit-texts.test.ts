// The audit log shows its entity and action codes as words in the user's language.
// This reads the codes the server writes (the literals next to entity: and action:
// in src/) and checks that the web app lists each one (auditCodes.ts) and has a text
// for it in cs, sk and en, so a new audited change cannot show up as a bare code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_FIELDS } from '../src/modules/audit/domain/references.ts';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, SYSTEM_ACTORS } from '../web/src/features/audit/auditCodes.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

function writtenCodes() {
  const entities = new Set<string>();
  const actions = new Set<string>();
  const actors = new Set<string>();
  for (const file of sources(join(import.meta.dirname, '..', 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bentity: '([a-z_]+)'/g)) entities.add(m[1]!);
    for (const m of text.matchAll(/simpleArea\('[a-z_]+', '([a-z_]+)'/g)) entities.add(m[1]!);
    for (const m of text.matchAll(/\baction: '([a-z_.]+)'/g)) actions.add(m[1]!);
    for (const m of text.matchAll(/\baction: [^,}\n]*\? '([a-z_.]+)' : '([a-z_.]+)'/g)) actions.add(m[1]!).add(m[2]!);
    for (const m of text.matchAll(/change(?:<[^>]*>)?\(ctx, [^,]+, [^,]+, '([a-z_.]+)'/g)) actions.add(m[1]!);
    // An action chosen by the change: `const action = … ? 'deactivate' : … ? 'reactivate' : 'update'`.
    for (const m of text.matchAll(/\bconst action = ([^;\n]+)/g)) for (const code of m[1]!.matchAll(/'([a-z_.]+)'/g)) actions.add(code[1]!);
    // The SLA watcher writes sla_<kind>; its kinds are warning and breach (tickets.sla-watch.ts).
    if (/action: `sla_\$\{/.test(text)) actions.add('sla_warning').add('sla_breach');
    for (const m of text.matchAll(/\bname: '(system \([^']+\))'/g)) actors.add(m[1]!);
  }
  return { entities, actions, actors };
}

type Tree = { [key: string]: string | Tree };
const texts = (lang: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'web', 'src', 'i18n', `${lang}.json`), 'utf8')) as Tree;
/** The audit log's own texts (web/src/features/audit/i18n): its field labels. */
const auditTexts = (lang: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'web', 'src', 'features', 'audit', 'i18n', `${lang}.json`), 'utf8')) as Tree;
function text(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined), tree);
}

describe('audit log texts', () => {
  const written = writtenCodes();

  it('finds the codes in the server sources (the scan itself works)', () => {
    expect(written.entities).toContain('user');
    expect(written.entities).toContain('technician_level');
    expect(written.actions).toContain('draft.change_line');
    expect(written.actions).toContain('create_confirm');
    expect(written.actions).toContain('draft.add_line');
    expect(written.actions).toContain('reactivate');
    expect(written.actors).toContain('system (seed)');
  });

  it('lists every entity, action and system actor the server writes', () => {
    expect([...written.entities].filter((c) => !(AUDIT_ENTITIES as readonly string[]).includes(c))).toEqual([]);
    expect([...written.actions].filter((c) => !(AUDIT_ACTIONS as readonly string[]).includes(c))).toEqual([]);
    expect([...written.actors].filter((name) => !(name in SYSTEM_ACTORS))).toEqual([]);
  });

  it.each(['cs', 'sk', 'en'])('has a text for each in %s', (lang) => {
    const tree = texts(lang);
    const missing = [
      ...AUDIT_ENTITIES.map((c) => `audit.entities.${c}`),
      ...AUDIT_ACTIONS.map((c) => `audit.actions.${c}`),
      ...Object.values(SYSTEM_ACTORS).map((k) => `audit.systemActors.${k}`),
    ].filter((key) => typeof text(tree, key) !== 'string' || !(text(tree, key) as string).trim());
    expect(missing).toEqual([]);
  });

  it.each(['cs', 'sk', 'en'])('labels in %s every field whose ids the log names (assigneeId: Řešitel, not a code)', (lang) => {
    const tree = auditTexts(lang);
    expect(REFERENCE_FIELDS).toContain('assigneeId');
    expect(REFERENCE_FIELDS.filter((field) => typeof text(tree, `audit.fields.${field}`) !== 'string')).toEqual([]);
  });
});
