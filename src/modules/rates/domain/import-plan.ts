/**
 * What importing a ČNB day does to the list, decided before anything is
 * written: a currency the day lacks is added; the same rate again changes
 * nothing (an import is idempotent); another rate replaces an earlier ČNB
 * rate (the bank corrected itself), but never a rate someone entered by hand,
 * unless the import is asked to (`replaceManual`): that one is kept and named.
 */
import type { CnbRate } from './cnb-file.ts';
import type { ListedRate } from './listed-rate.ts';

export interface ImportPlan {
  readonly added: readonly CnbRate[];
  readonly replaced: readonly { readonly before: ListedRate; readonly after: CnbRate }[];
  readonly unchanged: readonly CnbRate[];
  readonly keptManual: readonly { readonly kept: ListedRate; readonly offered: CnbRate }[];
}

const same = (a: { amount: number; millionths: number }, b: { amount: number; millionths: number }) => a.amount === b.amount && a.millionths === b.millionths;

export function importPlan(existing: readonly ListedRate[], incoming: readonly CnbRate[], replaceManual: boolean): ImportPlan {
  const byCurrency = new Map(existing.map((r) => [r.currency, r]));
  const plan = { added: [] as CnbRate[], replaced: [] as ImportPlan['replaced'][number][], unchanged: [] as CnbRate[], keptManual: [] as ImportPlan['keptManual'][number][] };
  for (const rate of incoming) {
    const before = byCurrency.get(rate.currency);
    if (before === undefined) plan.added.push(rate);
    else if (same(before, rate) && (before.source === 'cnb' || !replaceManual)) plan.unchanged.push(rate);
    else if (before.source === 'manual' && !replaceManual) plan.keptManual.push({ kept: before, offered: rate });
    else plan.replaced.push({ before, after: rate });
  }
  return plan;
}
