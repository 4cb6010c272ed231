// The number field of every form that takes money, quantities or counts. Mantine's NumberInput
// (react-number-format) changes what is typed without saying so: a third decimal of an amount is
// dropped ("12023,775" → "12 023,77"), letters are erased ("abc" → "", then "Fill in"), a minus
// sign is dropped ("-5x" → "5") and a number below its minimum is raised to it on leaving. Here
// the text stays as typed, like TimeField's, and the field says what is wrong with it.
import { Text, TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import { numberSeparators } from '../../features/pricing/money';
import { formatNumberText, readNumberText, type NumberTextProblem } from './numberFieldText';

type NumberFieldProps = Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange'> & {
  /** A number, '' for none, or text that is no number the field takes (as the field gave it). */
  value?: number | string | null;
  /**
   * Gets the number typed, '' when the field is emptied, or the text as typed when it is no number
   * the field takes: a form refuses that string (see typedNotANumber) instead of sending it.
   */
  onChange: (value: number | string) => void;
  /** Decimal places allowed (default 0 when allowDecimal is false, else 2). More are refused, never cut. */
  decimalScale?: number;
  allowDecimal?: boolean;
  /** Always shown with decimalScale places once left ("12 023,00"). */
  fixedDecimalScale?: boolean;
  /** Default: allowed unless min is 0 or more. */
  allowNegative?: boolean;
  min?: number;
  max?: number;
  /** A unit written after the number (" %", " min"): shown beside the field, and taken off text typed with it. */
  suffix?: string;
  /** Default: the user's language's (numberSeparators). */
  decimalSeparator?: string;
  thousandSeparator?: string;
  'data-testid'?: string;
};

// Kept with the reading rules, so the pure form models refuse such text without importing a component.
export { typedNotANumber } from './numberFieldText';

const PROBLEM_KEYS: Record<NumberTextProblem, string> = {
  notNumber: 'common.numberNotNumber',
  whole: 'common.numberWhole',
  decimals: 'common.numberDecimals',
  negative: 'common.numberNegative',
  belowMin: 'common.numberBelowMin',
  aboveMax: 'common.numberAboveMax',
};

/**
 * A number typed in the user's language ("12 023,77"). Text that is no number the field takes stays
 * as typed and is said at the field once it is left (at once when the form marks the field); a number
 * it holds is written in the user's format on leaving the field.
 */
export function NumberField({
  value, onChange, decimalScale, allowDecimal = true, fixedDecimalScale = false, allowNegative, min, max,
  decimalSeparator, thousandSeparator, suffix, error, onBlur, ...rest
}: NumberFieldProps) {
  const { t } = useTranslation();
  const language = numberSeparators();
  const seps = { decimalSeparator: decimalSeparator ?? language.decimalSeparator, thousandSeparator: thousandSeparator ?? language.thousandSeparator };
  const decimals = !allowDecimal ? 0 : decimalScale ?? 2;
  const rules = { decimals, allowNegative: allowNegative ?? !(min !== undefined && min >= 0), min, max };
  const unit = suffix?.trim() ?? '';
  // "21 %" typed with its unit is 21.
  const read = (typed: string) => readNumberText(unit && typed.trimEnd().endsWith(unit) ? typed.trimEnd().slice(0, -unit.length) : typed, rules, seps);
  const show = (v: number | string | null | undefined) => (typeof v === 'number' ? formatNumberText(v, decimals, fixedDecimalScale, seps) : v ?? '');
  const [text, setText] = useState(() => show(value));
  const [left, setLeft] = useState(false);
  const reading = read(text);
  // What this text gives the form: its number, '' when empty, else the text itself.
  const given = reading.problem ? text : reading.value ?? '';
  useEffect(() => {
    // A value set from outside (a reset, a suggested amount) shows; what is being typed stays.
    if ((value ?? '') !== given) {
      setText(show(value));
      setLeft(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const problem = reading.problem && (left || error) ? t(PROBLEM_KEYS[reading.problem], { count: decimals, min: formatNumber(min ?? 0), max: formatNumber(max ?? 0) }) : null;
  return (
    <TextInput
      {...rest}
      value={text}
      autoComplete="off"
      // The phone's keyboard of digits; the decimal one has no minus, so a field that takes one gets letters too.
      inputMode={rules.allowNegative ? 'text' : decimals > 0 ? 'decimal' : 'numeric'}
      error={problem ?? error}
      rightSection={rest.rightSection ?? (unit ? <Text size="sm" c="dimmed">{unit}</Text> : undefined)}
      onChange={(e) => {
        const next = e.currentTarget.value;
        const typed = read(next);
        setText(next);
        setLeft(false);
        onChange(typed.problem ? next : typed.value ?? '');
      }}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        if (reading.value !== null) setText(show(reading.value));
        setLeft(true);
        onBlur?.(e);
      }}
    />
  );
}
