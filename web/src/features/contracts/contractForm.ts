// The contract form's values (amounts in major units, multipliers as decimals) and their
// conversion to and from the API's terms (minor units, thousandths). Pure: tested beside.
import { CURRENCIES } from '../../app/currencies';
import { majorToMinor, minorToMajor } from '../pricing/money';
import type { Contract, ContractTerms, PeriodKind, TimeClass } from './api';
import { TIME_CLASSES } from './api';

export interface BandValues {
  /** Empty: unlimited (only the last band). */
  minutes: number | '';
  rate: number | '';
}

export interface MultiplierValues {
  workTypeId: string;
  factor: number | '';
}

export interface ContractFormValues {
  clientId: string | null;
  number: string;
  name: string;
  currency: string;
  validFrom: string;
  validTo: string;
  periodKind: PeriodKind;
  priceListId: string | null;
  hasFee: boolean;
  fee: number | '';
  feeVatPct: number | '';
  feeTiming: 'in_arrears' | 'in_advance';
  feeProrate: boolean;
  workTypeIds: string[];
  coversTravel: boolean;
  unitFeeIds: string[];
  prepaidMinutes: number | '';
  carryOver: boolean;
  carryCap: number | '';
  carryLife: number | '';
  workTypeMultipliers: MultiplierValues[];
  timeClassMultipliers: Record<TimeClass, number | ''>;
  overageKind: 'entry_rate' | 'flat_rate' | 'tiered';
  flatRate: number | '';
  bands: BandValues[];
  ownInvoice: boolean;
  alertClient: boolean;
  slaPolicyId: string | null;
  note: string;
  active: boolean;
}

export function emptyContractForm(today: string): ContractFormValues {
  return {
    clientId: null, number: '', name: '', currency: 'CZK', validFrom: today, validTo: '', periodKind: 'month', priceListId: null,
    hasFee: true, fee: '', feeVatPct: 21, feeTiming: 'in_arrears', feeProrate: true,
    workTypeIds: [], coversTravel: false, unitFeeIds: [], prepaidMinutes: 0,
    carryOver: false, carryCap: '', carryLife: 1,
    workTypeMultipliers: [], timeClassMultipliers: { normal: '', out_of_hours: '', weekend_holiday: '' },
    overageKind: 'entry_rate', flatRate: '', bands: [{ minutes: 600, rate: '' }, { minutes: '', rate: '' }],
    ownInvoice: false, alertClient: false, slaPolicyId: null, note: '', active: true,
  };
}

const toMajor = (minor: number) => minorToMajor(minor);
const toFactor = (thousandths: number) => thousandths / 1000;
/** A decimal factor as thousandths (1.5 → 1500); NaN stays NaN so the server names the field. */
const toThousandths = (factor: number) => Math.round(factor * 1000);
/** Money typed in major units; a value that is not money is sent as it is, for the server to refuse with its field. */
const minorOf = (major: number | ''): number => (major === '' ? 0 : (majorToMinor(major) ?? Math.round(Number(major) * 100)));
const intOf = (value: number | ''): number => (value === '' ? 0 : Math.round(Number(value)));

