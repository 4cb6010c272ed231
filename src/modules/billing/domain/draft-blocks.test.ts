import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_TEXT, blockNow, distinctBlocks, draftBlock, draftBlocksJson, onlyRerunNeeded, parseDraftBlocks, type DraftBlockCode } from './draft-blocks.ts';
import { recordsAfterRunWarning, TICKETS_NAMED } from './issue-warnings.ts';

const CODES: DraftBlockCode[] = ['missing_rate', 'missing_vat_rate', 'previous_prepaid_not_final', 'prepaid_rerun'];
const block = fc.record({
  code: fc.constantFrom(...CODES),
  contractId: fc.option(fc.integer({ min: 1, max: 1e6 }), { nil: null }),
  contractNumber: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: null }),
  period: fc.option(fc.constantFrom('2026-10', '2026-11', '2026-Q4'), { nil: null }),
}).map((b) => draftBlock(b.code, b));

describe('draft blocks', () => {
  it('reads back what it stores, codes, contract and period alike', () => {
    fc.assert(fc.property(fc.array(block, { maxLength: 6 }), (blocks) => {
      expect(parseDraftBlocks(draftBlocksJson(blocks))).toEqual(blocks);
    }));
  });

  it("reads an older draft's English text as its code, and unknown text as 'other' keeping the text", () => {
    expect(parseDraftBlocks(JSON.stringify(['previous prepaid period not final', 'prepaid minutes changed: re-run the period', 'no rate']))).toEqual([
      draftBlock('previous_prepaid_not_final'), draftBlock('prepaid_rerun'), { code: 'other', message: 'no rate', contractId: null, contractNumber: null, period: null },
    ]);
    expect(parseDraftBlocks(null)).toEqual([]);
    expect(draftBlocksJson([])).toBeNull();
    expect(BLOCK_TEXT.previous_prepaid_not_final).toBe('previous prepaid period not final');
  });

  it('says each reason once per contract and period', () => {
    fc.assert(fc.property(fc.array(block, { maxLength: 8 }), (blocks) => {
      const once = distinctBlocks([...blocks, ...blocks]);
      expect(once).toEqual(distinctBlocks(blocks));
      expect(new Set(once.map((b) => `${b.code}|${b.contractId}|${b.period}`)).size).toBe(once.length);
    }));
  });

  it('only "previous period not final" goes away, exactly when that period is final; the others hold until billing runs again', () => {
    fc.assert(fc.property(block, fc.boolean(), fc.option(fc.integer({ min: 1, max: 1e6 }), { nil: null }), (b, final, draftId) => {
      const now = blockNow(b, { period: '2026-09', final, draftId });
      if (b.code === 'previous_prepaid_not_final') {
        expect(now.holds).toBe(!final);
        expect(now.earlierDraftId).toBe(final ? null : draftId);
      } else {
        expect(now.holds).toBe(true);
        expect(now.earlierDraftId).toBeNull();
      }
      expect(onlyRerunNeeded([now])).toBe(!now.holds);
    }));
    expect(blockNow(draftBlock('previous_prepaid_not_final'), null).holds).toBe(true);
    expect(onlyRerunNeeded([])).toBe(false);
  });
});

describe('records approved after the run', () => {
  const record = fc.record({
    ticketNumber: fc.constantFrom('T2026-000001', 'T2026-000002', 'T2026-000003', 'T2026-000004', 'T2026-000005', 'T2026-000006', 'T2026-000007'),
    date: fc.constantFrom('2026-10-01', '2026-10-15', '2026-10-31'),
    kind: fc.constantFrom('work', 'travel', 'material'),
    minutes: fc.integer({ min: 0, max: 600 }),
    prepaid: fc.boolean(),
  });

  it('counts every record and its minutes, the prepaid work apart, and names at most five tickets', () => {
    fc.assert(fc.property(fc.array(record, { maxLength: 20 }), (records) => {
      const warning = recordsAfterRunWarning({ period: '2026-10', records });
      if (records.length === 0) {
        expect(warning).toBeNull();
        return;
      }
      expect(warning!.count).toBe(records.length);
      expect(warning!.minutes).toBe(records.reduce((sum, r) => sum + r.minutes, 0));
      expect(warning!.prepaidMinutes).toBe(records.filter((r) => r.prepaid && r.kind === 'work').reduce((sum, r) => sum + r.minutes, 0));
      expect(warning!.prepaidMinutes).toBeLessThanOrEqual(warning!.minutes);
      expect(warning!.tickets.length).toBe(Math.min(TICKETS_NAMED, new Set(records.map((r) => r.ticketNumber)).size));
      expect(new Set(warning!.tickets).size).toBe(warning!.tickets.length);
    }));
  });

  it('F10: one hour logged on 28 Nov under the prepaid contract, approved after the run', () => {
    expect(recordsAfterRunWarning({ period: '2026-11', records: [{ ticketNumber: 'T2026-000005', date: '2026-11-28', kind: 'work', minutes: 60, prepaid: true }] }))
      .toEqual({ code: 'records_after_run', period: '2026-11', count: 1, minutes: 60, tickets: ['T2026-000005'], prepaidMinutes: 60 });
  });
});
