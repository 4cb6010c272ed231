export { applyReverseCharge, assertVatRate, parseVatRate, vatOf, vatRecap, VAT_RATES_BP } from './vat.ts';
export type { VatGroup, VatLine, VatRateBp, VatRecap, VatRecapOptions } from './vat.ts';
export { formatInvoiceNumber, parseNumberingPattern, patternCapacity, variableSymbol, MAX_PATTERN_LENGTH } from './numbering.ts';
export type { NumberingPattern, PatternParseResult, PatternProblem } from './numbering.ts';
export { contractFeeLine, groupRecordsIntoLines, overageLine } from './lines.ts';
export type { DraftLine, PricedRecord } from './lines.ts';
export { marginPercentScaled, profitability } from './profitability.ts';
export type { Profitability } from './profitability.ts';
