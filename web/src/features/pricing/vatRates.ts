// The VAT rate table's rules (pure): which row applies today, and the latest rate of a
// country and category, which a new rate must start after (the server refuses an earlier one).
import type { VatCategory, VatRate } from './catalogueApi';

const key = (r: Pick<VatRate, 'country' | 'category'>) => `${r.country}|${r.category}`;

/** The rows that apply today: per country and category, the latest one started by today and not ended before it. */
export function currentIds(rates: readonly VatRate[], today: string): Set<number> {
  const ids = new Set<number>();
  const groups = new Map<string, VatRate[]>();
  for (const r of rates) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  for (const list of groups.values()) {
    const started = list.filter((r) => r.validFrom <= today).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
    if (started && (started.validTo === null || started.validTo >= today)) ids.add(started.id);
  }
  return ids;
}

/** The rate of the country and category that starts last (a new one must start after it), or null when they have none. */
export function latestRate(rates: readonly VatRate[], country: string, category: VatCategory): VatRate | null {
  const wanted = key({ country: country.trim().toUpperCase(), category });
  return rates.filter((r) => key(r) === wanted).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0] ?? null;
}

/** The countries to offer: those a provider may be in (their rates price the invoices), and any that has rates. */
export function rateCountries(rates: readonly VatRate[]): string[] {
  return [...new Set(['CZ', 'SK', ...rates.map((r) => r.country)])];
}
