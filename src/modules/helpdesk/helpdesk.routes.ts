import type { FastifyInstance } from 'fastify';
import type { HelpdeskService } from './helpdesk.service.ts';
import { processRoutes } from './process.routes.ts';
import { queuesRoutes } from './queues.routes.ts';
import { slaRoutes } from './sla.routes.ts';
import { taxonomyRoutes } from './taxonomy.routes.ts';

/** Every route of the helpdesk configuration (OpenAPI tag helpdesk-config). */
export function helpdeskRoutes(service: HelpdeskService) {
  return async function routes(app: FastifyInstance): Promise<void> {
    await app.register(processRoutes(service.process));
    await app.register(queuesRoutes(service.queues));
    await app.register(taxonomyRoutes(service.taxonomy));
    await app.register(slaRoutes(service.sla));
  };
}
