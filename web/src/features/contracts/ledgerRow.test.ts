// @vitest-environment node
import { describe, expect, it } from 'vitest';
import i18n, { LANGUAGES } from '../../i18n';
import { ledgerRowState } from './ledgerRow';

describe('prepaid ledger rows', () => {
  it("a provisional row of the period still running (an early run's) reads as such; a past one as provisional; an issued one as final", () => {
    expect(ledgerRowState({ period: '2026-11', final: false }, '2026-11')).toBe('running');
    expect(ledgerRowState({ period: '2026-10', final: false }, '2026-11')).toBe('provisional');
    expect(ledgerRowState({ period: '2026-10', final: true }, '2026-11')).toBe('final');
    expect(ledgerRowState({ period: '2026-11', final: true }, '2026-11')).toBe('final');
    expect(ledgerRowState({ period: '2026-Q4', final: false }, '2026-Q4')).toBe('running');
    expect(ledgerRowState({ period: '2026-Q3', final: false }, '2026-Q4')).toBe('provisional');
  });

  it('without the current period known, a provisional row stays provisional', () => {
    expect(ledgerRowState({ period: '2026-11', final: false }, null)).toBe('provisional');
  });

  it('each state has its words in every language, and the running one its note saying what the figures are', () => {
    for (const lng of LANGUAGES) {
      for (const state of ['final', 'provisional', 'running']) expect(i18n.exists(`contracts.ledger.${state}`, { lng }), `${lng} ${state}`).toBe(true);
    }
    const t = i18n.getFixedT('cs');
    expect(t('contracts.ledger.running')).toBe('Předběžný · období běží');
    expect(t('contracts.ledger.runningNote', { period: 'listopad 2026', at: '28. 11. 2026' })).toMatch(/^\* Období listopad 2026 ještě neskončilo: .*předčasného běhu z 28\. 11\. 2026 – tolik by přešlo a propadlo, kdyby období skončilo tehdy/);
    expect(i18n.getFixedT('en')('contracts.ledger.runningNote', { period: 'November 2026', at: '28/11/2026' })).toMatch(/^\* The period November 2026 is not over yet: .*had the period ended then/);
  });
});
