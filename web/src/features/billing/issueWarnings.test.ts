// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import i18n, { setLanguage } from '../../i18n';
import type { IssueWarning } from './api';
import { issueWarningText } from './issueWarnings';

const currency: IssueWarning = { code: 'currency_differs', clientCurrency: 'EUR', currency: 'CZK', priceLists: [{ name: 'Standard 2026', currency: 'CZK' }] };
const late: IssueWarning = { code: 'late_tax_document', country: 'CZ', rule: 'supply_day', taxableSupplyDate: '2026-10-31', issueDate: '2026-11-28', deadline: '2026-11-15', daysLate: 13 };
const client = 'Tatra Logistik s.r.o.';

describe('issue warnings in words', () => {
  afterAll(() => setLanguage('cs'));
  const say = async (lang: 'cs' | 'sk' | 'en', w: IssueWarning) => {
    await setLanguage(lang);
    return issueWarningText(i18n.t.bind(i18n), w, client).replace(/\u00a0/g, ' ');
  };

  it('a draft in another currency than its client\'s names the client, both currencies and the price list', async () => {
    expect(await say('cs', currency)).toMatch(/^Tatra Logistik s\.r\.o\. má měnu EUR, ale práce je oceněna z ceníku Standard 2026 v CZK\. Faktura bude v CZK\./);
    expect(await say('sk', currency)).toMatch(/^Tatra Logistik s\.r\.o\. má menu EUR, ale práca je ocenená z cenníka Standard 2026 v CZK\. Faktúra bude v CZK\./);
    expect(await say('en', currency)).toMatch(/^Tatra Logistik s\.r\.o\. has the currency EUR, but the work is priced from the price list Standard 2026 in CZK\. The invoice will be in CZK\./);
    const two = { ...currency, priceLists: [{ name: 'Standard 2026', currency: 'CZK' }, { name: 'Servis', currency: 'CZK' }] };
    expect(await say('cs', two)).toContain('z ceníků Standard 2026 a Servis v CZK');
    expect(await say('en', two)).toContain('from the price lists Standard 2026 and Servis in CZK');
    expect(await say('cs', { ...currency, priceLists: [] })).toMatch(/^Tatra Logistik s\.r\.o\. má měnu EUR, ale koncept je v CZK\./);
  });

  it('a late tax document says whose law, its deadline and how many days late', async () => {
    expect(await say('cs', late)).toBe('Daňový doklad se vystavuje do 15 dnů ode dne uskutečnění zdanitelného plnění (31. 10. 2026), tedy nejpozději 15. 11. 2026 (§ 28 odst. 4 zákona o DPH). Při vystavení dnes (28. 11. 2026) to bude o 13 dní později.');
    expect(await say('cs', { ...late, daysLate: 1 })).toContain('o 1 den později');
    expect(await say('cs', { ...late, daysLate: 3 })).toContain('o 3 dny později');
    expect(await say('sk', late)).toBe('Český zákon o DPH (§ 28 ods. 4) vyžaduje daňový doklad do 15 dní odo dňa uskutočnenia zdaniteľného plnenia (31. 10. 2026), teda najneskôr 15. 11. 2026. Pri vystavení dnes (28. 11. 2026) to bude o 13 dní neskôr.');
    expect(await say('sk', { ...late, country: 'SK' })).toContain('(§ 73 písm. a) zákona o DPH)');
    expect(await say('en', late)).toBe('The Czech VAT Act (§ 28(4)) asks for the tax document within 15 days of the date of taxable supply (31/10/2026), that is by 15/11/2026. Issued today (28/11/2026), it is 13 days late.');
    expect(await say('en', { ...late, daysLate: 1 })).toContain('it is 1 day late');
    expect(await say('en', { ...late, country: 'SK', rule: 'month_end' })).toContain('within 15 days of the end of the month of supply');
    expect(await say('cs', { ...late, country: 'SK', rule: 'month_end' })).toContain('§ 73 písm. d)');
  });

  it('records approved after the run say how many, of which period, their tickets and time, the prepaid part, and to run billing again', async () => {
    const afterRun: IssueWarning = { code: 'records_after_run', period: '2026-11', count: 1, minutes: 60, tickets: ['T2026-000005'], prepaidMinutes: 60 };
    expect(await say('cs', afterRun)).toBe('Od běhu přibyl 1 schválený výkaz za listopad 2026 (T2026-000005, 1 h), který koncept nezahrnuje. '
      + 'Z toho 1 h kryjí předplacené hodiny: vystavíte-li koncept takto, ubere je předplatné dalšího období a nevyčerpané hodiny za listopad 2026 se převedou nebo propadnou. '
      + 'Spusťte fakturaci za listopad 2026 znovu, jinak se vyúčtují až v dalším období.');
    const two = { ...afterRun, count: 2, minutes: 105, tickets: ['T2026-000005', 'T2026-000001'], prepaidMinutes: 0 };
    expect(await say('cs', two)).toBe('Od běhu přibyly 2 schválené výkazy za listopad 2026 (T2026-000005 a T2026-000001, 1 h 45 min), které koncept nezahrnuje. Spusťte fakturaci za listopad 2026 znovu, jinak se vyúčtují až v dalším období.');
    expect(await say('sk', afterRun)).toMatch(/^Od behu pribudol 1 schválený výkaz za november 2026 \(T2026-000005, 1 h\), ktorý koncept nezahŕňa\. Z toho 1 h pokrývajú predplatené hodiny/);
    expect(await say('en', two)).toBe('Since the run, 2 records for November 2026 have been approved (T2026-000005 and T2026-000001, 1 h 45 min) that the draft does not include. Run billing for November 2026 again, or they are billed only in the next period.');
  });
});
