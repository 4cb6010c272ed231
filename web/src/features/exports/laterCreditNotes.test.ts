// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import i18n, { setLanguage } from '../../i18n';
import { laterCreditNoteLines } from './laterCreditNotes';

const t = (lang: string) => i18n.getFixedT(lang);
beforeAll(() => setLanguage('cs'));

describe("credit notes of a period's invoices exported with a later period", () => {
  it('say how many and with which period, in each language and number', () => {
    const preview = { creditNotesInLaterPeriods: [{ month: '2026-11', count: 1 }, { month: '2026-12', count: 2 }] };
    expect(laterCreditNoteLines(t('cs'), preview)).toEqual([
      '1 dobropis k dokladům tohoto období se exportuje až s obdobím listopad 2026 (podle svého data zdanitelného plnění).',
      '2 dobropisy k dokladům tohoto období se exportují až s obdobím prosinec 2026 (podle svého data zdanitelného plnění).',
    ]);
    expect(laterCreditNoteLines(t('cs'), { creditNotesInLaterPeriods: [{ month: '2026-11', count: 5 }] })[0]).toMatch(/^5 dobropisů .* se exportuje až/);
    expect(laterCreditNoteLines(t('sk'), preview)[1]).toMatch(/^2 dobropisy k dokladom tohto obdobia sa exportujú až s obdobím .*2026/);
    expect(laterCreditNoteLines(t('en'), preview)[0]).toMatch(/^1 credit note correcting this period's documents is exported with .*2026/);
  });

  it('say nothing when there are none', () => {
    expect(laterCreditNoteLines(t('cs'), { creditNotesInLaterPeriods: [] })).toEqual([]);
  });
});
