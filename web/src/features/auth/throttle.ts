/**
 * The wait after too many failed sign-ins, as the sign-in page words it: a whole
 * window is 15 minutes, and "za 893 s" makes people count, so from a minute up
 * it is shown in whole minutes, rounded up (never promising less than the wait).
 */
export function throttleMessage(seconds: number): { key: string; params: { seconds: number } | { minutes: number } } {
  const whole = Math.max(0, Math.ceil(seconds));
  return whole < 60 ? { key: 'auth.throttled', params: { seconds: whole } } : { key: 'auth.throttledMinutes', params: { minutes: Math.ceil(whole / 60) } };
}
