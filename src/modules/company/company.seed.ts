import type { Db } from '../../platform/db/index.ts';
import * as repo from './company.repo.ts';
import { checkCompanySettings, type CompanySettingsInput } from './domain/settings.ts';

/**
 * The demo supplier: a Czech VAT payer. Its IČO and DIČ pass the checksums
 * (a made-up number); the account 19-2000145399/0800 is the Czech Banking
 * Association's published example (IBAN CZ65 0800 0000 1920 0014 5399).
 */
export const DEMO_COMPANY: CompanySettingsInput = {
  name: 'Kontor Servis s.r.o.',
  companyId: '12345679',
  vatId: 'CZ12345679',
  taxId: null,
  vatPayer: true,
  street: 'Karlovo náměstí 317/5',
  city: 'Praha 2',
  postalCode: '120 00',
  country: 'CZ',
  email: 'fakturace@kontor-servis.cz',
  phone: '+420 224 000 111',
  bankAccount: '19-2000145399/0800',
  iban: null,
  bic: 'GIBACZPX',
  registration: 'C 123456 vedená u Městského soudu v Praze',
  footerText: 'Kontor Servis s.r.o. · servis a správa IT · www.kontor-servis.cz · Děkujeme za spolupráci.',
  // Czech documents print the default footer; the Slovak client's invoices read Slovak, English ones English.
  footerTextCs: null,
  footerTextSk: 'Kontor Servis s.r.o. · servis a správa IT · www.kontor-servis.cz · Ďakujeme za spoluprácu.',
  footerTextEn: 'Kontor Servis s.r.o. · IT service and administration · www.kontor-servis.cz · Thank you for your business.',
  // Unrounded, so the demo's invoices show BILLING.md's totals exactly (12 023,77, not 12 024,00).
  roundTotalsCzk: false,
  roundTotalsEur: false,
  defaultCountry: 'CZ',
};

/** Writes the demo supplier straight into the settings row (tests and fixtures; the demo command goes through the service). */
export async function seedDemoCompany(db: Db, at: Date): Promise<void> {
  const { value, problems } = checkCompanySettings(DEMO_COMPANY);
  if (problems.length) throw new Error(`demo company settings are invalid: ${JSON.stringify(problems)}`);
  await repo.updateSettings(db, value, at.toISOString());
}
