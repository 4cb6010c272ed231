import { Command, Option } from 'commander';
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { buildServices } from './app.ts';
import { ConfigError, loadConfig, type Config, type ConfigInput } from './config/index.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './cli/demo-data.ts';
import { prepareDatabase, serve } from './main.ts';
import { EXPORT_FORMATS, isExportFormat } from './modules/exports/index.ts';
import { isRole, ROLES, systemContext, type Role } from './modules/identity/index.ts';
import { IMPORT_COLUMNS } from './modules/records/index.ts';
import { systemClock } from './platform/clock.ts';
import { openDatabase, type DatabaseHandle } from './platform/db/index.ts';
import { AppError } from './shared/errors.ts';

/** `kontor <command>`: the same services as the server, audited as the system. */
const program = new Command('kontor').description('Kontor: helpdesk and service billing').showHelpAfterError();

const dbOption = new Option('--db <url>', 'database: a SQLite file path or postgres://… (env KONTOR_DB)');
const configOption = new Option('--config <file>', 'JSON config file (env KONTOR_CONFIG)');

function configFrom(opts: { db?: string; config?: string; port?: string; host?: string }, extra: ConfigInput = {}): Config {
  return loadConfig({
    env: process.env,
    ...(opts.config ? { file: opts.config } : {}),
    overrides: { db: opts.db, port: opts.port, host: opts.host, ...extra },
  });
}