export function formOfContract(c: Contract): ContractFormValues {
  const tc = c.multipliers.byTimeClass;
  return {
    clientId: String(c.clientId), number: c.number, name: c.name, currency: c.currency, validFrom: c.validFrom, validTo: c.validTo ?? '',
    periodKind: c.periodKind, priceListId: c.priceListId === null ? null : String(c.priceListId),
    hasFee: c.fee !== null, fee: c.fee ? toMajor(c.fee.amountMinor) : '', feeVatPct: c.fee ? c.fee.vatRateBp / 100 : 21,
    feeTiming: c.fee?.timing ?? 'in_arrears', feeProrate: c.fee?.prorate ?? true,
    workTypeIds: c.scope.workTypeIds.map(String), coversTravel: c.scope.coversTravel, unitFeeIds: c.scope.unitFeeIds.map(String),
    prepaidMinutes: c.prepaidMinutes,
    carryOver: c.carryOver.enabled,
    carryCap: c.carryOver.enabled && c.carryOver.capMinutes !== null ? c.carryOver.capMinutes : '',
    carryLife: c.carryOver.enabled ? c.carryOver.lifePeriods : 1,
    workTypeMultipliers: Object.entries(c.multipliers.byWorkType).map(([workTypeId, m]) => ({ workTypeId, factor: toFactor(m) })),
    timeClassMultipliers: Object.fromEntries(TIME_CLASSES.map((k) => [k, tc[k] === undefined ? '' : toFactor(tc[k]!)])) as Record<TimeClass, number | ''>,
    overageKind: c.overage.kind,
    flatRate: c.overage.kind === 'flat_rate' ? toMajor(c.overage.ratePerHourMinor) : '',
    bands: c.overage.kind === 'tiered' ? c.overage.bands.map((b) => ({ minutes: b.minutes ?? '', rate: toMajor(b.ratePerHourMinor) })) : [{ minutes: 600, rate: '' }, { minutes: '', rate: '' }],
    ownInvoice: c.ownInvoice, alertClient: c.alertClient, slaPolicyId: c.slaPolicyId === null ? null : String(c.slaPolicyId), note: c.note, active: c.active,
  };
}

export function termsOfForm(v: ContractFormValues): ContractTerms {
  const byTimeClass: Partial<Record<TimeClass, number>> = {};
  for (const k of TIME_CLASSES) {
    const f = v.timeClassMultipliers[k];
    if (f !== '') byTimeClass[k] = toThousandths(Number(f));
  }
  const byWorkType: Record<string, number> = {};
  for (const m of v.workTypeMultipliers) if (m.workTypeId && m.factor !== '') byWorkType[m.workTypeId] = toThousandths(Number(m.factor));
  const overage: ContractTerms['overage'] =
    v.overageKind === 'flat_rate' ? { kind: 'flat_rate', ratePerHourMinor: minorOf(v.flatRate) }
      : v.overageKind === 'tiered' ? { kind: 'tiered', bands: v.bands.map((b) => ({ minutes: b.minutes === '' ? null : intOf(b.minutes), ratePerHourMinor: minorOf(b.rate) })) }
        : { kind: 'entry_rate' };
  return {
    clientId: Number(v.clientId ?? 0),
    number: v.number.trim(),
    name: v.name.trim(),
    currency: v.currency.trim().toUpperCase(),
    validFrom: v.validFrom,
    validTo: v.validTo || null,
    periodKind: v.periodKind,
    priceListId: v.priceListId ? Number(v.priceListId) : null,
    fee: v.hasFee ? { amountMinor: minorOf(v.fee), vatRateBp: Math.round(Number(v.feeVatPct || 0) * 100), timing: v.feeTiming, prorate: v.feeProrate } : null,
    scope: { workTypeIds: v.workTypeIds.map(Number), coversTravel: v.coversTravel, unitFeeIds: v.unitFeeIds.map(Number) },
    prepaidMinutes: intOf(v.prepaidMinutes),
    carryOver: v.carryOver ? { enabled: true, capMinutes: v.carryCap === '' ? null : intOf(v.carryCap), lifePeriods: intOf(v.carryLife) } : { enabled: false },
    multipliers: { byWorkType, byTimeClass },
    overage,
    ownInvoice: v.ownInvoice,
    alertClient: v.alertClient,
    slaPolicyId: v.slaPolicyId ? Number(v.slaPolicyId) : null,
    note: v.note,
    active: v.active,
  };
}

/**
 * The form's fields left empty that must be filled, by form path ("clientId", "bands.1.rate").
 * Checked before sending because the terms would turn them into something the server accepts
 * but nobody meant: no client became client 0 ("value too small"), and an empty fee, flat rate
 * or band rate became 0 (the fee or the overage billed at nothing). A 0 typed on purpose stays.
 */
