// How a unit fee is named beside its unit (pure). A fee is often named after its unit
// ("Výjezd" charged per "výjezd"): "Výjezd × 1 výjezd" or "Výjezd (výjezd)" only repeats
// the word, so the unit is left out when it is the name in other letters' case.
import type { TFunction } from 'i18next';
import { localeTag } from '../../app/format';
import { unitLabel } from '../warehouse/units';
import { formatDecimal } from './format';

interface FeeNaming {
  name: string;
  /** The stored unit code ('visit') or the user's own word. */
  unit: string;
}

/** Whether the unit, as the user reads it, only repeats the fee's name ("Výjezd" per "výjezd"). */
export function unitRepeatsName(t: TFunction, fee: FeeNaming, locale: string = localeTag()): boolean {
  const unit = unitLabel(t, fee.unit).trim().toLocaleLowerCase(locale);
  return unit === '' || unit === fee.name.trim().toLocaleLowerCase(locale);
}

/** A logged fee: "Výjezd × 1", "Výjezdní poplatek × 2 výjezd" (the unit only when it says more than the name). */
export function feeQuantityText(t: TFunction, fee: FeeNaming, quantity: string | null, locale: string = localeTag()): string {
  const count = `${fee.name} × ${formatDecimal(quantity, locale)}`;
  return unitRepeatsName(t, fee, locale) ? count : `${count} ${unitLabel(t, fee.unit)}`;
}

/** A fee in the picker of the log form: "Výjezd", "Výjezdní poplatek · za výjezd" (records.form.feeOption). */
export function feeOptionLabel(t: TFunction, fee: FeeNaming, locale: string = localeTag()): string {
  return unitRepeatsName(t, fee, locale) ? fee.name : t('records.form.feeOption', { name: fee.name, unit: unitLabel(t, fee.unit) });
}