async function withDatabase<T>(config: Config, work: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = openDatabase(config.db);
  try {
    await prepareDatabase(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

program
  .command('serve')
  .description('start the server (migrates first)')
  .addOption(dbOption)
  .addOption(configOption)
  .option('--port <port>', 'port (env PORT, default 3000)')
  .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)')
  .action(async (opts) => {
    const running = await serve(configFrom(opts));
    running.app.log.info(`Kontor listening on ${running.url}`);
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .addOption(dbOption)
  .addOption(configOption)
  .action(async (opts) => {
    const config = configFrom(opts);
    const database = openDatabase(config.db);
    const applied = await prepareDatabase(database.db);
    await database.close();
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  });

program
  .command('demo')
  .description('start Kontor on a fresh demo database (SQLite, recreated at each start)')
  .option('--db <file>', 'demo database file', './data/demo.db')
  .option('--port <port>', 'port (env PORT, default 3000)')
  .option('--host <host>', 'address to listen on (default 127.0.0.1)')
  .action(async (opts) => {
    if (/^postgres/.test(opts.db)) throw new AppError('validation', 'demo_needs_sqlite', 'The demo always uses a fresh SQLite file');
    for (const suffix of ['', '-wal', '-shm', '.files']) rmSync(`${opts.db}${suffix}`, { force: true, recursive: true });
    // Only the demo needs the built-in mail server; `serve` does not load it.
    const { startDemoMailSink } = await import('./cli/demo-mail.ts');
    const mailSink = await startDemoMailSink();
    const port = opts.port ?? process.env.PORT ?? '3000';
    const config = configFrom(opts, {
      logLevel: process.env.KONTOR_LOG_LEVEL ?? 'warn',
      smtpUrl: mailSink.url,
      mailFrom: 'Kontor demo <helpdesk@kontor.demo>',
      publicUrl: `http://${opts.host ?? '127.0.0.1'}:${port}`,
      storageDir: `${opts.db}.files`,
    });
    const database = openDatabase(config.db);
    await prepareDatabase(database.db);
    await seedDemo(buildServices({ config, database, clock: systemClock }));
    const running = await serve(config, { database });
    const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
    console.log(`\nKontor demo is running at ${running.url}\n\nSign in as (password ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(width)}  ${u.role}`);
    console.log(`\nAPI docs: ${running.url}/api/docs   Stop with Ctrl+C.`);
    console.log(`E-mail goes to a built-in test mail server; see it under Administration → E-mail.\n`);
    process.once('exit', () => void mailSink.close());
  });

const user = program.command('user').description('manage users');

user
  .command('create')
  .description('create a user')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .option('--role <role...>', `roles: ${ROLES.join(', ')}`, ['technician'])
  .option('--language <lang>', 'cs, sk or en', 'cs')
  .requiredOption('--password <password>', 'initial password (at least 10 characters)')
  .addOption(dbOption)
  .addOption(configOption)
  .action(async (opts) => {
    const roles = (opts.role as string[]).filter(isRole);
    if (roles.length !== opts.role.length) throw new AppError('validation', 'invalid_enum', `Unknown role; use ${ROLES.join(', ')}`);
    await withDatabase(configFrom(opts), async (database) => {
      const services = buildServices({ config: configFrom(opts), database, clock: systemClock });
      const created = await services.users.create(systemContext, {
        email: opts.email,
        name: opts.name,
        language: opts.language,
        roles: roles as Role[],
        password: opts.password,
      });
      console.log(`Created user #${created.id} ${created.email} (${created.roles.join(', ')})`);
    });
  });

user
  .command('reset-password')
  .description("set a user's password (ends the user's sessions)")
  .requiredOption('--email <email>')
  .requiredOption('--password <password>')
  .addOption(dbOption)
  .addOption(configOption)
  .action(async (opts) => {
    const config = configFrom(opts);
    await withDatabase(config, async (database) => {
      const services = buildServices({ config, database, clock: systemClock });
      const target = await services.users.findByEmail(systemContext, opts.email);
      await services.users.resetPassword(systemContext, target.id, opts.password);
      console.log(`Password of ${target.email} changed; their sessions ended.`);
    });
  });

program
  .command('token')
  .description('API tokens')
  .command('create')
  .description('create an API token for a user; prints it once')
  .requiredOption('--user <email>')
  .requiredOption('--name <name>')
  .addOption(dbOption)
  .addOption(configOption)
  .action(async (opts) => {
    const config = configFrom(opts);
    await withDatabase(config, async (database) => {
      const services = buildServices({ config, database, clock: systemClock });
      const target = await services.users.findByEmail(systemContext, opts.user);
      if (!target.active) throw new AppError('validation', 'inactive_user', `The user ${target.email} is deactivated`);
      const token = await services.users.createToken(systemContext, target.id, opts.name);
      console.log(token.token);
    });
  });

/** The `billing` group, shared by its subcommands (whichever is declared first creates it). */
function billingCommand(): Command {
  return program.commands.find((c) => c.name() === 'billing') ?? program.command('billing').description('billing runs and invoices');
}

billingCommand()
  .command('issue')
  .description('issue every completed draft of a period as an invoice (gap-free numbers, records locked); prints each number, and each draft not issued with the reason')
  .requiredOption('--period <period>', 'billing period, e.g. 2026-10')
  .addOption(dbOption)
  .addOption(configOption)
  .action(async (opts) => {
    const config = configFrom(opts);
    await withDatabase(config, async (database) => {
      const services = buildServices({ config, database, clock: systemClock });
      const report = await services.invoicing.issuing.issueMany(systemContext, { period: opts.period });
      for (const i of report.issued) console.log(`${i.number}\tdraft ${i.id}`);
      for (const n of report.notIssued) console.error(`not issued: draft ${n.id} (${n.code}): ${n.reason}`);
      console.log(`Issued ${report.issued.length} invoice(s) of ${opts.period}; ${report.notIssued.length} draft(s) not issued.`);
      if (report.notIssued.length > 0) process.exitCode = 2;
    });
  });

billingCommand()
  .command('run')
  .description("run billing for a month: one draft per client and currency; progress on stderr, the summary on stdout (replaces the month's unissued drafts)")
  .requiredOption('--period <period>', 'billing month, e.g. 2026-10')
  .addOption(dbOption)
  .addOption(configOption)
  .action(async (opts) => {
    const config = configFrom(opts);
    await withDatabase(config, async (database) => {
      const services = buildServices({ config, database, clock: systemClock });
      const run = await services.billing.runs.runNow(systemContext, opts.period, (done, total) => process.stderr.write(`\rclients ${done}/${total}`));
      process.stderr.write('\n');
      const r = run.result!;
      for (const d of r.drafts) {
        const blocked = d.blocked.length ? `\tblocked: ${d.blocked.join(', ')}` : '';
        console.log(`draft ${d.invoiceId}\t${d.clientName}\t${d.currency}\tnet ${(d.netMinor / 100).toFixed(2)}\ttotal ${(d.totalMinor / 100).toFixed(2)}${blocked}`);
      }
      for (const b of r.blocked) console.log(`blocked\t${b.clientName}\t${b.reason}\t${b.detail}`);
      console.log(`Run ${run.id} of ${run.period} completed: ${r.drafts.length} draft(s), ${r.blocked.length} blocked, ${r.waitingCount} record(s) waiting for approval, ${r.late.length} late.`);
    });
  });

const importCommand = program.command('import').description('import data from files');

importCommand
  .command('records')
  .description(`import service records from a CSV file, all rows or none (columns: ${IMPORT_COLUMNS.join(', ')})`)
  .requiredOption('--file <path>', 'CSV file, UTF-8, ";" or "," between columns, a header line first')
  .option('--dry-run', 'check and price every row, import nothing')
  .addOption(dbOption)
  .addOption(configOption)
  .action(async (opts) => {
    const config = configFrom(opts);
    const text = readFileSync(opts.file, 'utf8');
    await withDatabase(config, async (database) => {
      const services = buildServices({ config, database, clock: systemClock });
      const report = await services.records.bulk.importCsv(systemContext, text, { dryRun: Boolean(opts.dryRun) });
      const unpriced = report.accepted.filter((a) => a.priceStatus === 'no_price').map((a) => a.row);
      console.log(report.dryRun ? `Dry run: all ${report.accepted.length} rows are valid; nothing was imported.` : `Imported ${report.imported} records.`);
      if (unpriced.length) console.log(`Without a price (recorded, the billing run will report them): lines ${unpriced.join(', ')}`);
    });
  });

program
  .command('export')
  .description('export a period to an accounting program as a recorded batch (issued documents not exported in that format before); writes the file into --out')
  .requiredOption('--format <format>', `format: ${EXPORT_FORMATS.join(' | ')}`)
  .requiredOption('--period <period>', 'month 2026-10, quarter 2026-Q4 or year 2026')
  .requiredOption('--out <dir>', 'directory to write the file into (created if missing)')
  .option('--again', 'include documents exported in this format before')
  .addOption(dbOption)
  .addOption(configOption)
  .action(async (opts) => {
    if (!isExportFormat(opts.format)) throw new AppError('validation', 'unknown_format', `Unknown format '${opts.format}': use one of ${EXPORT_FORMATS.join(', ')}`);
    const config = configFrom(opts);
    await withDatabase(config, async (database) => {
      const services = buildServices({ config, database, clock: systemClock });
      const batch = await services.exports.run(systemContext, { format: opts.format, period: opts.period, includeExported: Boolean(opts.again) });
      const { stream } = await services.exports.download(systemContext, batch.id);
      mkdirSync(opts.out, { recursive: true });
      const path = join(opts.out, batch.fileName);
      await pipeline(stream, createWriteStream(path));
      console.log(`${path}\t${batch.documentCount} document(s)\tbatch ${batch.id}\tsha256 ${batch.sha256}`);
    });
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof AppError) {
    console.error(`Error: ${error.message}`);
    for (const d of error.details ?? []) console.error(`  - ${d.path || '(input)'}: ${d.message}`);
  } else console.error(error);
  process.exit(1);
});
