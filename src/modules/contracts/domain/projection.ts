/**
 * Where a period's prepaid minutes will stand at its end, at the pace so far.
 *
 * The pace is that of ALL the covered work, not only of the part the allowance
 * covered: once the allowance runs out the covered minutes stop growing, so
 * projecting them alone would predict less than is already used (the reviewer
 * saw "5 h 33 min (111 %)" after 6 h 30 min of work). Work is counted in
 * allowance minutes (multipliers applied), so it compares with the allowance.
 */
export interface UseProjection {
  /** All covered work at the end of the period, in allowance minutes; never below the work so far. */
  readonly projectedWork: number;
  /** The part of projectedWork beyond the allowance (0 when it fits). */
  readonly projectedOverage: number;
}

/**
 * @param workSoFar allowance minutes of all covered work so far (covered parts plus overage parts, multipliers applied)
 * @param elapsedDays days of the period (within the validity) up to and including today, ≥ 1
 * @param totalDays days of the period within the validity, ≥ elapsedDays
 */
export function projectUse(workSoFar: number, allowance: number, elapsedDays: number, totalDays: number): UseProjection {
  if (!Number.isSafeInteger(workSoFar) || workSoFar < 0) throw new RangeError(`work so far must be whole minutes, got ${workSoFar}`);
  if (!Number.isSafeInteger(elapsedDays) || elapsedDays < 1 || !Number.isSafeInteger(totalDays) || totalDays < elapsedDays) {
    throw new RangeError(`elapsed days ${elapsedDays} of ${totalDays} are not a part of a period`);
  }
  // Rounded half up; since totalDays ≥ elapsedDays the result is never below workSoFar.
  const projectedWork = Math.floor((2 * workSoFar * totalDays + elapsedDays) / (2 * elapsedDays));
  return { projectedWork, projectedOverage: Math.max(0, projectedWork - allowance) };
}
