import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as searchTermsMigration from '../migrations/0024_search_terms.ts';
import { systemContext } from '../src/modules/identity/index.ts';
import { searchTokens } from '../src/platform/db/index.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

/**
 * Full-text search finds a ticket when every word of the query is a word of the ticket or
 * the start of one. On SQLite a query's prefixes are expanded to the words they stand for
 * through the vocabulary (migration 0024); these tests hold that to the plain rule.
 */
describe.each(testEngines())('ticket search on %s', (engine) => {
  let t: TestApp;
  let operator: Auth;
  let clientId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    clientId = (await t.services.customers.create(systemContext, { name: 'Hledací s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 })).id;
    const op = await t.userWith(['operator']);
    operator = await t.tokenFor(op.id);
    const queueId = (await t.database.db.selectFrom('queues').select('id').where('code', '=', 'service_desk').executeTakeFirstOrThrow()).id;
    await t.database.db.insertInto('queue_members').values({ queue_id: queueId, user_id: op.id }).execute();
  });
  afterAll(() => t.close());

  const create = async (subject: string, description: string) => {
    const r = await t.request(operator, { method: 'POST', url: '/api/v1/tickets', payload: { clientId, subject, description } });
    expect(r.statusCode).toBe(201);
    return r.json() as { id: number; number: string };
  };
  const search = async (q: string, sort = 'newest') => {
    const r = await t.request(operator, { method: 'GET', url: `/api/v1/tickets?view=all&limit=200&sort=${sort}&q=${encodeURIComponent(q)}` });
    expect(r.statusCode).toBe(200);
    return (r.json().items as { id: number }[]).map((i) => i.id).sort((a, b) => a - b);
  };

  // Syllables that share beginnings, so that prefixes stand for several words.
  const syllable = fc.constantFrom('tis', 'tisk', 'kár', 'kar', 'na', 'ný', 'pa', 'pír', 'ser', 'ver', 'Če', 'ce', 'ský', 'ř', 'ži');
  const word = fc.array(syllable, { minLength: 1, maxLength: 3 }).map((s) => s.join(''));
  const text = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));

  it('property: a query finds exactly the tickets in which each of its words starts a word, in either order', async () => {
    const made: { id: number; words: string[] }[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 4 }), fc.array(word, { minLength: 1, maxLength: 2 }), fc.option(text, { nil: undefined }), async (tickets, query, comment) => {
        for (const [subject, description] of tickets) {
          const ticket = await create(subject, description);
          made.push({ id: ticket.id, words: searchTokens([ticket.number, subject, description].join(' ')) });
        }
        if (comment !== undefined) {
          // A comment is indexed with its ticket: its words are found too.
          const last = made.at(-1)!;
          const r = await t.request(operator, { method: 'POST', url: `/api/v1/tickets/${last.id}/comments`, payload: { body: comment, visibility: 'internal' } });
          expect(r.statusCode).toBe(201);
          last.words.push(...searchTokens(comment));
        }
        const asked = searchTokens(query.join(' '));
        const expected = made.filter((m) => asked.every((q) => m.words.some((w) => w.startsWith(q)))).map((m) => m.id).sort((a, b) => a - b);
        expect(await search(query.join(' '))).toEqual(expected);
        expect(await search(query.join(' '), 'sla')).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });

  it('finds a prefix that stands for a great many words, and nothing for a prefix no word has', async () => {
    const ticket = await create('Sklad zzq0421', 'Položka s kódem zzq0421');
    if (engine === 'sqlite') {
      // More words with the prefix than a query names one by one: FTS5's own prefix query answers.
      const many = Array.from({ length: 600 }, (_, i) => `zzq${String(i).padStart(4, '0')}`);
      await sql`insert or ignore into search_terms (term) select value from json_each(${JSON.stringify(many)})`.execute(t.database.db);
    }
    expect(await search('zzq')).toEqual([ticket.id]);
    expect(await search('zzq04')).toEqual([ticket.id]);
    expect(await search('zzq0421 sklad')).toEqual([ticket.id]);
    expect(await search('zzqx')).toEqual([]);
    expect(await search('sklad qqqq')).toEqual([]);
  });

  it.runIf(engine === 'sqlite')('an existing database keeps finding its tickets once the vocabulary is built from the index', async () => {
    const ticket = await create('Záložní zdroj UPS pípá', 'Baterie vyměněna loni');
    await sql`drop table search_terms`.execute(t.database.db);
    await searchTermsMigration.up(t.database.db);
    expect(await search('pipa bater')).toEqual([ticket.id]);
    expect(await search('zalo')).toContain(ticket.id);
  });

  it.runIf(engine === 'sqlite')('property: the index holds the very words searchTokens gives, whatever the text', () => {
    // The vocabulary is filled from searchTokens; a query expands through it. Were SQLite's
    // tokenizer to fold a letter otherwise, a word would be indexed under a name no query asks for.
    const db = new BetterSqlite3(':memory:');
    db.exec(`create virtual table s using fts5(document, tokenize = 'unicode61 remove_diacritics 2');
      create virtual table v using fts5vocab(s, 'row');`);
    const insert = db.prepare('insert into s (rowid, document) values (1, ?)');
    const terms = db.prepare('select term from v order by term');
    const check = (raw: string) => {
      const ours = [...new Set(searchTokens(raw))].sort();
      db.exec('delete from s');
      insert.run(ours.join(' '));
      expect((terms.all() as { term: string }[]).map((r) => r.term)).toEqual(ours.sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b)))));
    };
    // Every character of the Latin, Greek and Cyrillic blocks (where SQLite's tables and
    // JavaScript's agree on what a letter is), alone and in random texts.
    const blocks = [[0x30, 0x7f], [0xa0, 0x2af], [0x370, 0x52f], [0x1e00, 0x1fff], [0xa720, 0xa7ff]] as const;
    const chars = blocks.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)));
    for (const c of chars) check(`x${c}y`);
    fc.assert(fc.property(fc.array(fc.constantFrom(...chars, ' ', ' ', '-'), { maxLength: 40 }), (cs) => check(cs.join(''))), { numRuns: 300 });
    db.close();
  });
});
