/**
 * The time class of work (BILLING.md §2). Pricing decides it; contracts
 * (multipliers per time class) and billing (lines grouped by it) read it, so
 * the type lives in the shared core rather than in one module.
 */
export type TimeClass = 'normal' | 'out_of_hours' | 'weekend_holiday';

export const TIME_CLASSES: readonly TimeClass[] = ['normal', 'out_of_hours', 'weekend_holiday'];
