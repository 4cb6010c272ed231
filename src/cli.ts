import { Command, Option } from 'commander';
import { readFileSync, rmSync } from 'node:fs';
import { buildServices } from './app.ts';
import { ConfigError, loadConfig, type Config, type ConfigInput } from './config/index.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './cli/demo-data.ts';
import { prepareDatabase, serve } from './main.ts';
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

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof AppError) {
    console.error(`Error: ${error.message}`);
    for (const d of error.details ?? []) console.error(`  - ${d.path || '(input)'}: ${d.message}`);
  } else console.error(error);
  process.exit(1);
});
