// How an exchange rate reads on screen: the exact decimal the server keeps ('24.32'), with
// the decimal comma of Czech and Slovak and at least the three decimals of the ČNB's list,
// so a column of rates lines up (24,320 under 24,305, not 24,32).

/** The fewest decimals a rate is shown with: the ČNB publishes three. */
const MIN_DECIMALS = 3;

/** '24.32' → "24,320" (Czech, Slovak) or "24.320" (English); more decimals are kept as they are. */
export function rateText(rate: string, language: string): string {
  const [whole = '', fraction = ''] = rate.split('.');
  const digits = fraction.padEnd(MIN_DECIMALS, '0');
  return `${whole}${language === 'en' ? '.' : ','}${digits}`;
}
