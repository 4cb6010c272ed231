/**
 * SLA due-date throughput: addBusinessMinutes for random start instants (2026–2027,
 * any hour) and random targets (15 min … 40 business hours, some up to 400 h)
 * on the Czech office calendar, plus a full computeSla of a small history.
 * Run: npx tsx bench/sla.bench.ts [count]
 * Target: well above 100,000 due dates/s (ticket creation needs ≥ 4,000 req/s).
 */
import { performance } from 'node:perf_hooks';
import {
  addBusinessMinutes,
  computeSla,
  officeHoursCalendar,
  type SlaEvent,
  type SlaPolicy,
} from '../src/modules/tickets/domain/sla/index.ts';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const calendar = officeHoursCalendar({ holidayCountries: ['CZ', 'SK'] });

// A deterministic generator, so runs are comparable.
let seed = 42;
const random = (n: number): number => {
  seed = (seed * 1_103_515_245 + 12_345) >>> 0;
  return seed % n;
};
const FROM = Date.parse('2026-01-01T00:00:00Z');
const SPAN = 2 * 365 * 86_400_000;
const starts = new Float64Array(COUNT);
const targets = new Float64Array(COUNT);
for (let i = 0; i < COUNT; i++) {
  starts[i] = FROM + Math.floor((random(1 << 30) / (1 << 30)) * SPAN);
  targets[i] = random(10) === 0 ? 60 * (40 + random(360)) : 15 * (1 + random(160));
}

function dueDates(): { seconds: number; checksum: number } {
  let checksum = 0;
  const started = performance.now();
  for (let i = 0; i < COUNT; i++) checksum += addBusinessMinutes(calendar, starts[i]!, targets[i]!) % 1_000_003;
  return { seconds: (performance.now() - started) / 1000, checksum };
}

const policy: SlaPolicy = {
  id: 'bench',
  name: 'bench',
  calendar,
  targets: {
    P1: { firstResponseMinutes: 30, resolutionMinutes: 240 },
    P2: { firstResponseMinutes: 60, resolutionMinutes: 480 },
    P3: { firstResponseMinutes: 240, resolutionMinutes: 960 },
    P4: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
  },
};

function slaStates(count: number): { seconds: number; checksum: number } {
  let checksum = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const s = starts[i]!;
    const events: SlaEvent[] = [
      { at: s, kind: 'created', priority: 'P3' },
      { at: s + 3_600_000, kind: 'first_response' },
      { at: s + 20 * 3_600_000, kind: 'paused' },
      { at: s + 50 * 3_600_000, kind: 'resumed' },
    ];
    const state = computeSla(policy, events, s + 60 * 3_600_000);
    checksum += (state.resolution.dueAt ?? 0) % 1_000_003;
  }
  return { seconds: (performance.now() - started) / 1000, checksum };
}

const cold = dueDates(); // first pass fills the per-day and per-week memos and warms the JIT
const warm = dueDates();
const rate = (n: number, s: number): string => Math.round(n / s).toLocaleString('en');
console.log(`due dates (cold memo): ${COUNT.toLocaleString('en')} in ${cold.seconds.toFixed(3)} s: ${rate(COUNT, cold.seconds)}/s`);
console.log(`due dates (warm):      ${COUNT.toLocaleString('en')} in ${warm.seconds.toFixed(3)} s: ${rate(COUNT, warm.seconds)}/s`);
const slaCount = Math.min(COUNT, 200_000);
slaStates(slaCount);
const sla = slaStates(slaCount);
console.log(`computeSla (4 events): ${slaCount.toLocaleString('en')} in ${sla.seconds.toFixed(3)} s: ${rate(slaCount, sla.seconds)}/s`);
console.log(`(checksums ${warm.checksum}, ${sla.checksum})`);
