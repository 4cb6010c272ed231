import type { FastifyInstance } from 'fastify';
import { catalogueRoutes } from './catalogue.routes.ts';
import { costsRoutes } from './costs.routes.ts';
import { priceListsRoutes } from './price-lists.routes.ts';
import type { PricingService } from './pricing.service.ts';

/** Every route of pricing (OpenAPI tag pricing). */
export function pricingRoutes(service: PricingService) {
  return async function routes(app: FastifyInstance): Promise<void> {
    await app.register(catalogueRoutes(service.catalogue));
    await app.register(costsRoutes(service.costs));
    await app.register(priceListsRoutes(service));
  };
}
