/** Every part of invoicing over the same dependencies (the app and the CLI use this). */
import { createCrediting } from './billing.credit.ts';
import type { InvoicingDeps } from './billing.invoices.context.ts';
import { createInvoicesService } from './billing.invoices.service.ts';
import { createIssuing } from './billing.issue.ts';
import { createPayments } from './billing.payments.ts';

export function createInvoicing(deps: InvoicingDeps) {
  return {
    invoices: createInvoicesService(deps),
    issuing: createIssuing(deps),
    crediting: createCrediting(deps),
    payments: createPayments(deps),
  };
}

export type Invoicing = ReturnType<typeof createInvoicing>;
