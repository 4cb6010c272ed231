/**
 * Numbering: gap-free document numbers per series (document type) and year, from
 * patterns administrators define. Other modules take numbers with
 * `allocateNumber(trx, documentType, date)` inside their own transaction.
 */
export { allocateNumber, type AllocatedNumber } from './numbering.allocate.ts';
export { createNumberingService, type NumberingService, type NumberingSeries } from './numbering.service.ts';
export { numberingRoutes } from './numbering.routes.ts';
export { seedDefaultNumbering } from './seed.ts';
export * from './domain/index.ts';
