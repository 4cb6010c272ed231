/**
 * Texts of draft lines in the client's language: a draft's descriptions are
 * stored text (the person reviewing may change them), so they are written in
 * the language the invoice will be printed in, with months and dates in words
 * ("Paušál říjen 2026") and a no-break space before a unit ("+50 %"). An issued
 * document keeps the text it was issued with.
 */
import type { Language } from '../../shared/language.ts';
import { percentText } from '../../shared/number-text.ts';
import type { TimeClass } from '../../shared/time-class.ts';
import { formatDate, formatPeriodText } from '../documents/index.ts';

const TEXT = {
  cs: {
    hour: 'h', km: 'km', piece: 'ks', travel: 'Doprava', fee: 'Paušál', overage: 'Nad rámec předplacených hodin', prorated: 'poměrná část',
    period: { month: 'měs.', quarter: 'čtvrtletí', year: 'rok' },
    timeClass: { normal: '', out_of_hours: 'mimo pracovní dobu', weekend_holiday: 'víkend / svátek' },
    flat: 'jednotná sazba', band: 'pásmo',
  },
  sk: {
    hour: 'h', km: 'km', piece: 'ks', travel: 'Doprava', fee: 'Paušál', overage: 'Nad rámec predplatených hodín', prorated: 'pomerná časť',
    period: { month: 'mes.', quarter: 'štvrťrok', year: 'rok' },
    timeClass: { normal: '', out_of_hours: 'mimo pracovného času', weekend_holiday: 'víkend / sviatok' },
    flat: 'jednotná sadzba', band: 'pásmo',
  },
  en: {
    hour: 'h', km: 'km', piece: 'pcs', travel: 'Travel', fee: 'Fee', overage: 'Beyond prepaid hours', prorated: 'prorated',
    period: { month: 'month', quarter: 'quarter', year: 'year' },
    timeClass: { normal: '', out_of_hours: 'out of hours', weekend_holiday: 'weekend / holiday' },
    flat: 'flat rate', band: 'band',
  },
} as const;

export const textOf = (language: Language) => TEXT[language];

export function workText(language: Language, workTypeName: string, timeClass: TimeClass, surchargePct: number): string {
  const t = TEXT[language];
  const cls = t.timeClass[timeClass];
  if (cls === '') return workTypeName;
  return surchargePct > 0 ? `${workTypeName} – ${cls} (+${percentText(surchargePct * 100, language)})` : `${workTypeName} – ${cls}`;
}

/** "Paušál říjen 2026 – Podpora (SML-1)", "Fee Q4 2026 – …", prorated: "…, poměrná část 15. 10. 2026 – 31. 10. 2026". */
export function feeText(language: Language, contractName: string, contractNumber: string, period: string, prorated: { from: string; to: string } | null): string {
  const t = TEXT[language];
  const base = `${t.fee} ${formatPeriodText(period, language)} – ${contractName} (${contractNumber})`;
  return prorated ? `${base}, ${t.prorated} ${formatDate(prorated.from, language)} – ${formatDate(prorated.to, language)}` : base;
}

export function overageText(language: Language, contractNumber: string, what: string): string {
  return `${TEXT[language].overage} (${contractNumber}) – ${what}`;
}

/** Minutes as thousandths of an hour (1 h 45 min = 1750); rounded, since the net is what counts. */
export const hoursMilli = (minutes: number): number => Math.round((minutes * 1000) / 60);
