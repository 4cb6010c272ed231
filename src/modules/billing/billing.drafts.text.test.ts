import { describe, expect, it } from 'vitest';
import { feeText, overageText, workText } from './billing.drafts.text.ts';

describe('draft line texts', () => {
  it('names the fee period and the prorated days in words of the document language', () => {
    expect(feeText('cs', 'Podpora', 'SML-1', '2026-10', null)).toBe('Paušál říjen\u00a02026 – Podpora (SML-1)');
    expect(feeText('sk', 'Podpora', 'SML-1', '2026-10', null)).toBe('Paušál október\u00a02026 – Podpora (SML-1)');
    expect(feeText('en', 'Support', 'SML-1', '2026-10', null)).toBe('Fee October\u00a02026 – Support (SML-1)');
    expect(feeText('cs', 'Podpora', 'SML-1', '2026-Q4', null)).toBe('Paušál 4.\u00a0čtvrtletí 2026 – Podpora (SML-1)');
    expect(feeText('sk', 'Podpora', 'SML-1', '2026-Q1', null)).toBe('Paušál 1.\u00a0štvrťrok 2026 – Podpora (SML-1)');
    expect(feeText('en', 'Support', 'SML-1', '2026', null)).toBe('Fee 2026 – Support (SML-1)');
    expect(feeText('cs', 'Podpora', 'SML-1', '2026-10', { from: '2026-10-15', to: '2026-10-31' }))
      .toBe('Paušál říjen\u00a02026 – Podpora (SML-1), poměrná část 15.\u00a010.\u00a02026 – 31.\u00a010.\u00a02026');
    expect(feeText('en', 'Support', 'SML-1', '2026-10', { from: '2026-10-15', to: '2026-10-31' })).toBe('Fee October\u00a02026 – Support (SML-1), prorated 15 Oct 2026 – 31 Oct 2026');
  });

  it('keeps a surcharge on one line, written as each language writes a percentage', () => {
    expect(workText('cs', 'Práce u zákazníka', 'out_of_hours', 50)).toBe('Práce u zákazníka – mimo pracovní dobu (+50\u00a0%)');
    expect(workText('sk', 'Práca u zákazníka', 'weekend_holiday', 100)).toBe('Práca u zákazníka – víkend / sviatok (+100\u00a0%)');
    expect(workText('en', 'On-site', 'out_of_hours', 50)).toBe('On-site – out of hours (+50%)');
    expect(workText('cs', 'Vzdálená podpora', 'normal', 0)).toBe('Vzdálená podpora');
    expect(overageText('cs', 'SML-1', workText('cs', 'Práce', 'out_of_hours', 25))).toBe('Nad rámec předplacených hodin (SML-1) – Práce – mimo pracovní dobu (+25\u00a0%)');
  });
});