export function missingContractFields(v: ContractFormValues): string[] {
  const missing: string[] = [];
  if (!v.clientId) missing.push('clientId');
  if (!v.number.trim()) missing.push('number');
  if (!v.name.trim()) missing.push('name');
  if (!v.currency.trim()) missing.push('currency');
  if (!v.validFrom) missing.push('validFrom');
  if (v.hasFee && v.fee === '') missing.push('fee');
  if (v.hasFee && v.feeVatPct === '') missing.push('feeVatPct');
  if (v.overageKind === 'flat_rate' && v.flatRate === '') missing.push('flatRate');
  if (v.overageKind === 'tiered') v.bands.forEach((b, i) => { if (b.rate === '') missing.push(`bands.${i}.rate`); });
  // A multiplier row without its work type or factor would be dropped on sending, unnoticed.
  v.workTypeMultipliers.forEach((m, i) => {
    if (!m.workTypeId) missing.push(`workTypeMultipliers.${i}.workTypeId`);
    if (m.factor === '') missing.push(`workTypeMultipliers.${i}.factor`);
  });
  return missing;
}

/** What the API takes (contracts.schemas.ts): longer texts are refused there. */
export const CONTRACT_TEXT_LIMITS = { number: 50, name: 200, note: 4000 } as const;
/** The largest multiplier the terms take (the domain's MAX_MULTIPLIER, 100 000 thousandths). */
export const MAX_FACTOR = 100;

/** A field's problem as the text to show: the key of its text and the values the text names. */
export interface FieldProblem {
  key: string;
  values?: Record<string, string | number>;
}

/**
 * A number as typed: null for a field left empty, NaN for what is not a number. The number
 * fields hand over a string only for text they refuse ("-", "1e", "12,345" of money), whatever
 * the type says: never read as a number, so it is never rounded into one (NumberField).
 */
function typedNumber(value: number | string): number | null {
  if (value === '') return null;
  return typeof value === 'number' ? value : NaN;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every problem of the form that the browser can see, by form path, all at once: fields
 * left empty, texts too long, amounts and minutes below 0, a VAT rate outside 0–100 %, an
 * end before the start, bands that do not end with one unlimited band, multipliers outside
 * × 0 to × 100. The server checks the same terms (and what only it knows: references, a
 * number in use); its texts are reused here where it has one for the same rule, so a
 * problem reads the same whichever side finds it.
 */
export function contractFormProblems(v: ContractFormValues): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  // The first problem of a field is the one shown: a field left empty is asked for before anything else.
  const flag = (path: string, key: string, values?: FieldProblem['values']) => {
    if (!(path in problems)) problems[path] = values ? { key, values } : { key };
  };
  for (const path of missingContractFields(v)) flag(path, 'errors.required');

  for (const field of ['number', 'name', 'note'] as const) {
    const max = CONTRACT_TEXT_LIMITS[field];
    if ((field === 'note' ? v.note : v[field].trim()).length > max) flag(field, 'contracts.problems.tooLong', { max });
  }
  // Only Kontor's currencies: the server refuses any other (unsupported_currency), also one a contract was saved with before.
  if (v.currency.trim() && !(CURRENCIES as readonly string[]).includes(v.currency.trim().toUpperCase())) flag('currency', 'contracts.problems.currency');
  if (ISO_DATE.test(v.validFrom) && ISO_DATE.test(v.validTo) && v.validTo < v.validFrom) flag('validTo', 'fieldErrors.validTo.before_valid_from');

  /** A number at `path`: `ok` says whether a number (not empty) is allowed; the first rule it breaks is its problem. */
  const check = (path: string, value: number | string, ok: (n: number) => boolean, key: string) => {
    const n = typedNumber(value);
    if (n === null) return;
    if (!Number.isFinite(n)) flag(path, 'contracts.problems.notANumber');
    else if (!ok(n)) flag(path, key);
  };
  const amount = (path: string, value: number | string, key: string) => {
    check(path, value, (n) => n >= 0, key);
    const n = typedNumber(value);
    if (n !== null && n > 0 && !Number.isSafeInteger(Math.round(n * 100))) flag(path, 'errors.too_big');
  };
  const wholeAtLeast = (min: number) => (n: number) => Number.isSafeInteger(n) && n >= min;

  if (v.hasFee) {
    amount('fee', v.fee, 'fieldErrors.amountMinor.out_of_range');
    check('feeVatPct', v.feeVatPct, (n) => n >= 0 && n <= 100, 'contracts.problems.vatPct');
  }
  check('prepaidMinutes', v.prepaidMinutes, wholeAtLeast(0), 'fieldErrors.prepaidMinutes.out_of_range');
  if (v.carryOver) {
    check('carryCap', v.carryCap, wholeAtLeast(0), 'fieldErrors.capMinutes.out_of_range');
    // Empty would be sent as 0 periods: carried minutes that can never be used.
    if (v.carryLife === '') flag('carryLife', 'fieldErrors.lifePeriods.out_of_range');
    check('carryLife', v.carryLife, wholeAtLeast(1), 'fieldErrors.lifePeriods.out_of_range');
  }

  const factorOk = (n: number) => n >= 0 && n <= MAX_FACTOR;
  for (const k of TIME_CLASSES) check(`timeClassMultipliers.${k}`, v.timeClassMultipliers[k], factorOk, 'errors.invalid_multiplier');
  const seen = new Set<string>();
  v.workTypeMultipliers.forEach((m, i) => {
    if (m.workTypeId && seen.has(m.workTypeId)) flag(`workTypeMultipliers.${i}.workTypeId`, 'contracts.problems.duplicateMultiplier');
    seen.add(m.workTypeId);
    check(`workTypeMultipliers.${i}.factor`, m.factor, factorOk, 'errors.invalid_multiplier');
  });

  if (v.overageKind === 'flat_rate') amount('flatRate', v.flatRate, 'fieldErrors.ratePerHourMinor.out_of_range');
  if (v.overageKind === 'tiered') {
    v.bands.forEach((b, i) => {
      amount(`bands.${i}.rate`, b.rate, 'fieldErrors.ratePerHourMinor.out_of_range');
      const last = i === v.bands.length - 1;
      if (last && b.minutes !== '') flag(`bands.${i}.minutes`, 'contracts.problems.lastBandOpen');
      if (!last && b.minutes === '') flag(`bands.${i}.minutes`, 'contracts.problems.bandSize');
      if (!last) check(`bands.${i}.minutes`, b.minutes, wholeAtLeast(1), 'contracts.problems.bandSize');
    });
  }
  return problems;
}

