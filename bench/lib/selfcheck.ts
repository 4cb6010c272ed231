// Self-check of the bench helpers: a bare node:http server in its own process,
// 2 s of load from a second process, a table. Run: npm run bench:selfcheck
import { printTable, runLoad, type Row } from './load.ts';
import { startServer } from './server.ts';

const SERVER = `
const http = require('node:http');
http.createServer((req, res) => {
  if (req.url === '/healthz') { res.writeHead(200).end('ok'); return; }
  if (req.method === 'POST') {
    let n = 0;
    req.on('data', (c) => (n += c.length));
    req.on('end', () => { res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ bytes: n })); });
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"hello":"world"}');
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

const server = await startServer({
  command: [process.execPath, '-e', SERVER],
  env: (port) => ({ PORT: String(port) }),
});
try {
  const rows: Row[] = [];
  for (const opts of [
    { url: `${server.url}/hello`, title: 'GET /hello' },
    { url: `${server.url}/echo`, method: 'POST', body: { a: 1, text: 'příliš žluťoučký' }, title: 'POST /echo (json)' },
  ]) {
    const r = await runLoad({ ...opts, duration: 2, connections: 50 });
    rows.push({ route: r.title, 'req/s': Math.round(r.requestsPerSec), 'p50 ms': r.p50, 'p99 ms': r.p99, non2xx: r.non2xx, errors: r.errors, 'rss MB': Math.round(server.rssMb()) });
  }
  printTable(rows);
  const bad = rows.filter((r) => r.non2xx !== 0 || r.errors !== 0 || Number(r['req/s']) <= 0);
  if (bad.length) {
    console.error('selfcheck: unexpected errors or non-2xx responses');
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
