// Issuing a whole month for the billing benchmark (bench/billing.bench.ts): every
// completed draft of the period issued through the same service the API and the CLI
// use (`kontor billing issue`), timed, with wall and CPU time (the machine may be
// shared) and a check that the numbers came out gap-free and unique.
import { createInvoicing } from '../../src/modules/billing/index.ts';
import { systemContext } from '../../src/modules/identity/index.ts';
import type { Clock } from '../../src/platform/clock.ts';
import type { Db } from '../../src/platform/db/index.ts';

export interface IssuingFigures {
  drafts: number;
  issued: number;
  notIssued: number;
  seconds: number;
  cpuSeconds: number;
  gapFree: boolean;
}

export async function benchIssuing(db: Db, clock: Clock, period: string, log: (line: string) => void = console.log): Promise<IssuingFigures> {
  const drafts = await db.selectFrom('invoices').select((eb) => eb.fn.countAll<number | string>().as('n')).where('period', '=', period).where('state', '=', 'draft').where('visible', '=', 1).executeTakeFirstOrThrow();
  const invoicing = createInvoicing({ db, clock });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await invoicing.issuing.issueMany(systemContext, { period });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const ids = report.issued.map((i) => i.id);
  let gapFree = true;
  if (ids.length > 0) {
    const rows = await db.selectFrom('invoices').select(['number', 'number_year', 'number_sequence']).where('id', 'in', ids.slice(0, 30_000)).execute();
    const seqs = rows.map((r) => Number(r.number_sequence)).sort((a, b) => a - b);
    gapFree = new Set(rows.map((r) => r.number)).size === rows.length && seqs.every((s, i) => s === seqs[0]! + i);
  }
  const reasons = new Map<string, number>();
  for (const n of report.notIssued) reasons.set(n.code, (reasons.get(n.code) ?? 0) + 1);
  log(
    `issuing ${period}: ${report.issued.length} of ${Number(drafts.n)} drafts issued in ${seconds.toFixed(2)} s ` +
      `(${((seconds * 1000) / Math.max(1, report.issued.length)).toFixed(2)} ms each, CPU ${cpuSeconds.toFixed(2)} s), numbers ${gapFree ? 'gap-free and unique' : 'NOT GAP-FREE'}` +
      (report.notIssued.length ? `; not issued: ${[...reasons].map(([code, n]) => `${n} ${code}`).join(', ')}` : ''),
  );
  return { drafts: Number(drafts.n), issued: report.issued.length, notIssued: report.notIssued.length, seconds, cpuSeconds, gapFree };
}
