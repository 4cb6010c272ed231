/**
 * Pricing: the catalogue (VAT rates, work types, technician levels, unit fees,
 * travel zones), technician settings, internal cost rates, price lists with
 * dated versions, clients' lists, and pricing one service record. The records
 * module prices through `priceRecord`; the pure core is re-exported below.
 */
export { createPricingService, type PricingService } from './pricing.service.ts';
export { pricingRoutes } from './pricing.routes.ts';
export { seedDefaultPricing } from './seed.ts';
export {
  dayKindFor,
  type DayKindInput,
  priceRecord,
  type PriceRecordInput,
  type PriceRecordKind,
  type PricedRecord,
  type PriceListSourceKind,
  type UnpricedReason,
} from './pricing.resolver.ts';
export { pricingReads, type PricingReads } from './pricing.reads.ts';
export { isCostLine, line as explanationLine, type ExplanationLine, type StoredExplanationLine } from './pricing.explain.ts';
export { renderExplanation } from './pricing.explain-render.ts';
export { materialPricer, type MaterialLineInput, type MaterialPricer, type MaterialPricingInput } from './pricing.material.ts';
export { findWorkType, findUnitFee, findTravelZone, getTechnicianSettings, getProviderCountry, vatRateOn } from './loaders.ts';
export { currencyOfCountry } from './costs.repo.ts';
export { VAT_CATEGORIES, type VatCategory } from './common.schemas.ts';
export type { WorkType, UnitFee, TravelZone, TechnicianLevel, VatRate } from './catalogue.schemas.ts';
export type { CostRate, TechnicianSettings } from './costs.schemas.ts';
export type { PriceList, PriceListDetail, PriceListVersionRecord, ClientPriceList } from './price-lists.schemas.ts';
export type { Terms, TermsInput } from './terms.ts';
export * from './domain/index.ts';
