/**
 * Puts a price's explanation into words in the reader's language, when it is read:
 * money as "1 000,00" (cs, sk) or "1,000.00" (en), written by the shared formatter
 * the invoices use (shared/number-text.ts), so an explanation and its invoice show
 * the same digits; dates and weekdays as the language writes them (Intl), time
 * classes and list sources by name. A unit after a number ("50 %", "180 min",
 * "1 350,00 CZK") is joined to it by a no-break space, so a narrow popover never
 * leaves it alone on the next line.
 */
import { isoWeekday } from '../../shared/calendar/index.ts';
import type { Language } from '../../shared/language.ts';
import { amountText, keepUnitsWithNumbers, NBSP, quantityText, wholeNumberText } from '../../shared/number-text.ts';
import { printedUnit } from '../../shared/units.ts';
import type { BusinessHours } from './domain/index.ts';
import type { ExplanationLine, ExplanationValue, StoredExplanationLine } from './pricing.explain.ts';
import { EXPLANATION_NAMES, EXPLANATION_TEXTS } from './pricing.explain-texts.ts';

const LOCALE: Record<Language, string> = { cs: 'cs-CZ', sk: 'sk-SK', en: 'en-GB' };

const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface Formats {
  date: Intl.DateTimeFormat;
  /** Short weekday names, ISO order (index 1 = Monday). */
  weekdays: string[];
  /** Dates already written: explanations repeat few dates (mostly today's), formatting one costs microseconds. */
  dates: Map<string, string>;
}

const DATES_KEPT = 1000;

// Built once per language: constructing Intl formatters costs far more than using them.
const formatsCache = new Map<Language, Formats>();
function formatsOf(language: Language): Formats {
  let f = formatsCache.get(language);
  if (!f) {
    const locale = LOCALE[language];
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    f = {
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
      // 2024-01-01 is a Monday.
      weekdays: ['', ...[1, 2, 3, 4, 5, 6, 7].map((d) => weekday.format(dateOf(`2024-01-0${d}`)))],
      dates: new Map(),
    };
    formatsCache.set(language, f);
  }
  return f;
}

function dateText(iso: string, f: Formats): string {
  let text = f.dates.get(iso);
  if (text === undefined) {
    if (f.dates.size >= DATES_KEPT) f.dates.clear();
    f.dates.set(iso, (text = f.date.format(dateOf(iso))));
  }
  return text;
}

/** Minor units of a two-decimal currency: "1 000,00" / "1,000.00". */
export function formatMoney(minor: number, language: Language): string {
  return amountText(minor, language);
}

/** Thousandths as a quantity without trailing zeros: "1,5" / "1.5", "36". */
export function formatMilliIn(milli: number, language: Language): string {
  return quantityText(milli, language);
}

/** Counts such as minutes and percent; a stored line holding anything but a whole number shows it as stored rather than failing the explanation. */
function numberText(value: number, language: Language): string {
  return Number.isSafeInteger(value) ? wholeNumberText(value, language) : String(value);
}

const weekdayName = (isoDay: number, f: Formats) => f.weekdays[isoDay]!;

function hoursText(hours: BusinessHours, language: Language): string {
  const f = formatsOf(language);
  const days = [...hours.weekdays].sort((a, b) => a - b);
  const contiguous = days.length > 2 && days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  const dayText =
    days.length === 0
      ? EXPLANATION_NAMES[language].noDays
      : contiguous
        ? `${weekdayName(days[0]!, f)}–${weekdayName(days.at(-1)!, f)}`
        : days.map((d) => weekdayName(d, f)).join(', ');
  return `${dayText} ${hours.start}–${hours.end}`;
}

function valueText(value: ExplanationValue, language: Language): string {
  if (typeof value === 'string') return value;
  const f = formatsOf(language);
  if (typeof value === 'number') return numberText(value, language);
  const names = EXPLANATION_NAMES[language];
  if ('money' in value) return value.currency === undefined ? formatMoney(value.money, language) : `${formatMoney(value.money, language)}${NBSP}${value.currency}`;
  if ('milli' in value) return formatMilliIn(value.milli, language);
  if ('date' in value) return dateText(value.date, f);
  if ('day' in value) return `${weekdayName(isoWeekday(value.day), f)} ${dateText(value.day, f)}`;
  if ('at' in value) return `${weekdayName(isoWeekday(value.at.date), f)} ${dateText(value.at.date, f)} ${value.at.time}`;
  if ('timeClass' in value) return names.timeClass[value.timeClass] ?? value.timeClass;
  if ('hours' in value) return hoursText(value.hours, language);
  if ('source' in value) return names.source[value.source] ?? value.source;
  if ('holiday' in value) return names.holidays[value.holiday.code] ?? value.holiday.name;
  return renderExplanationLine(value.line, language);
}

/** A text split at its placeholders once: literal parts at even indexes, value names at odd ones. */
const partsCache = new Map<string, string[]>();
function partsOf(template: string): string[] {
  let parts = partsCache.get(template);
  if (!parts) partsCache.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
}

export function renderExplanationLine(l: ExplanationLine, language: Language): string {
  const template = EXPLANATION_TEXTS[language][l.key] ?? EXPLANATION_TEXTS.en[l.key] ?? l.key;
  const values = l.values;
  if (!values) return template;
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = values[name];
    // A unit is stored as its code ('pcs'): printed as the reader's language writes it ("ks").
    const text = value === undefined ? `{${name}}` : name === 'unit' && typeof value === 'string' ? printedUnit(value, language) : valueText(value, language);
    out += text + parts[i + 1]!;
  }
  return out;
}

/** The lines in words; lines stored as English sentences (records priced before) stay as they are, their units kept with their numbers. */
export function renderExplanation(lines: readonly StoredExplanationLine[], language: Language): string[] {
  return lines.map((l) => keepUnitsWithNumbers(typeof l === 'string' ? l : renderExplanationLine(l, language)));
}
