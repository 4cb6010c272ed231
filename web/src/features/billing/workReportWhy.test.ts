import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import type { WorkReport, WorkReportEntry } from './api';
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
    expect(entryWhyLines(i18n.t, covered, 'CZK', 'en-GB')[0]).toBe('Covered by the contract: 4 h of the prepaid hours used, nothing billed. Below, what the record would cost without the contract.');
    expect(entryWhyLines(i18n.t, { ...covered, coveredMinutes: 0 }, 'CZK', 'en-GB')[0]).toBe('Covered by the contract, nothing billed. Below, what the record would cost without the contract.');
    await i18n.changeLanguage('sk');
    expect(entryWhyLines(i18n.t, covered, 'CZK', 'sk-SK')[0]).toMatch(/^Pokryté zmluvou: z predplatených hodín čerpané 4 h/);
    await i18n.changeLanguage('cs');
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
});
