/**
 * Pricing throughput: prices 2,000,000 generated work entries (plus every 10th
 * record a travel entry) with the pure pricing domain and prints records/s.
 * Run: npx tsx bench/pricing.bench.ts [count]
 * Target (docs): ≥ 1,000,000 records/s on one core.
 */
import { performance } from 'node:perf_hooks';
import { holidayCalendar } from '../src/shared/calendar/index.ts';
import { priceTravel, priceWorkEntry, type PriceListVersion, type WorkEntryInput } from '../src/modules/pricing/domain/index.ts';

const COUNT = Number(process.argv[2] ?? 2_000_000);

const priceList: PriceListVersion = {
  priceListId: 'standard',
  validFrom: '2026-01-01',
  currency: 'CZK',
  workRates: [
    { workTypeId: 'remote', technicianLevel: null, hourlyRateMinor: 800_00 },
    { workTypeId: 'on-site', technicianLevel: null, hourlyRateMinor: 1_000_00 },
    { workTypeId: 'on-site', technicianLevel: 'senior', hourlyRateMinor: 1_300_00 },
    { workTypeId: 'development', technicianLevel: null, hourlyRateMinor: 1_200_00 },
  ],
  surchargePct: { normal: 0, out_of_hours: 50, weekend_holiday: 100 },
  incrementMinutes: 15,
  minimumMinutes: [{ workTypeId: 'on-site', minutes: 60 }],
  pricePerKmMinor: 12_00,
  travelRatePerHourMinor: 400_00,
};

// A deterministic generator, so runs are comparable.
let seed = 42;
const random = (n: number): number => {
  seed = (seed * 1_103_515_245 + 12_345) >>> 0;
  return seed % n;
};
const workTypes = ['remote', 'on-site', 'development'];
const levels = [null, 'senior', 'junior'];
const pad = (n: number): string => String(n).padStart(2, '0');

const holidays = holidayCalendar('CZ');
const records: WorkEntryInput[] = new Array(COUNT);
for (let i = 0; i < COUNT; i++) {
  const withStart = random(10) !== 0;
  records[i] = {
    priceList,
    workTypeId: workTypes[random(3)]!,
    technicianLevel: levels[random(3)]!,
    minutes: 1 + random(600),
    start: withStart ? { date: `2026-${pad(1 + random(12))}-${pad(1 + random(28))}`, time: `${pad(random(24))}:${pad(random(60))}` } : null,
    holidays,
    costRatePerHourMinor: 450_00,
  };
}

function run(): { seconds: number; total: number; unpriced: number } {
  let total = 0;
  let unpriced = 0;
  const started = performance.now();
  for (let i = 0; i < COUNT; i++) {
    const record = records[i]!;
    const work = priceWorkEntry(record);
    if (work.ok) total += work.amountMinor;
    else unpriced++;
    if (i % 10 === 0) {
      const travel = priceTravel({ priceList, kmMilli: record.minutes * 100, minutes: record.minutes >> 2 });
      if (travel.ok) total += travel.amountMinor;
    }
  }
  return { seconds: (performance.now() - started) / 1000, total, unpriced };
}

run(); // warm-up: compile price list, fill holiday memo, let the JIT settle
const { seconds, total, unpriced } = run();
const perSecond = Math.round(COUNT / seconds);
console.log(`priced ${COUNT.toLocaleString('en')} records in ${seconds.toFixed(3)} s: ${perSecond.toLocaleString('en')} records/s`);
console.log(`(checksum ${total}, unpriced ${unpriced})`);
