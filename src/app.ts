import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Config } from './config/index.ts';
import { auditRoutes, createAuditService } from './modules/audit/index.ts';
import { createProfitabilityExport, createProfitabilityService, homeCurrencyOf, profitabilityRoutes } from './modules/billing/index.ts';
import { createInvoicing, invoiceDocument, invoicingRoutes } from './modules/billing/index.ts';
import { billingRunRoutes, createBillingRunsModule } from './modules/billing/index.ts';
import { companyRoutes, createCompanyService, defaultClientCountry, loadSupplier } from './modules/company/index.ts';
import { contractsRoutes, createContractsService } from './modules/contracts/index.ts';
import { createCustomersService, customersRoutes } from './modules/customers/index.ts';
import { createInvoiceDocuments, documentsRoutes } from './modules/documents/index.ts';
import { createExportsService, exportsRoutes, isdocXml } from './modules/exports/index.ts';
import { createHelpdeskService, helpdeskRoutes } from './modules/helpdesk/index.ts';
import { createMailService, mailRoutes } from './modules/mail/index.ts';
import { createPricingService, pricingRoutes } from './modules/pricing/index.ts';
import { createRecords, recordsRoutes, repriceTicketRecords } from './modules/records/index.ts';
import { createNumberingService, numberingRoutes } from './modules/numbering/index.ts';
import { cnbDownloader, createRatesService, ratesRoutes } from './modules/rates/index.ts';
import { createWarehouse, warehouseRoutes } from './modules/warehouse/index.ts';
import {
  createAttachments, createTicketsService, createTicketsWorkflow, createViewsService, handOpenTicketsTo, openTicketsOfAssignee, refreshTicketSla, returnOpenTicketsToQueues, ticketsRoutes,
  viewsRoutes,
} from './modules/tickets/index.ts';
import {
  createAuthService,
  createUsersService,
  identityRoutes,
  passwordHasher,
  registerAuthHook,
} from './modules/identity/index.ts';
import type { Clock } from './platform/clock.ts';
import type { DatabaseHandle } from './platform/db/index.ts';
import { registerErrorHandler } from './platform/http/errors.ts';
import { collectWhenQuiet } from './platform/http/idle-memory.ts';
import { registerMetrics } from './platform/http/metrics.ts';
import { registerTextGuard } from './platform/http/text-guard.ts';
import { serializerCompiler } from './platform/http/serializer.ts';
import { registerWebApp } from './platform/http/web.ts';
import { createFileStore } from './platform/storage.ts';
import multipart from '@fastify/multipart';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
}

/** Builds the services of every module from the shared dependencies. The CLI uses the same. */
export function buildServices(deps: AppDeps) {
  const { db } = deps.database;
  const { clock, config } = deps;
  const passwords = passwordHasher(config.argon2MemoryKib);
  const customers = createCustomersService({ db, clock });
  const ticketMail = { publicUrl: config.publicUrl, mailFrom: config.mailFrom };
  const ticketModule = ticketServices();
  return {
    auth: createAuthService({ db, clock, config, passwords }),
    // Deactivating a user may hand their open tickets back to their queues or to a colleague (who is mailed, as by hand).
    users: createUsersService({
      db, clock, passwords,
      tickets: {
        openTicketsOfAssignee, returnOpenTicketsToQueues,
        handOpenTicketsTo: (trx, ctx, assignee, colleagueId, now) => handOpenTicketsTo(trx, ticketMail, ctx, assignee, colleagueId, now),
      },
    }),
    customers,
    helpdesk: createHelpdeskService({ db, clock, customers }),
    audit: createAuditService({ db }),
    mail: createMailService({ db, clock, config, ticketNoticeValues: ticketModule.tickets.noticePreview }),
    pricing: createPricingService({ db, clock, customers }),
    records: createRecords({ db, clock }),
    numbering: createNumberingService({ db, clock }),
    warehouse: createWarehouse({ db, clock }),
    contracts: createContractsService({ db, clock, refreshTicketSla, repriceTicketRecords }),
    company: createCompanyService({ db, clock, files: createFileStore(config.storageDir) }),
    invoicing: createInvoicing({ db, clock }),
    billing: createBillingRunsModule({ db, clock }),
    ...invoiceDocumentServices(),
    exports: createExportsService({ db, clock, files: createFileStore(config.storageDir) }),
    ...profitabilityServices(),
    ...ticketModule,
    rates: createRatesService({ db, clock, downloadCnb: cnbDownloader(config.cnbRatesUrl), homeCurrency: async () => homeCurrencyOf((await loadSupplier(db)).address.country) }),
  };

  function profitabilityServices() {
    const profitability = createProfitabilityService({ db });
    return { profitability, profitabilityExport: createProfitabilityExport({ db, profitability }) };
  }

  function invoiceDocumentServices() {
    const { workReports } = createBillingRunsModule({ db, clock });
    const invoicing = createInvoicing({ db, clock });
    return { invoiceDocuments: createInvoiceDocuments({ db, clock, mailFrom: config.mailFrom, invoicing, invoiceDocument, workReport: workReports.build, isdocXml }) };
  }

  function ticketServices() {
    const ticketDeps = { db, clock, customers, config: ticketMail };
    return {
      tickets: createTicketsService(ticketDeps),
      ticketWorkflow: createTicketsWorkflow(ticketDeps),
      attachments: createAttachments({ ...ticketDeps, files: createFileStore(config.storageDir), maxBytes: config.attachmentMaxBytes }),
      ticketViews: createViewsService({ db, clock }),
    };
  }
}
export type Services = ReturnType<typeof buildServices>;

