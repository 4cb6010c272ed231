// The contract form's values (amounts in major units, multipliers as decimals) and their
// conversion to and from the API's terms (minor units, thousandths). Pure: tested beside.
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
  if (v.overageKind === 'flat_rate' && v.flatRate === '') missing.push('flatRate');
  if (v.overageKind === 'tiered') v.bands.forEach((b, i) => { if (b.rate === '') missing.push(`bands.${i}.rate`); });
  return missing;
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
