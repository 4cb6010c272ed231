/**
 * A price's explanation as data: each line a text key and its values (amounts in
 * minor units, quantities in thousandths, dates, codes). Pricing builds these on
 * every write, where formatting words would cost time and fix one language; the
 * lines are put into words in the reader's language when they are read
 * (pricing.explain-render.ts). Records priced before this change stored English
 * sentences: a line may still be a plain string, shown as it is.
 */
import type { BusinessHours, TimeClass } from './domain/index.ts';
import type { EXPLANATION_TEXTS } from './pricing.explain-texts.ts';

export type PriceListSourceKind = 'contract' | 'client' | 'default' | 'chosen';

/** A value of a line; the object forms say how it is put into words. */
export type ExplanationValue =
  | string
  | number
  | { readonly money: number; readonly currency?: string }
  | { readonly milli: number }
  | { readonly date: string }
  /** A date with its weekday. */
  | { readonly day: string }
  | { readonly at: { readonly date: string; readonly time: string } }
  | { readonly timeClass: TimeClass }
  | { readonly hours: BusinessHours }
  | { readonly source: PriceListSourceKind }
  | { readonly holiday: { readonly code: string; readonly name: string } }
  | { readonly line: ExplanationLine };

export type ExplanationKey = keyof (typeof EXPLANATION_TEXTS)['en'];

export interface ExplanationLine {
  readonly key: ExplanationKey;
  readonly values?: Readonly<Record<string, ExplanationValue>>;
}

/** What a record keeps: structured lines, or the English sentences of records priced before. */
export type StoredExplanationLine = ExplanationLine | string;

export const line = (key: ExplanationKey, values?: Record<string, ExplanationValue>): ExplanationLine => (values ? { key, values } : { key });

export const money = (minor: number, currency?: string): ExplanationValue => (currency === undefined ? { money: minor } : { money: minor, currency });

/** Lines about internal costs (pricing writes them last): left out for roles that do not see costs. */
export function isCostLine(l: StoredExplanationLine): boolean {
  return typeof l === 'string' ? l.startsWith('Internal cost: ') : l.key.startsWith('cost.');
}
