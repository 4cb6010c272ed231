// What of the preview's warnings (VAT rates POHODA has no name for, slips it cannot write)
// would stop the export the accountant is about to run.

/**
 * The entries that would stop this export: those of documents not exported in the format
 * yet, and with "Export again" also those exported before (the batch carries them then).
 */
export function blockingEntries<T extends { exported: boolean }>(entries: readonly T[], includeExported: boolean): T[] {
  return entries.filter((e) => includeExported || !e.exported);
}
