import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import type { CustomersService } from '../customers/index.ts';
import { createProcessService } from './process.service.ts';
import { createQueuesService } from './queues.service.ts';
import { createSlaService } from './sla.service.ts';
import { createTaxonomyService } from './taxonomy.service.ts';

/** The helpdesk configuration, one service per area. */
export function createHelpdeskService(deps: { db: Db; clock: Clock; customers: CustomersService }) {
  return {
    process: createProcessService(deps),
    queues: createQueuesService(deps),
    taxonomy: createTaxonomyService(deps),
    sla: createSlaService(deps),
  };
}

export type HelpdeskService = ReturnType<typeof createHelpdeskService>;
