// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import i18n, { setLanguage } from '../../i18n';
import type { DraftBlock, RunBlocked } from './api';
import { blockReasonText, blockTodoText, onlyRerunLeft, periodBefore, runBlockedDetail, runBlockedPassed } from './blockWords';

const notFinal: DraftBlock = {
  code: 'previous_prepaid_not_final', message: 'previous prepaid period not final', contractId: 3, contractNumber: 'PRIKLAD-C', period: '2026-11',
  holds: true, previousPeriod: '2026-10', earlierDraftId: 7,
};
const blocked: RunBlocked = {
  clientId: 3, clientName: 'Příklad C', contractId: 3, contractNumber: 'PRIKLAD-C', period: '2026-11', code: 'previous_prepaid_not_final',
  reason: 'previous prepaid period not final', detail: 'contract PRIKLAD-C: the prepaid ledger before 2026-11 is not final (its invoice is not issued)', recordIds: [17],
};

describe('why a draft is blocked, in words', () => {
  afterAll(() => setLanguage('cs'));
  const t = () => i18n.t.bind(i18n);
  const plain = (text: string | null) => text?.replace(/\u00a0/g, ' ') ?? null;

  it('the period before a month, a quarter and a year', () => {
    expect(['2026-11', '2026-01', '2026-Q1', '2026-Q3', '2026', 'x'].map(periodBefore)).toEqual(['2026-10', '2025-12', '2025-Q4', '2026-Q2', '2025', 'x']);
  });

  it('says the reason and what to do first in cs, sk and en, never the server\'s English', async () => {
    await setLanguage('cs');
    expect(blockReasonText(t(), notFinal.code, notFinal.message)).toBe('Předchozí období předplacené smlouvy ještě není vystaveno');
    expect(plain(blockTodoText(t(), notFinal, '2026-11'))).toBe('Smlouva PRIKLAD-C: nejdřív vystavte koncept za říjen 2026, pak spusťte fakturaci za listopad 2026 znovu.');
    expect(plain(blockTodoText(t(), { ...notFinal, earlierDraftId: null }, '2026-11'))).toBe('Smlouva PRIKLAD-C: nejdřív spusťte fakturaci za říjen 2026 a koncept vystavte, pak spusťte fakturaci za listopad 2026 znovu.');
    expect(plain(runBlockedDetail(t(), blocked))).toBe('smlouva PRIKLAD-C: nejdřív vystavte období říjen 2026');
    expect(plain(runBlockedDetail(t(), { ...blocked, code: 'missing_rate', contractNumber: null, period: null, recordIds: [12, 13] }))).toBe('výkazy č. 12, 13');
    await setLanguage('sk');
    expect(plain(blockTodoText(t(), notFinal, '2026-11'))).toBe('Zmluva PRIKLAD-C: najprv vystavte koncept za október 2026, potom spustite fakturáciu za november 2026 znova.');
    expect(plain(runBlockedDetail(t(), blocked))).toBe('zmluva PRIKLAD-C: najprv vystavte obdobie október 2026');
    await setLanguage('en');
    expect(blockReasonText(t(), notFinal.code, notFinal.message)).toBe('The previous period of the prepaid contract is not issued yet');
    expect(plain(runBlockedDetail(t(), blocked))).toBe('contract PRIKLAD-C: issue October 2026 first');
    expect(plain(runBlockedDetail(t(), { ...blocked, code: 'missing_rate', recordIds: [12] }))).toBe('contract PRIKLAD-C: record 12');
  });

  it('once the earlier period is issued: the reason is gone, run billing again', async () => {
    await setLanguage('cs');
    const gone = { ...notFinal, holds: false, earlierDraftId: null };
    expect(plain(blockTodoText(t(), gone, '2026-11'))).toBe('Důvod pominul: smlouva PRIKLAD-C má období říjen 2026 už vystavené. Koncept byl ale spočítán bez něj, proto spusťte fakturaci za listopad 2026 znovu.');
    expect(onlyRerunLeft([gone])).toBe(true);
    expect(onlyRerunLeft([gone, notFinal])).toBe(false);
    expect(onlyRerunLeft([])).toBe(false);
    expect(onlyRerunLeft(undefined)).toBe(false);
    await setLanguage('en');
    expect(plain(blockTodoText(t(), gone, '2026-11'))).toBe('The reason is gone: contract PRIKLAD-C has October 2026 issued now. The draft was computed without it, so run billing for November 2026 again.');
  });

  it('a run older than the reasons\' parameters shows no detail rather than English; a reason known only by its text keeps it', async () => {
    await setLanguage('cs');
    expect(runBlockedDetail(t(), { ...blocked, contractNumber: undefined, period: undefined })).toBeNull();
    expect(blockReasonText(t(), 'other', 'no rate')).toBe('no rate');
    expect(blockReasonText(t(), 'prepaid_rerun', 'x')).toBe('Z konceptu byl vyjmut výkaz čerpající předplacené hodiny');
  });

  it('a run\'s blocked client agrees with its re-checked draft: passed once the draft\'s same reason no longer holds', () => {
    const draft = { clientId: 3, blocks: [notFinal] };
    expect(runBlockedPassed(blocked, [draft])).toBe(false);
    expect(runBlockedPassed(blocked, [{ ...draft, blocks: [{ ...notFinal, holds: false }] }])).toBe(true);
    // Another client's draft, another contract or period, or no re-check at all: the stored reason stands.
    expect(runBlockedPassed(blocked, [{ clientId: 4, blocks: [{ ...notFinal, holds: false }] }])).toBe(false);
    expect(runBlockedPassed(blocked, [{ ...draft, blocks: [{ ...notFinal, holds: false, contractId: 9 }] }])).toBe(false);
    expect(runBlockedPassed(blocked, [{ ...draft, blocks: [{ ...notFinal, holds: false, period: '2026-12' }] }])).toBe(false);
    expect(runBlockedPassed(blocked, [{ clientId: 3 }])).toBe(false);
    expect(runBlockedPassed({ ...blocked, code: 'prepaid_period_open' }, [{ ...draft, blocks: [{ ...notFinal, holds: false }] }])).toBe(false);
  });
});
