// The physical anchor for bench/foundation.bench.ts: a bare Fastify 5 server doing
// the same single-row read and insert on the same `clients` table with raw
// better-sqlite3 prepared statements. No auth, validation, audit or ORM: what is
// left is the floor that Kontor's own routes are compared against.
//
//   BASELINE_DB=/tmp/x.db PORT=3001 node --import tsx bench/baseline-server.ts
import BetterSqlite3 from 'better-sqlite3';
import Fastify from 'fastify';

const file = process.env.BASELINE_DB;
const port = Number(process.env.PORT);
if (!file || !port) throw new Error('baseline-server: set BASELINE_DB and PORT');

// The same pragmas as Kontor's src/platform/db/sqlite.ts.
const db = new BetterSqlite3(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -16000');

const selectOne = db.prepare('SELECT * FROM clients WHERE id = ?');
// Read with .all(), never .get(): .get() on INSERT … RETURNING leaves the statement
// open and the WAL can never reset (STACK-NOTES pitfall 1).
const insertOne = db.prepare(
  `INSERT INTO clients (name, search_text, company_id, vat_id, country, registered_address, billing_address,
     email, phone, language, currency, payment_terms_days, notes, active, version, created_at, updated_at)
   VALUES (@name, @search_text, NULL, NULL, @country, NULL, NULL, NULL, NULL, @language, @currency, @payment_terms_days, NULL, 1, 1, @at, @at)
   RETURNING *`,
);

const app = Fastify({ logger: false });

app.get('/healthz', async () => ({ status: 'ok' }));

app.get<{ Params: { id: string } }>('/clients/:id', async (request, reply) => {
  const row = selectOne.get(Number(request.params.id));
  if (!row) return reply.status(404).send({ error: 'not_found' });
  return row;
});

app.post<{ Body: { name: string; country?: string; currency?: string; language?: string; paymentTermsDays?: number } }>(
  '/clients',
  async (request, reply) => {
    const b = request.body;
    const at = new Date().toISOString();
    const [row] = insertOne.all({
      name: b.name,
      search_text: b.name.toLowerCase(),
      country: b.country ?? 'CZ',
      language: b.language ?? 'cs',
      currency: b.currency ?? 'CZK',
      payment_terms_days: b.paymentTermsDays ?? 14,
      at,
    });
    return reply.status(201).send(row);
  },
);

await app.listen({ host: '127.0.0.1', port });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => {
      db.close();
      process.exit(0);
    });
  });
}
