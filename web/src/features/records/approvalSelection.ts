/**
 * The records a bulk approval sends: those ticked that the list still shows as
 * submitted. A ticked record that someone else returned, approved or changed the
 * filter away from drops out when the list reloads, so the retry after a refusal
 * does not carry it along (and fail again) unseen.
 */
export function approvableSelection(records: readonly { id: number; state: string }[], selected: ReadonlySet<number>): number[] {
  return records.filter((r) => r.state === 'submitted' && selected.has(r.id)).map((r) => r.id);
}
