export { applyReverseCharge, assertVatRate, parseVatRate, vatOf, vatRecap, VAT_RATES_BP } from './vat.ts';
export type { VatGroup, VatLine, VatRateBp, VatRecap, VatRecapOptions } from './vat.ts';
// Numbering patterns and variable symbols live in the numbering module (src/modules/numbering/index.ts).
export { contractFeeLine, groupRecordsIntoLines, overageLine } from './lines.ts';
export type { DraftLine, PricedRecord } from './lines.ts';
export { marginPercentScaled, profitability } from './profitability.ts';
export type { Profitability } from './profitability.ts';
export { EU_MEMBER_STATES, isReverseCharge } from './reverse-charge.ts';
export { BUYER_ADDRESS_FIELDS, buyerAddressMissing, type BuyerAddressField } from './buyer.ts';
export { shareOverageLines, splitOverageLinesByVat } from './overage-shares.ts';
export type { OverageEntryToShare, OverageLineToShare, OverageShare } from './overage-shares.ts';
