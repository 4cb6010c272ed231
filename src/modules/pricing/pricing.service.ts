import type { RequestContext } from '../identity/index.ts';
import { createCatalogueService } from './catalogue.service.ts';
import { canSeeCosts, failIf, requireRead, unknownReference, type PricingDeps } from './common.ts';
import { createCostsService } from './costs.service.ts';
import { findPriceList } from './price-lists.repo.ts';
import type { PreviewInput } from './price-lists.schemas.ts';
import { createPriceListsService } from './price-lists.service.ts';
import { COST_PREFIX } from './pricing.explain.ts';
import { priceWith, type PricedRecord } from './pricing.resolver.ts';

/** Pricing: the catalogue, costs and settings, price lists, and the price preview. */
export function createPricingService(deps: PricingDeps) {
  /** What a record would cost, explained (the admin's preview). Costs only for roles that see them. */
  async function preview(ctx: RequestContext, input: PreviewInput): Promise<PricedRecord> {
    requireRead(ctx);
    if (input.clientId !== undefined) await deps.customers.get(ctx, input.clientId); // record scope
    if (input.priceListId !== undefined && !(await findPriceList(deps.db, input.priceListId))) failIf([unknownReference('priceListId', 'The price list')]);
    const priced = await priceWith(deps.db, {
      ...input,
      clientId: input.clientId ?? null,
      technicianId: input.technicianId ?? null,
      priceListId: input.priceListId ?? null,
    });
    if (canSeeCosts(ctx)) return priced;
    return { ...priced, costMinor: null, costCurrency: null, explanation: priced.explanation.filter((line) => !line.startsWith(COST_PREFIX)) };
  }

  return {
    catalogue: createCatalogueService(deps),
    costs: createCostsService(deps),
    priceLists: createPriceListsService(deps),
    preview,
  };
}

export type PricingService = ReturnType<typeof createPricingService>;
