import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { formatAmount } from '../pricing/money';
import type { WorkReport, WorkReportEntry, WorkReportOveragePart } from './api';
import { entryWhyLines, lineWhyGroups } from './workReportWhy';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

// BILLING.md example A's evening on-site work (12 Oct 18:30, 100 min → 105 billable, +50 %) as the API answers it in Czech.
const evening: WorkReportEntry = {
  recordId: '41', date: '2026-10-12', startTime: '18:30', ticketNumber: 'T-2026-0007', ticketSubject: 'Disk', technician: 'Jana', kind: 'work', what: 'Práce u zákazníka',
  description: 'Výměna disku', minutes: 100, billableMinutes: 105, coveredMinutes: 0, quantityMilli: null, outcome: 'billed', amountMinor: 2_625_00, late: false, lineId: '7',
  explanation: ['Ceník „Standard 2026“ (výchozí), verze platná od 1. 1. 2026, ceny v CZK', 'Časová třída Mimo pracovní dobu: příplatek 50 %', '105 min × 1 000,00/h × 150 % = 2 625,00'],
};

describe('work report explanations', () => {
  it("a billed row explains itself with the record's own price, the server's lines as they are", async () => {
    await i18n.changeLanguage('cs');
    expect(entryWhyLines(i18n.t, evening, 'CZK', 'cs-CZ')).toEqual(evening.explanation);
  });

  it('a covered or partly covered row first says what the contract took, in the reader’s language (example C, 27 Oct)', async () => {
    const partly = { ...evening, outcome: 'partly_covered' as const, minutes: 180, billableMinutes: 180, coveredMinutes: 60, amountMinor: 2_000_00 };
    await i18n.changeLanguage('cs');
    const cs = entryWhyLines(i18n.t, partly, 'CZK', 'cs-CZ').map(plain);
    expect(cs[0]).toBe('Částečně pokryto smlouvou: z předplacených hodin čerpáno 1 h, zbytek nad rámec fakturován za 2 000,00 Kč podle smlouvy. Níže cena celého záznamu bez smlouvy.');
    expect(cs.slice(1)).toEqual(evening.explanation);
    await i18n.changeLanguage('en');
    const covered = { ...evening, outcome: 'covered' as const, coveredMinutes: 240, amountMinor: 0, lineId: null };
    expect(plain(entryWhyLines(i18n.t, covered, 'CZK', 'en-GB')[0]!)).toBe('Covered by the contract: 4 h of the prepaid hours used, nothing billed. Below, what the record would cost without the contract.');
    expect(entryWhyLines(i18n.t, { ...covered, coveredMinutes: 0 }, 'CZK', 'en-GB')[0]).toBe('Covered by the contract, nothing billed. Below, what the record would cost without the contract.');
    await i18n.changeLanguage('sk');
    expect(plain(entryWhyLines(i18n.t, covered, 'CZK', 'sk-SK')[0]!)).toMatch(/^Pokryté zmluvou: z predplatených hodín čerpané 4 h/);
    await i18n.changeLanguage('cs');
  });

  // Example C's 27 Oct entry: 60 min covered, 120 min over the prepaid hours at its own on-site rate (entry_rate).
  const onSite = ['Ceník „Standard 2026“ (výchozí), verze platná od 1. 1. 2026, ceny v CZK', '180 min × 1 000,00/h = 3 000,00'];
  const part = (p: Partial<WorkReportOveragePart>): WorkReportOveragePart => ({ lineId: '7', method: 'tiered', band: 1, minutes: 60, rateMinor: 1_000_00, surchargePct: 0, amountMinor: 1_000_00, roundingMinor: 0, ...p });

  it("a row billed over the prepaid hours first tells the overage price the row carries, then the price list's as context", async () => {
    await i18n.changeLanguage('cs');
    const c = { ...evening, outcome: 'partly_covered' as const, minutes: 180, billableMinutes: 180, coveredMinutes: 60, amountMinor: 2_000_00, explanation: onSite,
      overage: { parts: [part({ method: 'entry_rate', band: null, minutes: 120, amountMinor: 2_000_00 })] } };
    expect(entryWhyLines(i18n.t, c, 'CZK', 'cs-CZ').map(plain)).toEqual([
      'Částečně pokryto smlouvou: z předplacených hodin čerpáno 1 h.',
      'Nad rámec předplacených hodin: 2 h × 1 000,00/h (sazba záznamu podle ceníku) = 2 000,00',
      'Cena celého záznamu podle ceníku, bez smlouvy:',
      ...onSite,
    ]);
    // Billed wholly over the allowance, in band 2 of a tiered contract: the amount of the row, not the price list's.
    const band2 = { ...evening, minutes: 90, billableMinutes: 90, amountMinor: 1_800_00, overage: { parts: [part({ band: 2, minutes: 90, rateMinor: 1_200_00, amountMinor: 1_800_00 })] } };
    expect(plain(entryWhyLines(i18n.t, band2, 'CZK', 'cs-CZ')[0]!)).toBe('Nad rámec předplacených hodin: 1 h 30 min × 1 200,00/h (sazba smlouvy pro přečerpání, pásmo 2) = 1 800,00');
    // Out of hours at the record's own rate: the surcharge is part of the computation.
    const surcharged = { ...evening, overage: { parts: [part({ method: 'entry_rate', band: null, minutes: 105, surchargePct: 50, amountMinor: 2_625_00 })] } };
    expect(plain(entryWhyLines(i18n.t, surcharged, 'CZK', 'cs-CZ')[0]!)).toBe('Nad rámec předplacených hodin: 1 h 45 min × 1 000,00/h × 150 % (sazba záznamu podle ceníku) = 2 625,00');
    await i18n.changeLanguage('sk');
    const flat = { ...band2, overage: { parts: [part({ method: 'flat_rate', band: null, minutes: 90, rateMinor: 1_200_00, amountMinor: 1_800_00 })] } };
    expect(plain(entryWhyLines(i18n.t, flat, 'CZK', 'sk-SK')[0]!)).toBe('Nad rámec predplatených hodín: 1 h 30 min × 1 200,00/h (sadzba zmluvy pre prečerpanie) = 1 800,00');
    expect(plain(entryWhyLines(i18n.t, { ...band2, overage: { parts: [] } }, 'CZK', 'sk-SK')[0]!)).toMatch(/^Nad rámec predplatených hodín fakturované 1 800,00 (Kč|CZK) podľa zmluvy\. Návrh sa po behu fakturácie zmenil/);
    await i18n.changeLanguage('cs');
  });

  it('two bands and the invoice line’s rounding: each term, then their sum, which is the row’s amount', async () => {
    await i18n.changeLanguage('en');
    const across = { ...evening, minutes: 80, billableMinutes: 80, amountMinor: 933_34, overage: { parts: [
      part({ minutes: 20, rateMinor: 700_00, amountMinor: 233_34, roundingMinor: 1 }),
      part({ band: 2, minutes: 60, rateMinor: 700_00, amountMinor: 700_00 }),
    ] } };
    expect(plain(entryWhyLines(i18n.t, across, 'CZK', 'en-GB')[0]!)).toBe(
      "Over the prepaid hours: 20 min × 700.00/h (the contract's overage rate, band 1) + 1 h × 700.00/h (the contract's overage rate, band 2) + rounding of the invoice line = 233.33 + 700.00 + 0.01 = 933.34",
    );
    await i18n.changeLanguage('cs');
  });

  it('the overage line always ends in the row’s amount and its terms add up to it (property)', async () => {
    await i18n.changeLanguage('cs');
    const partArb = fc.record({ minutes: fc.integer({ min: 1, max: 6000 }), rateMinor: fc.integer({ min: 1, max: 5_000_00 }), surchargePct: fc.constantFrom(0, 50, 100), roundingMinor: fc.integer({ min: -3, max: 3 }), method: fc.constantFrom('entry_rate' as const, 'flat_rate' as const, 'tiered' as const) })
      .map((p) => part({ ...p, band: p.method === 'tiered' ? 1 : null, amountMinor: Math.round((p.minutes * p.rateMinor * (100 + p.surchargePct)) / 6000) + p.roundingMinor }));
    fc.assert(fc.property(fc.array(partArb, { minLength: 1, maxLength: 3 }), (parts) => {
      const amountMinor = parts.reduce((sum, p) => sum + p.amountMinor, 0);
      const line = plain(entryWhyLines(i18n.t, { ...evening, amountMinor, overage: { parts } }, 'CZK', 'cs-CZ')[0]!);
      const sides = line.split(' = ');
      expect(sides.at(-1)).toBe(plain(formatAmount(amountMinor, 'cs-CZ')));
      if (sides.length === 3) {
        // "a + b − c": the shown terms add up to the total, to the minor unit.
        const sum = sides[1]!.split(/ (?=[+−] )/).reduce((acc, term) => {
          const negative = term.startsWith('− ');
          const minor = Math.round(Number(term.replace(/^[+−] /, '').replace(/ /g, '').replace(',', '.')) * 100);
          return acc + (negative ? -minor : minor);
        }, 0);
        expect(sum).toBe(amountMinor);
      }
    }), { numRuns: 200 });
  });

  it("an invoice line gathers the explanations of exactly its records, each under its date, ticket and amount", async () => {
    await i18n.changeLanguage('cs');
    const other = { ...evening, recordId: '42', date: '2026-10-05', amountMinor: 800_00, lineId: '6', explanation: ['50 min → 60 min × 800,00/h = 800,00'] };
    const covered = { ...evening, recordId: '43', outcome: 'covered' as const, amountMinor: 0, lineId: null };
    const report = { invoiceId: '3', invoiceNumber: null, period: '2026-10', currency: 'CZK', entries: [other, evening, covered], ledger: null, totals: { minutes: 0, billableMinutes: 0, coveredMinutes: 0, amountMinor: 0 } } satisfies WorkReport;
    const groups = lineWhyGroups(i18n.t, report, 7, 'cs-CZ');
    expect(groups).toHaveLength(1);
    expect(plain(groups[0]!.title!)).toMatch(/^12\. ?10\. ?2026 · T-2026-0007 · 2 625,00 Kč$/);
    expect(groups[0]!.lines).toEqual(evening.explanation);
    expect(lineWhyGroups(i18n.t, report, 99, 'cs-CZ')).toEqual([]); // a contract fee or manual line: no records, no ⓘ
    expect(lineWhyGroups(i18n.t, undefined, 7, 'cs-CZ')).toEqual([]); // the report not loaded (yet)
  });

  it('a record whose overage spans two band lines is on both, each time with its part there; a line holding only its tail lists it too', async () => {
    await i18n.changeLanguage('cs');
    // "across": 20 min in band 1 (line 8, 233,34 with the line's rounding) and 60 min in band 2 (line 9, 700,00); its own lineId is the first, 8.
    const across = { ...evening, recordId: '44', minutes: 80, billableMinutes: 80, amountMinor: 933_34, lineId: '8', overage: { parts: [
      part({ lineId: '8', minutes: 20, rateMinor: 700_00, amountMinor: 233_34, roundingMinor: 1 }),
      part({ lineId: '9', band: 2, minutes: 60, rateMinor: 700_00, amountMinor: 700_00 }),
    ] } };
    // "later": all of it in band 2 (line 9).
    const later = { ...evening, recordId: '45', date: '2026-10-20', ticketNumber: 'T-2026-0008', minutes: 30, billableMinutes: 30, amountMinor: 350_00, lineId: '9',
      overage: { parts: [part({ lineId: '9', band: 2, minutes: 30, rateMinor: 700_00, amountMinor: 350_00 })] } };
    const report = { invoiceId: '3', invoiceNumber: null, period: '2026-10', currency: 'CZK', entries: [across, later], ledger: null, totals: { minutes: 0, billableMinutes: 0, coveredMinutes: 0, amountMinor: 0 } } satisfies WorkReport;
    const view = (lineId: number) => lineWhyGroups(i18n.t, report, lineId, 'cs-CZ').map((g) => ({ title: plain(g.title!), lines: g.lines.map(plain) }));
    const whole = entryWhyLines(i18n.t, across, 'CZK', 'cs-CZ').map(plain);
    expect(view(8)).toEqual([{
      title: expect.stringMatching(/^12\. ?10\. ?2026 · T-2026-0007 · 233,34 Kč$/),
      lines: ['Na tomto řádku je část záznamu: 20 min nad rámec předplacených hodin za 233,34 Kč (celý záznam 933,34 Kč, zbytek je na jiném řádku).', ...whole],
    }]);
    expect(view(9)).toEqual([
      { title: expect.stringMatching(/ · T-2026-0007 · 700,00 Kč$/), lines: ['Na tomto řádku je část záznamu: 1 h nad rámec předplacených hodin za 700,00 Kč (celý záznam 933,34 Kč, zbytek je na jiném řádku).', ...whole] },
      // Wholly on the line: its amount, its own explanation, no word of parts.
      { title: expect.stringMatching(/ · T-2026-0008 · 350,00 Kč$/), lines: entryWhyLines(i18n.t, later, 'CZK', 'cs-CZ').map(plain) },
    ]);
    // What the line's ⓘ lists adds up to the line: 700,00 + 350,00 on band 2.
    expect(report.entries.flatMap((e) => e.overage.parts).filter((p) => p.lineId === '9').reduce((sum, p) => sum + p.amountMinor, 0)).toBe(1_050_00);
    // Parts lost (the draft changed after the run): the record stays on its own line with its whole amount.
    const unsplit = { ...report, entries: [{ ...across, overage: { parts: [] } }] };
    expect(lineWhyGroups(i18n.t, unsplit, 8, 'cs-CZ').map((g) => plain(g.title!))).toEqual([expect.stringMatching(/ · 933,34 Kč$/)]);
    expect(lineWhyGroups(i18n.t, unsplit, 9, 'cs-CZ')).toEqual([]);
    await i18n.changeLanguage('en');
    expect(plain(lineWhyGroups(i18n.t, report, 9, 'en-GB')[0]!.lines[0]!)).toMatch(/^Part of the record is on this line: 1 h over the prepaid hours for (CZK|Kč) ?700\.00 \(the whole record (CZK|Kč) ?933\.34, the rest on another line\)\.$/);
    await i18n.changeLanguage('sk');
    expect(plain(lineWhyGroups(i18n.t, report, 8, 'sk-SK')[0]!.lines[0]!)).toMatch(/^Na tomto riadku je časť záznamu: 20 min nad rámec predplatených hodín za 233,34/);
    await i18n.changeLanguage('cs');
  });
});
