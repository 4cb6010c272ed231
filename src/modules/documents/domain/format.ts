/**
 * Numbers, money, dates and quantities as a printed document shows them in its
 * language: "1 234,56 Kč" in Czech and Slovak, "CZK 1,234.56" in English. The
 * digits come from the shared formatter (shared/number-text.ts), which price
 * explanations and the HTML preview use too, so every text writes a number alike;
 * this file adds what only documents do: currency symbols, rates, dates.
 */
import { amountText, NBSP, numberMarks, quantityText } from '../../../shared/number-text.ts';
import type { DocumentLanguage } from './labels.ts';

const CURRENCY_SYMBOLS: Record<string, string> = { CZK: 'Kč', EUR: '€' };

/** 123456 → "1 234,56" (cs/sk) or "1,234.56" (en); two decimals unless told, minus sign kept. */
export const formatAmount: (minor: number, language: DocumentLanguage, decimals?: number) => string = amountText;

/** "1 234,56 Kč", "1 234,56 €", "CZK 1,234.56", "EUR 1,234.56". */
export function formatMoney(minor: number, currency: string, language: DocumentLanguage): string {
  const amount = formatAmount(minor, language);
  if (language === 'en') return `${currency}${NBSP}${amount}`;
  return `${amount}${NBSP}${CURRENCY_SYMBOLS[currency] ?? currency}`;
}

/** An exact decimal text such as an exchange rate, '24.335' → "24,335" (cs/sk) or "24.335" (en). */
export function formatDecimalText(text: string, language: DocumentLanguage): string {
  return text.replace('.', numberMarks(language).point);
}

/** Thousandths as the shortest decimal: 1500 → "1,5" (cs/sk) or "1.5" (en), thousands grouped. */
export const formatQuantityText: (milli: number, language: DocumentLanguage) => string = quantityText;

/** 2100 → "21 %" (cs/sk) or "21%" (en); 1050 → "10,5 %". */
export function formatRate(bp: number, language: DocumentLanguage): string {
  const whole = Math.trunc(bp / 100);
  const fraction = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  const number = fraction ? `${whole}${numberMarks(language).point}${fraction}` : String(whole);
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
