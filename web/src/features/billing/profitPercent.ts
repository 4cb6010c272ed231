// The profitability percentages are shown with one decimal everywhere (table,
// contract page, CSV, XLSX). The margin comes from the server already rounded
// once (marginPctTenths); the prepaid use comes in basis points and is brought to
// tenths here in integers, by the rule the export uses (half away from zero), so
// that a tie such as 8265 bp is 82.7 % on screen and in the file alike.

/** Basis points → tenths of a percent (8265 → 827); null stays null. */
export function bpToTenths(bp: number | null | undefined): number | null {
  if (bp === null || bp === undefined) return null;
  const tenths = Math.floor((Math.abs(bp) + 5) / 10);
  return bp < 0 ? -tenths : tenths;
}
