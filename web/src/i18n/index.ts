import dayjs from 'dayjs';
import 'dayjs/locale/cs';
import 'dayjs/locale/sk';
import 'dayjs/locale/en-gb';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import relativeTime from 'dayjs/plugin/relativeTime';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import cs from './cs.json';
import en from './en.json';
import sk from './sk.json';
import ticketsCs from '../features/tickets/i18n/cs.json';
import ticketsEn from '../features/tickets/i18n/en.json';
import ticketsSk from '../features/tickets/i18n/sk.json';
import recordsCs from '../features/records/i18n/cs.json';
import recordsEn from '../features/records/i18n/en.json';
import recordsSk from '../features/records/i18n/sk.json';
import pricingCs from '../features/pricing/i18n/cs.json';
import pricingEn from '../features/pricing/i18n/en.json';
import pricingSk from '../features/pricing/i18n/sk.json';
import billingCs from '../features/billing/i18n/cs.json';
import billingEn from '../features/billing/i18n/en.json';
import billingSk from '../features/billing/i18n/sk.json';
import warehouseCs from '../features/warehouse/i18n/cs.json';
import warehouseEn from '../features/warehouse/i18n/en.json';
import warehouseSk from '../features/warehouse/i18n/sk.json';
import contractsCs from '../features/contracts/i18n/cs.json';
import contractsEn from '../features/contracts/i18n/en.json';
import contractsSk from '../features/contracts/i18n/sk.json';
import settingsCs from '../features/settings/i18n/cs.json';
import settingsEn from '../features/settings/i18n/en.json';
import settingsSk from '../features/settings/i18n/sk.json';
import exportsCs from '../features/exports/i18n/cs.json';
import exportsEn from '../features/exports/i18n/en.json';
import exportsSk from '../features/exports/i18n/sk.json';
import auditCs from '../features/audit/i18n/cs.json';
import auditEn from '../features/audit/i18n/en.json';
import auditSk from '../features/audit/i18n/sk.json';
import ratesCs from '../features/rates/i18n/cs.json';
import ratesEn from '../features/rates/i18n/en.json';
import ratesSk from '../features/rates/i18n/sk.json';

dayjs.extend(localizedFormat);
dayjs.extend(relativeTime);

export const LANGUAGES = ['cs', 'sk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'kontor.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage may be unavailable (private mode); fall through
  }
  const browser = typeof navigator === 'undefined' ? '' : navigator.language.slice(0, 2).toLowerCase();
  return isLanguage(browser) ? browser : 'cs';
}

/**
 * Dates in each language's own order. English is British English: day before month
 * (27/11/2026), as in the rest of Europe where Kontor's users work; dayjs' plain 'en'
 * would write 11/27/2026.
 */
const DATE_LOCALES: Record<Language, string> = { cs: 'cs', sk: 'sk', en: 'en-gb' };

/** The dayjs (and Mantine dates) locale of a UI language. */
export function dateLocale(lang: string): string {
  return isLanguage(lang) ? DATE_LOCALES[lang] : DATE_LOCALES.en;
}

function applyLocale(lang: Language): void {
  dayjs.locale(DATE_LOCALES[lang]);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

type Texts = { [key: string]: string | Texts };

/** A feature's own text files (e.g. features/tickets/i18n) join the common ones, section by section. */
export function mergeTexts(base: Texts, extra: Texts): Texts {
  const out: Texts = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    out[key] = typeof value === 'object' && typeof current === 'object' ? mergeTexts(current, value) : value;
  }
  return out;
}

const startLanguage = initialLanguage();
applyLocale(startLanguage);

void i18n.use(initReactI18next).init({
  resources: {
    cs: { translation: [ticketsCs, recordsCs, pricingCs, warehouseCs, billingCs, contractsCs, settingsCs, exportsCs, auditCs, ratesCs].reduce(mergeTexts, cs) },
    sk: { translation: [ticketsSk, recordsSk, pricingSk, warehouseSk, billingSk, contractsSk, settingsSk, exportsSk, auditSk, ratesSk].reduce(mergeTexts, sk) },
    en: { translation: [ticketsEn, recordsEn, pricingEn, warehouseEn, billingEn, contractsEn, settingsEn, exportsEn, auditEn, ratesEn].reduce(mergeTexts, en) },
  },
  lng: startLanguage,
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the UI language (texts, dates, numbers) and remembers it in this browser. */
export async function setLanguage(lang: Language): Promise<void> {
  applyLocale(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not fatal
  }
  if (i18n.language !== lang) await i18n.changeLanguage(lang);
}

export default i18n;
