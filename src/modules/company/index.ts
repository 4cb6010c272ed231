/**
 * Company settings: who the supplier is on every invoice (identity, VAT
 * status, address, bank account, logo, footer) and whether totals are rounded.
 */
export { createCompanyService, defaultClientCountry, loadSupplier, roundsTotals, LOGO_MAX_BYTES, type CompanyService } from './company.service.ts';
export { companyRoutes } from './company.routes.ts';
export { DEMO_COMPANY, seedDemoCompany } from './company.seed.ts';
export type { CompanySettings, CompanySettingsBody } from './company.schemas.ts';
export * from './domain/index.ts';
