export { AMOUNTS, LIST_CURRENCY, invoiceRateText, isAmount, millionthsOf, rateText, unitRate, type ListedRate, type RateSource } from './listed-rate.ts';
export { MAX_DAYS_BACK, oldestUsableDay, rateOnDay, type RateOnDay } from './rate-on-day.ts';
export { listConverter, type Converter } from './conversion.ts';
export { CNB_HEADER, parseCnbFile, type CnbFile, type CnbProblem, type CnbRate } from './cnb-file.ts';
export { importPlan, type ImportPlan } from './import-plan.ts';
