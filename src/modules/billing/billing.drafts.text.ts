/**
 * Texts of draft lines in the client's language: a draft's descriptions are
 * stored text (the person reviewing may change them), so they are written in
 * the language the invoice will be printed in.
 */
import type { TimeClass } from '../../shared/time-class.ts';

export type Language = 'cs' | 'sk' | 'en';

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
  return surchargePct > 0 ? `${workTypeName} – ${cls} (+${surchargePct} %)` : `${workTypeName} – ${cls}`;
}

export function feeText(language: Language, contractName: string, contractNumber: string, period: string, prorated: { from: string; to: string } | null): string {
  const t = TEXT[language];
  const base = `${t.fee} ${period} – ${contractName} (${contractNumber})`;
  return prorated ? `${base}, ${t.prorated} ${prorated.from} – ${prorated.to}` : base;
}

export function overageText(language: Language, contractNumber: string, what: string): string {
  return `${TEXT[language].overage} (${contractNumber}) – ${what}`;
}

/** Minutes as thousandths of an hour (1 h 45 min = 1750); rounded, since the net is what counts. */
export const hoursMilli = (minutes: number): number => Math.round((minutes * 1000) / 60);
