// Reading the number typed into a NumberField. Kept apart from the component so the rules can be
// tested without a browser. A number is typed in the user's language ("12 023,77" in Czech and
// Slovak, "12,023.77" in English); a dot is taken as the decimal separator everywhere too, as the
// money helpers do. Text that is no number, or a number the field cannot take, is refused with its
// reason and never rounded, cut or made positive: these fields hold money and quantities.

export type NumberRules = {
  /** Decimal places allowed; 0 for whole numbers. */
  decimals: number;
  /** Whether a number below zero may be typed at all. */
  allowNegative: boolean;
  /** Bounds, inclusive. */
  min?: number;
  max?: number;
};

/** Whether a form value from a NumberField is text it could not read as a number (the form then refuses to send). */
export function typedNotANumber(value: number | string | null | undefined): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

export type NumberSeparators = { decimalSeparator: string; thousandSeparator: string };

/** Why typed text cannot be taken (the common.number* key's last part). */
export type NumberTextProblem = 'notNumber' | 'whole' | 'decimals' | 'negative' | 'belowMin' | 'aboveMax';

export type NumberTextReading = { value: number | null; problem: NumberTextProblem | null };

/**
 * "12 023,775" → the number it is, or why it is not one the field takes. Empty text is
 * { value: null, problem: null }: whether a field may stay empty is its form's rule.
 */
export function readNumberText(text: string, rules: NumberRules, seps: NumberSeparators): NumberTextReading {
  // Spaces of every kind group thousands; so does the language's own group separator (English ",").
  let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
  if (s === '') return { value: null, problem: null };
  const group = seps.thousandSeparator.trim();
  if (group !== '' && group !== seps.decimalSeparator && s.includes(group)) {
    // Only between groups of three digits: English "12,5" is no 125.
    const whole = s.split(seps.decimalSeparator)[0] ?? '';
    if (!new RegExp(`^-?\\d{1,3}(${escapeRegExp(group)}\\d{3})+$`).test(whole)) return { value: null, problem: 'notNumber' };
    s = s.split(group).join('');
  }
  if (seps.decimalSeparator !== '.') s = s.replace(seps.decimalSeparator, '.');
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s) ?? /^(-?)()\.(\d+)$/.exec(s);
  if (!match) return { value: null, problem: 'notNumber' };
  const [, sign, , fraction = ''] = match;
  if (sign && !rules.allowNegative) return { value: null, problem: 'negative' };
  if (fraction.length > rules.decimals) return { value: null, problem: rules.decimals === 0 ? 'whole' : 'decimals' };
  const value = Number(s);
  if (rules.min !== undefined && value < rules.min) return { value: null, problem: 'belowMin' };
  if (rules.max !== undefined && value > rules.max) return { value: null, problem: 'aboveMax' };
  // -0 is 0.
  return { value: value === 0 ? 0 : value, problem: null };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 12023.7 → "12 023,7" ("12 023,70" with fixedDecimals): how the field writes a number it holds. */
export function formatNumberText(value: number, decimals: number, fixedDecimals: boolean, seps: NumberSeparators): string {
  const [whole = '', fraction = ''] = Math.abs(value).toFixed(decimals).split('.');
  const shownFraction = fixedDecimals ? fraction : fraction.replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, seps.thousandSeparator);
  return `${value < 0 ? '-' : ''}${grouped}${shownFraction ? seps.decimalSeparator + shownFraction : ''}`;
}