/** The whole HTTP application: plugins in order, then every module's routes. Tests use it with inject(). */
export async function buildApp(deps: AppDeps, services: Services = buildServices(deps)): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    // Per-request lines would cost a third of the throughput; errors and metrics tell what matters.
    logController: new LogController({ disableRequestLogging: true }),
    // Requests log through the server's logger itself: a child logger per request cost more
    // than the request's own work on a fast read; the error handler names the request id.
    childLoggerFactory: (logger) => logger,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // Ids in URLs are numbers; anything longer than this is an attack or a mistake.
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(cookie);
  // Multipart only around the routes that take uploads (company logo, ticket attachments):
  // registered globally, its hooks (a listener and two async hooks) ran on every request.
  // Bodies stream to the file store, never into memory; one byte over the limit reaches
  // the file store, which refuses it with a clear 413.
  const withUploads = (routes: (scope: FastifyInstance) => Promise<void>) => async (scope: FastifyInstance) => {
    await scope.register(multipart, { limits: { fileSize: config.attachmentMaxBytes + 1, files: 1, fields: 5 } });
    await scope.register(routes);
  };
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kontor API', version: '1', description: 'Helpdesk and service billing. Authenticate with `Authorization: Bearer <API token>` or the session cookie (plus `x-csrf-token` on changes).' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // Tags start collapsed: with a few hundred operations, expanding all makes the page slow to open.
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'none', deepLinking: true } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuthHook(app, services.auth);
  registerTextGuard(app);
  registerMetrics(app);
  collectWhenQuiet(app);

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(database.db);
      return { status: 'ok', db: database.engine };
    } catch {
      return reply.status(503).send({ status: 'unavailable', db: database.engine });
    }
  });

  await app.register(
    identityRoutes({
      auth: services.auth,
      users: services.users,
      secureCookies: config.secureCookies,
      limits: { attachmentMaxBytes: config.attachmentMaxBytes },
      defaults: async () => ({ clientCountry: await defaultClientCountry(database.db) }),
    }),
  );
  await app.register(customersRoutes(services.customers));
  await app.register(helpdeskRoutes(services.helpdesk));
  await app.register(auditRoutes(services.audit));
  await app.register(mailRoutes(services.mail));
  await app.register(pricingRoutes(services.pricing));
  await app.register(recordsRoutes(services.records));
  await app.register(numberingRoutes(services.numbering));
  await app.register(warehouseRoutes(services.warehouse));
  await app.register(contractsRoutes(services.contracts));
  await app.register(withUploads(companyRoutes(services.company)));
  await app.register(documentsRoutes(services.invoiceDocuments));
  await app.register(invoicingRoutes(services.invoicing));
  await app.register(billingRunRoutes(services.billing));
  await app.register(exportsRoutes(services.exports));
  await app.register(ratesRoutes(services.rates));
  await app.register(profitabilityRoutes({ profitability: services.profitability, exports: services.profitabilityExport }));
  await app.register(withUploads(ticketsRoutes({ tickets: services.tickets, workflow: services.ticketWorkflow, attachments: services.attachments })));
  await app.register(viewsRoutes(services.ticketViews));
  await registerWebApp(app, config.webDir);
  return app;
}
