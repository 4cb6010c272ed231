/**
 * Which price list and which of its versions price a record (BILLING.md §2):
 * the contract's list (when the record falls under a contract that names one),
 * else the client's, else the default; then the version valid on the record's
 * date, i.e. the one with the latest `validFrom` on or before it.
 */
import type { IsoDate } from '../../../shared/calendar/index.ts';
import type { PriceListVersion } from './price-list.ts';

export type PriceListSource = 'contract' | 'client' | 'default';

export type PriceListSelection =
  | { readonly ok: true; readonly source: PriceListSource; readonly priceListId: string; readonly version: PriceListVersion }
  | { readonly ok: false; readonly reason: 'no_price_list' }
  | { readonly ok: false; readonly reason: 'no_version_on_date'; readonly source: PriceListSource; readonly priceListId: string };

/** The version of one list valid on a date, or null. */
export function versionOnDate<V extends Pick<PriceListVersion, 'priceListId' | 'validFrom'>>(
  versions: readonly V[],
  priceListId: string,
  date: IsoDate,
): V | null {
  let best: V | null = null;
  for (const version of versions) {
    if (version.priceListId !== priceListId || version.validFrom > date) continue;
    if (best === null || version.validFrom > best.validFrom) best = version;
    else if (version.validFrom === best.validFrom) {
      throw new RangeError(`price list ${priceListId} has two versions valid from ${version.validFrom}`);
    }
  }
  return best;
}

/**
 * Picks the list, then its version on the date. The choice of list does not
 * fall through when the chosen list has no version yet on that date: pricing a
 * contract's work from the client's list instead would be a silent mistake, so
 * it is reported ('no_version_on_date').
 */
export function selectPriceList(
  contractListId: string | null,
  clientListId: string | null,
  defaultListId: string | null,
  versions: readonly PriceListVersion[],
  date: IsoDate,
): PriceListSelection {
  let source: PriceListSource;
  let priceListId: string;
  if (contractListId !== null) {
    source = 'contract';
    priceListId = contractListId;
  } else if (clientListId !== null) {
    source = 'client';
    priceListId = clientListId;
  } else if (defaultListId !== null) {
    source = 'default';
    priceListId = defaultListId;
  } else {
    return { ok: false, reason: 'no_price_list' };
  }
  const version = versionOnDate(versions, priceListId, date);
  if (version === null) return { ok: false, reason: 'no_version_on_date', source, priceListId };
  return { ok: true, source, priceListId, version };
}
