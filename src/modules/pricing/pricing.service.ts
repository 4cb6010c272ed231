import type { RequestContext } from '../identity/index.ts';
import { createCatalogueService } from './catalogue.service.ts';
import { canSeeCosts, failIf, requireRead, unknownReference, type PricingDeps } from './common.ts';
import { createCostsService } from './costs.service.ts';
import { findPriceList } from './price-lists.repo.ts';
import type { PreviewInput } from './price-lists.schemas.ts';
import { createPriceListsService } from './price-lists.service.ts';
import { isCostLine } from './pricing.explain.ts';
import { renderExplanation } from './pricing.explain-render.ts';
import { priceWith, type PricedRecord } from './pricing.resolver.ts';

/** A priced record as the API answers it: the explanation in the reader's words. */
export type PricedRecordInWords = PricedRecord extends infer R ? (R extends PricedRecord ? Omit<R, 'explanation'> & { explanation: string[] } : never) : never;

/** Pricing: the catalogue, costs and settings, price lists, and the price preview. */
export function createPricingService(deps: PricingDeps) {
  /** What a record would cost, explained in the user's language (the admin's preview). Costs only for roles that see them. */
  async function preview(ctx: RequestContext, input: PreviewInput): Promise<PricedRecordInWords> {
    requireRead(ctx);
    if (input.clientId !== undefined) await deps.customers.get(ctx, input.clientId); // record scope
    if (input.priceListId !== undefined && !(await findPriceList(deps.db, input.priceListId))) failIf([unknownReference('priceListId', 'The price list')]);
    const priced = await priceWith(deps.db, {
      ...input,
      clientId: input.clientId ?? null,
      technicianId: input.technicianId ?? null,
      priceListId: input.priceListId ?? null,
    });
    const language = ctx.actor.language ?? 'en';
    if (canSeeCosts(ctx)) return { ...priced, explanation: renderExplanation(priced.explanation, language) };
    return { ...priced, costMinor: null, costCurrency: null, explanation: renderExplanation(priced.explanation.filter((l) => !isCostLine(l)), language) };
  }

  return {
    catalogue: createCatalogueService(deps),
    costs: createCostsService(deps),
    priceLists: createPriceListsService(deps),
    preview,
  };
}

export type PricingService = ReturnType<typeof createPricingService>;
