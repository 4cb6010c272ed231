import type { FastifyInstance } from 'fastify';
import { buildApp, buildServices } from './app.ts';
import type { Config } from './config/index.ts';
import { seedDefaultHelpdesk } from './modules/helpdesk/index.ts';
import { createPrepaidAlerts } from './modules/contracts/index.ts';
import { createMailSender } from './modules/mail/index.ts';
import { seedDefaultPricing } from './modules/pricing/index.ts';
import { seedDefaultNumbering } from './modules/numbering/index.ts';
import { createSlaWatcher } from './modules/tickets/index.ts';
import { createDailyCnbFetch } from './modules/rates/index.ts';
import { systemClock } from './platform/clock.ts';
import { migrateToLatest, openDatabase, plannerStatisticsJob, type DatabaseHandle, type Db } from './platform/db/index.ts';

/** Brings the schema up to date and adds the default configuration a fresh install needs (idempotent). */
export async function prepareDatabase(db: Db): Promise<string[]> {
  const applied = await migrateToLatest(db);
  await seedDefaultHelpdesk(db, systemClock.now());
  await seedDefaultPricing(db, systemClock.now());
  await seedDefaultNumbering(db, systemClock.now());
  return applied;
}

export interface Running {
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  stop(): Promise<void>;
}

/** Start: config → database → migrate → app → listen → jobs (mail sender, SLA watcher, prepaid alerts, planner statistics). Stops cleanly on SIGINT/SIGTERM. */
export async function serve(config: Config, options: { database?: DatabaseHandle; onSignal?: boolean } = {}): Promise<Running> {
  const database = options.database ?? openDatabase(config.db);
  await prepareDatabase(database.db);
  const deps = { config, database, clock: systemClock };
  const services = buildServices(deps);
  const app = await buildApp(deps, services);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  // Outgoing mail: drains the outbox every few seconds; any number of processes may run it side by side.
  const mailSender = createMailSender({ db: database.db, clock: systemClock, config, logger: app.log });
  mailSender.start(5_000);
  // SLA warnings, breaches and escalation: every 30 s; each crossing is reported once whatever the number of processes.
  const slaWatcher = createSlaWatcher({ db: database.db, clock: systemClock, config, logger: app.log });
  slaWatcher.start(30_000);
  // Prepaid minutes 80 % / 100 % used: every 60 s; each contract, period and threshold is mailed once whatever the number of processes.
  const prepaidAlerts = createPrepaidAlerts({ db: database.db, clock: systemClock, config, logger: app.log });
  prepaidAlerts.start(60_000);
  // The query planner's statistics on SQLite: every table now, then hourly what changed (platform/db/planner-statistics.ts).
  const plannerStatistics = plannerStatisticsJob(database.db, (err) => app.log.error({ err }, 'planner statistics: pass failed'));
  plannerStatistics.start(60 * 60_000);
  // The ČNB's exchange rates, daily after they are published, when asked for (KONTOR_CNB_DAILY_FETCH).
  const dailyRates = config.cnbDailyFetch ? createDailyCnbFetch({ rates: services.rates, clock: systemClock, logger: app.log }) : null;
  dailyRates?.start(15 * 60_000);
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await slaWatcher.stop();
      await prepaidAlerts.stop();
      await mailSender.stop();
      await plannerStatistics.stop();
      await dailyRates?.stop();
      await app.close();
      await database.close();
    })());
  if (options.onSignal !== false) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        app.log.info(`${signal}: shutting down`);
        void stop().then(() => process.exit(0));
      });
    }
  }
  return { app, database, url, stop };
}