/** What the form warns about without refusing it: terms that are allowed but likely not meant. */
export interface ContractFormWarnings {
  /** Prepaid minutes, but no work type covered: nothing can ever use them (travel and fees covered use none). */
  prepaidWithoutScope: boolean;
  /** The time classes with a multiplier of 0: their covered work uses no prepaid minutes at all. */
  zeroTimeClasses: TimeClass[];
  /** The work types (ids) with a multiplier of 0. */
  zeroWorkTypeIds: string[];
}

export function contractFormWarnings(v: ContractFormValues): ContractFormWarnings {
  const prepaid = typedNumber(v.prepaidMinutes);
  return {
    prepaidWithoutScope: prepaid !== null && prepaid > 0 && v.workTypeIds.length === 0,
    zeroTimeClasses: TIME_CLASSES.filter((k) => typedNumber(v.timeClassMultipliers[k]) === 0),
    zeroWorkTypeIds: v.workTypeMultipliers.filter((m) => m.workTypeId && typedNumber(m.factor) === 0).map((m) => m.workTypeId),
  };
}

/**
 * Where a server field error belongs in the form ("fee.amountMinor" → "fee",
 * "overage.bands" → "bands", "scope.workTypeIds.0" → "workTypeIds").
 */
export function formPathOf(path: string): string {
  if (path.startsWith('fee.')) return path === 'fee.vatRateBp' ? 'feeVatPct' : 'fee';
  if (path.startsWith('scope.workTypeIds')) return 'workTypeIds';
  if (path.startsWith('scope.unitFeeIds')) return 'unitFeeIds';
  if (path === 'carryOver.capMinutes') return 'carryCap';
  if (path === 'carryOver.lifePeriods') return 'carryLife';
  if (path.startsWith('overage.bands')) return 'bands';
  if (path === 'overage.ratePerHourMinor') return 'flatRate';
  if (path.startsWith('multipliers.byWorkType')) return 'workTypeMultipliers';
  if (path.startsWith('multipliers.byTimeClass.')) return `timeClassMultipliers.${path.split('.')[2]}`;
  return path;
}
