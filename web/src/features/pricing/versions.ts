// Which version of a price list applies on a day (pure; the page passes today).
import type { PriceListVersion } from './api';

/** The version valid on `day`: the latest that has started by then; none while every version is still to come. */
export function versionValidOn<V extends Pick<PriceListVersion, 'validFrom'>>(versions: readonly V[], day: string): V | undefined {
  return versions.filter((v) => v.validFrom <= day).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
}

/** The version a page opens on: the one valid on `day`, else the earliest (all are still to come). */
export function versionToOpen<V extends Pick<PriceListVersion, 'validFrom'>>(versions: readonly V[], day: string): V | undefined {
  return versionValidOn(versions, day) ?? [...versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0];
}
