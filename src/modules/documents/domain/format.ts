/**
 * Numbers, money, dates and quantities as a printed document shows them in its
 * language: "1 234,56 Kč" in Czech and Slovak, "CZK 1,234.56" in English. Pure
 * integer arithmetic on minor units, so no amount ever passes through a float.
 */
import { formatQuantity } from '../../../shared/quantity.ts';
import type { DocumentLanguage } from './labels.ts';

/** No-break space: keeps "1 234,56 Kč" on one line. */
const NBSP = '\u00a0';

const CURRENCY_SYMBOLS: Record<string, string> = { CZK: 'Kč', EUR: '€' };

/** Groups the integer part by thousands with the language's separator. */
function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** 123456 → "1 234,56" (cs/sk) or "1,234.56" (en); two decimals, minus sign kept. */
export function formatAmount(minor: number, language: DocumentLanguage, decimals = 2): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount must be a safe integer of minor units, got ${minor}`);
  const scale = 10 ** decimals;
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = String(Math.floor(abs / scale));
  const fraction = String(abs % scale).padStart(decimals, '0');
  const [thousands, point] = language === 'en' ? [',', '.'] : [NBSP, ','];
  return `${sign}${group(whole, thousands)}${decimals > 0 ? point + fraction : ''}`;
}

/** "1 234,56 Kč", "1 234,56 €", "CZK 1,234.56", "EUR 1,234.56". */
export function formatMoney(minor: number, currency: string, language: DocumentLanguage): string {
  const amount = formatAmount(minor, language);
  if (language === 'en') return `${currency}${NBSP}${amount}`;
  return `${amount}${NBSP}${CURRENCY_SYMBOLS[currency] ?? currency}`;
}

/** An exact decimal text such as an exchange rate, '24.335' → "24,335" (cs/sk) or "24.335" (en). */
export function formatDecimalText(text: string, language: DocumentLanguage): string {
  return language === 'en' ? text : text.replace('.', ',');
}

/** Thousandths as the shortest decimal: 1500 → "1,5" (cs/sk) or "1.5" (en), thousands grouped. */
export function formatQuantityText(milli: number, language: DocumentLanguage): string {
  const [whole = '', fraction] = formatQuantity(milli).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '');
  const [thousands, point] = language === 'en' ? [',', '.'] : [NBSP, ','];
  return `${sign}${group(digits, thousands)}${fraction === undefined ? '' : point + fraction}`;
}

/** 2100 → "21 %" (cs/sk) or "21%" (en); 1050 → "10,5 %". */
export function formatRate(bp: number, language: DocumentLanguage): string {
  const whole = Math.trunc(bp / 100);
  const fraction = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  const number = fraction ? `${whole}${language === 'en' ? '.' : ','}${fraction}` : String(whole);
  return language === 'en' ? `${number}%` : `${number}${NBSP}%`;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-11-02' → "2. 11. 2026" (cs/sk) or "2 Nov 2026" (en). */
export function formatDate(iso: string, language: DocumentLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  if (language === 'en') return `${Number(day)} ${EN_MONTHS[Number(month) - 1]} ${year}`;
  return `${Number(day)}.${NBSP}${Number(month)}.${NBSP}${year}`;
}

/** Minutes as hours and minutes: 135 → "2:15". */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}
