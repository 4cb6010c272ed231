// The contract form keeps what was typed for the tab's life (app/draftStorage.ts,
// app/useFormDraft.ts), one draft per contract and one for a new contract. A draft typed on an
// older version of the contract is never filled in over the newer one saved since.
import { readFieldsOver, sameFormValues, type StoredKind } from '../../app/draftStorage';
import { PERIOD_KINDS, TIME_CLASSES, type TimeClass } from './api';
import { type BandValues, type ContractFormValues, emptyContractForm, type MultiplierValues } from './contractForm';

export const contractDraftKey = (contractId: number | null) => `kontor.contract.${contractId ?? 'new'}`;

/** An amount, count or factor as its input holds it: a number, or text while it is being typed ('' for none). */
const AMOUNT: readonly StoredKind[] = ['number', 'string'];
const isAmount = (value: unknown): value is number | '' => typeof value === 'number' || value === '';
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when the form holds just what it opened with (the contract as saved, or a new form's defaults). */
export function isUntouchedContract(values: ContractFormValues, untouched: ContractFormValues): boolean {
  return sameFormValues(values, untouched);
}

/** The stored draft as form values over a new form's defaults; null when it is none. */
export function readContractDraft(stored: unknown): ContractFormValues | null {
  const defaults = emptyContractForm('');
  const values = readFieldsOver(stored, defaults, {
    clientId: ['string', 'null'],
    priceListId: ['string', 'null'],
    slaPolicyId: ['string', 'null'],
    fee: AMOUNT, feeVatPct: AMOUNT, prepaidMinutes: AMOUNT, carryCap: AMOUNT, carryLife: AMOUNT, flatRate: AMOUNT,
    workTypeIds: ['strings'],
    unitFeeIds: ['strings'],
  });
  if (!values) return null;
  if (!PERIOD_KINDS.includes(values.periodKind)) values.periodKind = defaults.periodKind;
  if (values.feeTiming !== 'in_arrears' && values.feeTiming !== 'in_advance') values.feeTiming = defaults.feeTiming;
  if (!['entry_rate', 'flat_rate', 'tiered'].includes(values.overageKind)) values.overageKind = defaults.overageKind;
  values.timeClassMultipliers = Object.fromEntries(
    TIME_CLASSES.map((k) => [k, isAmount(values.timeClassMultipliers[k]) ? values.timeClassMultipliers[k] : '']),
  ) as Record<TimeClass, number | ''>;
  values.workTypeMultipliers = values.workTypeMultipliers.filter(
    (m: unknown): m is MultiplierValues => isObject(m) && typeof m.workTypeId === 'string' && isAmount(m.factor),
  );
  const bands = values.bands.filter((b: unknown): b is BandValues => isObject(b) && isAmount(b.minutes) && isAmount(b.rate));
  values.bands = bands.length ? bands : defaults.bands;
  return values;
}
