/**
 * Numbers, money, dates and quantities as a printed document shows them in its
 * language: "1 234,56 Kč" in Czech and Slovak, "CZK 1,234.56" in English. The
 * digits come from the shared formatter (shared/number-text.ts), which price
 * explanations and the HTML preview use too, so every text writes a number alike;
 * this file adds what only documents do: currency symbols, rates, dates.
 */
import type { Language } from '../../../shared/language.ts';
import { amountText, NBSP, numberMarks, percentText, quantityText } from '../../../shared/number-text.ts';
import { tryParsePeriod } from '../../../shared/period.ts';

const CURRENCY_SYMBOLS: Record<string, string> = { CZK: 'Kč', EUR: '€' };

/** 123456 → "1 234,56" (cs/sk) or "1,234.56" (en); two decimals unless told, minus sign kept. */
export const formatAmount: (minor: number, language: Language, decimals?: number) => string = amountText;

/** "1 234,56 Kč", "1 234,56 €", "CZK 1,234.56", "EUR 1,234.56". */
export function formatMoney(minor: number, currency: string, language: Language): string {
  const amount = formatAmount(minor, language);
  if (language === 'en') return `${currency}${NBSP}${amount}`;
  return `${amount}${NBSP}${CURRENCY_SYMBOLS[currency] ?? currency}`;
}

/** IBAN in groups of four, as people read and type it: "CZ65 0800 0000 1920 0014 5399". */
export function groupIban(iban: string): string {
  return iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/** An exact decimal text such as an exchange rate, '24.335' → "24,335" (cs/sk) or "24.335" (en). */
export function formatDecimalText(text: string, language: Language): string {
  return text.replace('.', numberMarks(language).point);
}

/** Thousandths as the shortest decimal: 1500 → "1,5" (cs/sk) or "1.5" (en), thousands grouped. */
export const formatQuantityText: (milli: number, language: Language) => string = quantityText;

/** 2100 → "21 %" (cs/sk, with a no-break space) or "21%" (en); 1050 → "10,5 %". */
export const formatRate: (bp: number, language: Language) => string = percentText;

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-11-02' → "2. 11. 2026" (cs/sk) or "2 Nov 2026" (en). */
export function formatDate(iso: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  if (language === 'en') return `${Number(day)} ${EN_MONTHS[Number(month) - 1]} ${year}`;
  return `${Number(day)}.${NBSP}${Number(month)}.${NBSP}${year}`;
}

const MONTHS: Readonly<Record<Language, readonly string[]>> = {
  cs: ['leden', 'únor', 'březen', 'duben', 'květen', 'červen', 'červenec', 'srpen', 'září', 'říjen', 'listopad', 'prosinec'],
  sk: ['január', 'február', 'marec', 'apríl', 'máj', 'jún', 'júl', 'august', 'september', 'október', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * A billing period in words: '2026-10' → "říjen 2026" / "október 2026" / "October 2026",
 * '2026-Q4' → "4. čtvrtletí 2026" / "4. štvrťrok 2026" / "Q4 2026", '2026' → "2026";
 * anything else as it is. Written from fixed names rather than Intl, so a printed
 * document reads the same whatever the server's locale data.
 */
export function formatPeriodText(period: string, language: Language): string {
  const p = tryParsePeriod(period);
  if (!p) return period;
  if (p.kind === 'month') return `${MONTHS[language][p.index - 1]}${NBSP}${p.year}`;
  if (p.kind === 'quarter') return language === 'en' ? `Q${p.index}${NBSP}${p.year}` : `${p.index}.${NBSP}${language === 'cs' ? 'čtvrtletí' : 'štvrťrok'} ${p.year}`;
  return String(p.year);
}

const COUNTRY_NAMES: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  CZ: { cs: 'Česká republika', sk: 'Česká republika', en: 'Czech Republic' },
  SK: { cs: 'Slovenská republika', sk: 'Slovenská republika', en: 'Slovak Republic' },
};

/**
 * A country as an address prints it: the ISO code the data keeps ('CZ') by the
 * country's name in the document's language ("Česká republika"): the official
 * names for the two home countries, the language's usual name for any other;
 * a text that is not a known code as it is.
 */
export function countryName(code: string, language: Language): string {
  const upper = code.trim().toUpperCase();
  const own = COUNTRY_NAMES[upper]?.[language];
  if (own) return own;
  if (!/^[A-Z]{2}$/.test(upper)) return code;
  try {
    const name = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }).of(upper);
    return name ?? code;
  } catch {
    return code;
  }
}

/**
 * A postal address as documents print it, one line each: the street, the postal code
 * with the city, the country by its name in the document's language; empty parts left out.
 */
export function addressLines(a: { readonly street: string; readonly city: string; readonly postalCode: string; readonly country: string }, language: Language): string[] {
  return [a.street, `${a.postalCode} ${a.city}`.trim(), a.country ? countryName(a.country, language) : ''].filter((line) => line.length > 0);
}

/** Minutes as hours and minutes: 135 → "2:15". */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}
