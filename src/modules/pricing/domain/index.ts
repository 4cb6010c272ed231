export {
  compilePriceList,
  compiledPriceList,
  resolveWorkRate,
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_INCREMENT_MINUTES,
} from './price-list.ts';
export { TIME_CLASSES } from '../../../shared/time-class.ts';
export { hourlyAmount } from '../../../shared/money.ts';
export type { BusinessHours, PriceListVersion, ResolvedRate, TimeClass, WorkRate } from './price-list.ts';
export { dayKind, timeClass } from './time-class.ts';
export type { DayKind, LocalDateTime } from './time-class.ts';
export { billableMinutes, priceBillableMinutes, priceWorkEntry, workAmount } from './price-work.ts';
export type {
  PricedWork,
  UnpricedWork,
  WorkEntryInput,
  WorkMinutesPrice,
  WorkPriceExplanation,
  WorkPriceResult,
} from './price-work.ts';
export { priceMaterial, priceTravel, priceUnitFee } from './price-other.ts';
export type {
  MaterialInput,
  MaterialPriceResult,
  PricedTravel,
  TravelInput,
  TravelPriceResult,
  UnitFeeInput,
  UnitFeePriceResult,
} from './price-other.ts';
export { selectPriceList, versionOnDate } from './select-price-list.ts';
export type { PriceListSelection, PriceListSource } from './select-price-list.ts';
