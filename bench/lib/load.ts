// Load generation for benchmarks. autocannon runs in a SECOND process so it does not
// share the event loop (or the core) with the server under test; the server should
// also be its own process (see server.ts).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AUTOCANNON = require.resolve('autocannon');

export interface LoadOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer | object;
  /** Concurrent connections; default 50. */
  connections?: number;
  /** Seconds; default 10. */
  duration?: number;
  pipelining?: number;
  /** Per-request timeout in seconds; default 10. */
  timeout?: number;
  title?: string;
}

export interface LoadResult {
  title: string;
  /** Mean requests per second over the run. */
  requestsPerSec: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  /** Responses outside 2xx. */
  non2xx: number;
  /** Connection errors plus timeouts. */
  errors: number;
  totalRequests: number;
}

// Runs in the child: reads options from stdin, prints one JSON line to stdout.
const CHILD = `
const autocannon = require(process.argv[1]);
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', async () => {
  const o = JSON.parse(input);
  if (o.bodyBase64 !== undefined) o.body = Buffer.from(o.bodyBase64, 'base64');
  delete o.bodyBase64;
  try {
    const r = await autocannon(o);
    process.stdout.write(JSON.stringify({
      requestsPerSec: r.requests.mean, p50: r.latency.p50, p99: r.latency.p99,
      non2xx: r.non2xx, errors: r.errors + r.timeouts, totalRequests: r.requests.total,
    }) + '\\n');
  } catch (err) {
    console.error(err && err.stack || String(err));
    process.exit(1);
  }
});
`;

/** Runs autocannon from a child process against `url` and returns its summary. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { body, headers = {}, ...rest } = options;
  const finalHeaders = { ...headers };
  let bodyBase64: string | undefined;
  if (body !== undefined) {
    if (typeof body === 'string' || Buffer.isBuffer(body)) {
      bodyBase64 = Buffer.from(body).toString('base64');
    } else {
      bodyBase64 = Buffer.from(JSON.stringify(body)).toString('base64');
      if (!Object.keys(finalHeaders).some((h) => h.toLowerCase() === 'content-type')) {
        finalHeaders['content-type'] = 'application/json';
      }
    }
  }
  const childOptions = {
    url: rest.url,
    method: rest.method ?? 'GET',
    headers: finalHeaders,
    connections: rest.connections ?? 50,
    duration: rest.duration ?? 10,
    pipelining: rest.pipelining ?? 1,
    timeout: rest.timeout ?? 10,
    bodyBase64,
  };
  const title = rest.title ?? `${childOptions.method} ${new URL(rest.url).pathname}`;

  const child = spawn(process.execPath, ['-e', CHILD, AUTOCANNON], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdin.end(JSON.stringify(childOptions));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`autocannon child exited with ${code}: ${err.trim()}`);
  const line = out.trim().split('\n').pop() ?? '';
  const r = JSON.parse(line) as Omit<LoadResult, 'title'>;
  return { title, ...r };
}

export type Row = Record<string, string | number | boolean | null | undefined>;

function formatCell(v: Row[string]): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  return String(v);
}

/** Prints rows as a plain, aligned text table (numbers right-aligned). */
export function printTable(rows: Row[], write: (line: string) => void = (l) => console.log(l)): void {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = rows.map((r) => columns.map((c) => formatCell(r[c])));
  const numeric = columns.map((c) => rows.every((r) => r[c] === undefined || typeof r[c] === 'number'));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const fmt = (vals: string[]) =>
    vals.map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  write(fmt(columns));
  write(fmt(widths.map((w) => '-'.repeat(w))));
  for (const row of cells) write(fmt(row));
}
