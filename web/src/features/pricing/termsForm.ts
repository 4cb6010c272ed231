// The price-list version editor's model (pure): terms ↔ form values. Amounts are
// edited in major units (koruny, euros) under the terms' own field names, so a
// server error's path (terms.workRates.0.hourlyRateMinor) names the form field.
import { majorToMinor, minorToMajor } from './money';
import type { Terms } from './api';

type Amount = number | '';

export interface TermsForm {
  validFrom: string;
  workRates: { workTypeId: string | null; technicianLevel: string | null; hourlyRateMinor: Amount }[];
  businessHours: { weekdays: string[]; start: string; end: string };
  surchargePct: { normal: Amount; out_of_hours: Amount; weekend_holiday: Amount };
  incrementMinutes: Amount;
  minimumMinutes: { workTypeId: string | null; minutes: Amount }[];
  pricePerKmMinor: Amount;
  travelRatePerHourMinor: Amount;
  zoneFees: { zoneId: string | null; feeMinor: Amount }[];
  unitFeePrices: { feeId: string | null; priceMinor: Amount }[];
  /** Prices of warehouse items on this list (they win over the item's own sale price). */
  itemPrices: { itemId: number | null; priceMinor: Amount }[];
}

const str = (id: number | null) => (id === null ? null : String(id));
const major = (minor: number | null): Amount => (minor === null ? '' : minorToMajor(minor));

export function toTermsForm(validFrom: string, t: Terms): TermsForm {
  return {
    validFrom,
    workRates: t.workRates.map((r) => ({ workTypeId: str(r.workTypeId), technicianLevel: str(r.technicianLevel), hourlyRateMinor: major(r.hourlyRateMinor) })),
    businessHours: { weekdays: [...t.businessHours.weekdays].sort().map(String), start: t.businessHours.start, end: t.businessHours.end },
    surchargePct: { ...t.surchargePct },
    incrementMinutes: t.incrementMinutes,
    minimumMinutes: t.minimumMinutes.map((m) => ({ workTypeId: str(m.workTypeId), minutes: m.minutes })),
    pricePerKmMinor: major(t.pricePerKmMinor),
    travelRatePerHourMinor: major(t.travelRatePerHourMinor),
    zoneFees: t.zoneFees.map((z) => ({ zoneId: str(z.zoneId), feeMinor: major(z.feeMinor) })),
    unitFeePrices: t.unitFeePrices.map((f) => ({ feeId: str(f.feeId), priceMinor: major(f.priceMinor) })),
    itemPrices: t.itemPrices.map((i) => ({ itemId: i.itemId, priceMinor: major(i.priceMinor) })),
  };
}

/** Field path → error code (texts: pricing.editor.errors.<code>). */
export type TermsProblems = Record<string, string>;

/** The terms to send, or what is missing. */
export function fromTermsForm(f: TermsForm): { terms: Terms; problems: null } | { terms: null; problems: TermsProblems } {
  const problems: TermsProblems = {};
  const id = (value: string | number | null, path: string) => {
    if (!value) problems[path] = 'required';
    return Number(value);
  };
  const money = (value: Amount, path: string, optional = false): number | null => {
    if (value === '') {
      if (!optional) problems[path] = 'required';
      return null;
    }
    const minor = majorToMinor(value);
    if (minor === null) problems[path] = 'amount';
    return minor;
  };
  const whole = (value: Amount, path: string): number => {
    if (value === '' || !Number.isInteger(value)) problems[path] = 'required';
    return Number(value);
  };
  const terms: Terms = {
    workRates: f.workRates.map((r, i) => ({
      workTypeId: id(r.workTypeId, `workRates.${i}.workTypeId`),
      technicianLevel: r.technicianLevel ? Number(r.technicianLevel) : null,
      hourlyRateMinor: money(r.hourlyRateMinor, `workRates.${i}.hourlyRateMinor`) ?? 0,
    })),
    businessHours: { weekdays: f.businessHours.weekdays.map(Number).sort((a, b) => a - b), start: f.businessHours.start, end: f.businessHours.end },
    surchargePct: {
      normal: whole(f.surchargePct.normal, 'surchargePct.normal'),
      out_of_hours: whole(f.surchargePct.out_of_hours, 'surchargePct.out_of_hours'),
      weekend_holiday: whole(f.surchargePct.weekend_holiday, 'surchargePct.weekend_holiday'),
    },
    incrementMinutes: whole(f.incrementMinutes, 'incrementMinutes'),
    minimumMinutes: f.minimumMinutes.map((m, i) => ({ workTypeId: id(m.workTypeId, `minimumMinutes.${i}.workTypeId`), minutes: whole(m.minutes, `minimumMinutes.${i}.minutes`) })),
    pricePerKmMinor: money(f.pricePerKmMinor, 'pricePerKmMinor', true),
    travelRatePerHourMinor: money(f.travelRatePerHourMinor, 'travelRatePerHourMinor', true),
    zoneFees: f.zoneFees.map((z, i) => ({ zoneId: id(z.zoneId, `zoneFees.${i}.zoneId`), feeMinor: money(z.feeMinor, `zoneFees.${i}.feeMinor`) ?? 0 })),
    unitFeePrices: f.unitFeePrices.map((u, i) => ({ feeId: id(u.feeId, `unitFeePrices.${i}.feeId`), priceMinor: money(u.priceMinor, `unitFeePrices.${i}.priceMinor`) ?? 0 })),
    itemPrices: f.itemPrices.map((i, n) => ({ itemId: id(i.itemId, `itemPrices.${n}.itemId`), priceMinor: money(i.priceMinor, `itemPrices.${n}.priceMinor`) ?? 0 })),
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.validFrom)) problems.validFrom = 'required';
  return Object.keys(problems).length ? { terms: null, problems } : { terms, problems: null };
}

/** A server error path → the form field it belongs to ("terms.businessHours.weekdays.2" → "businessHours.weekdays"). */
export function formPath(serverPath: string): string {
  const path = serverPath.replace(/^terms\./, '');
  return /^businessHours\.weekdays\.\d+$/.test(path) ? 'businessHours.weekdays' : path;
}

/** Terms of a brand-new version: the server's defaults, written out. */
export const EMPTY_TERMS: Terms = {
  workRates: [],
  businessHours: { weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' },
  surchargePct: { normal: 0, out_of_hours: 0, weekend_holiday: 0 },
  incrementMinutes: 15,
  minimumMinutes: [],
  pricePerKmMinor: null,
  travelRatePerHourMinor: null,
  zoneFees: [],
  unitFeePrices: [],
  itemPrices: [],
};
