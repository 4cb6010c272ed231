/**
 * Puts a price's explanation into words in the reader's language, when it is read:
 * money as "1 000,00" (cs, sk) or "1,000.00" (en), dates and weekdays as the
 * language writes them, time classes and list sources by name. Exact: amounts are
 * formatted from their integer minor units, never through a float.
 */
import { isoWeekday } from '../../shared/calendar/index.ts';
import type { BusinessHours } from './domain/index.ts';
import type { ExplanationLanguage, ExplanationLine, ExplanationValue, StoredExplanationLine } from './pricing.explain.ts';
import { EXPLANATION_NAMES, EXPLANATION_TEXTS } from './pricing.explain-texts.ts';

const LOCALE: Record<ExplanationLanguage, string> = { cs: 'cs-CZ', sk: 'sk-SK', en: 'en-GB' };

interface Formats {
  whole: Intl.NumberFormat;
  decimal: string;
  date: Intl.DateTimeFormat;
  weekday: Intl.DateTimeFormat;
}

// Built once per language: constructing Intl formatters costs far more than using them.
const formatsCache = new Map<ExplanationLanguage, Formats>();
function formatsOf(language: ExplanationLanguage): Formats {
  let f = formatsCache.get(language);
  if (!f) {
    const locale = LOCALE[language];
    f = {
      whole: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      decimal: language === 'en' ? '.' : ',',
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
      weekday: new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }),
    };
    formatsCache.set(language, f);
  }
  return f;
}

/** Minor units of a two-decimal currency: "1 000,00" / "1,000.00". */
export function formatMoney(minor: number, language: ExplanationLanguage): string {
  const f = formatsOf(language);
  const abs = Math.abs(minor);
  return `${minor < 0 ? '-' : ''}${f.whole.format(Math.floor(abs / 100))}${f.decimal}${String(abs % 100).padStart(2, '0')}`;
}

/** Thousandths as a quantity without trailing zeros: "1,5" / "1.5", "36". */
export function formatMilliIn(milli: number, language: ExplanationLanguage): string {
  const f = formatsOf(language);
  const abs = Math.abs(milli);
  const fraction = String(abs % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${milli < 0 ? '-' : ''}${f.whole.format(Math.floor(abs / 1000))}${fraction ? f.decimal + fraction : ''}`;
}

const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
const weekdayName = (isoDay: number, f: Formats) => f.weekday.format(dateOf(`2024-01-0${isoDay}`)); // 2024-01-01 is a Monday

function hoursText(hours: BusinessHours, language: ExplanationLanguage): string {
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

function valueText(value: ExplanationValue, language: ExplanationLanguage): string {
  if (typeof value === 'string') return value;
  const f = formatsOf(language);
  if (typeof value === 'number') return f.whole.format(value);
  const names = EXPLANATION_NAMES[language];
  if ('money' in value) return value.currency === undefined ? formatMoney(value.money, language) : `${formatMoney(value.money, language)} ${value.currency}`;
  if ('milli' in value) return formatMilliIn(value.milli, language);
  if ('date' in value) return f.date.format(dateOf(value.date));
  if ('day' in value) return `${weekdayName(isoWeekday(value.day), f)} ${f.date.format(dateOf(value.day))}`;
  if ('at' in value) return `${weekdayName(isoWeekday(value.at.date), f)} ${f.date.format(dateOf(value.at.date))} ${value.at.time}`;
  if ('timeClass' in value) return names.timeClass[value.timeClass] ?? value.timeClass;
  if ('hours' in value) return hoursText(value.hours, language);
  if ('source' in value) return names.source[value.source] ?? value.source;
  if ('holiday' in value) return names.holidays[value.holiday.code] ?? value.holiday.name;
  return renderExplanationLine(value.line, language);
}

export function renderExplanationLine(l: ExplanationLine, language: ExplanationLanguage): string {
  const template = EXPLANATION_TEXTS[language][l.key] ?? EXPLANATION_TEXTS.en[l.key] ?? l.key;
  const values = l.values;
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : valueText(value, language);
  });
}

/** The lines in words; lines stored as English sentences (records priced before) stay as they are. */
export function renderExplanation(lines: readonly StoredExplanationLine[], language: ExplanationLanguage): string[] {
  return lines.map((l) => (typeof l === 'string' ? l : renderExplanationLine(l, language)));
}
