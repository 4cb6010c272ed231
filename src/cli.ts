import { Command, Option } from 'commander';
import { createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { buildServices } from './app.ts';
import { loadConfig, type Config, type ConfigInput } from './config/index.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './cli/demo-data.ts';
import { CliError, databaseError, describeFailure, fileError } from './cli/errors.ts';
import { dateValue, periodValue } from './cli/options.ts';
import { isTextEncoding, readTextFile, TEXT_ENCODINGS } from './cli/text-file.ts';
import { prepareDatabase, serve } from './main.ts';
import { EXPORT_FORMATS, isExportFormat } from './modules/exports/index.ts';
import { isRole, newUserBody, PASSWORD_MIN_LENGTH, ROLES, systemContext, type User } from './modules/identity/index.ts';
import { IMPORT_COLUMNS } from './modules/records/index.ts';
import { systemClock } from './platform/clock.ts';
import { isForeignKeyViolation, openDatabase, type DatabaseHandle } from './platform/db/index.ts';
import { ensureFolder } from './platform/folders.ts';
import { detailsFromIssues } from './platform/http/errors.ts';
import { AppError, invalid } from './shared/errors.ts';
import { minorToDecimal } from './shared/money.ts';

/**
 * Kontor's version, from its package.json: one folder up from src/cli.ts (tsx), two from
 * the bundle npm start runs (dist/server/kontor.js), so it is looked for upwards.
 */
function kontorVersion(): string {
  for (const up of ['../package.json', '../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'kontor' && pkg.version) return pkg.version;
    } catch {
      // not here: look one folder further up
    }
  }
  return 'unknown';
}

const version = kontorVersion();

/** `kontor <command>`: the same services as the server, audited as the system. */
const program = new Command('kontor')
  .description('Kontor: helpdesk and service billing')
  .version(version, '-V, --version', 'print the version of Kontor')
  .addHelpText('after', '\nRun `kontor <command> --help` for the options and examples of a command.');

const dbOption = new Option('--db <url>', 'database: a SQLite file path or postgres://user:password@host:5432/name (env KONTOR_DB; default ./data/kontor.db)');
const configOption = new Option('--config <file>', 'JSON config file (env KONTOR_CONFIG)');

function configFrom(opts: { db?: string; config?: string; port?: string; host?: string }, extra: ConfigInput = {}): Config {
  return loadConfig({
    env: process.env,
    ...(opts.config ? { file: opts.config } : {}),
    overrides: { db: opts.db, port: opts.port, host: opts.host, ...extra },
  });
}

/**
 * Opens the configured database and brings it up to date; a database that cannot be used is a
 * CliError naming it. A command that runs once and exits opens SQLite without the memory map a
 * server reads through (platform/db/sqlite.ts, mapFile).
 */
async function openPrepared(config: Config, use: 'server' | 'once' = 'once'): Promise<{ database: DatabaseHandle; applied: string[] }> {
  let database: DatabaseHandle;
  try {
    database = openDatabase(config.db, { memoryMap: use === 'server' });
  } catch (error) {
    throw databaseError(config.db, error);
  }
  try {
    return { database, applied: await prepareDatabase(database.db) };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw databaseError(config.db, error);
  }
}

async function withDatabase<T>(config: Config, work: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const { database } = await openPrepared(config);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** The user with this e-mail; a missing one is a clear message rather than "User not found". */
async function userByEmail(services: ReturnType<typeof buildServices>, email: string): Promise<User> {
  try {
    return await services.users.findByEmail(systemContext, email);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw new CliError(`There is no user with the e-mail ${email}.`, 'Create one with `kontor user create`.');
    throw error;
  }
}

program
  .command('serve')
  .description('start the server (migrates first); stop it with Ctrl+C (SIGINT) or SIGTERM')
  .addOption(dbOption)
  .addOption(configOption)
  .option('--port <port>', 'port (env PORT, default 3000)')
  .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1; 0.0.0.0 for all addresses)')
  .addHelpText('after', '\nExamples:\n  kontor serve\n  kontor serve --db postgres://kontor:secret@db:5432/kontor --host 0.0.0.0 --port 8080')
  .action(async (opts) => {
    const config = configFrom(opts);
    const { database } = await openPrepared(config, 'server');
    const running = await serve(config, { database });
    running.app.log.info(`Kontor listening on ${running.url}`);
  });

program
  .command('migrate')
  .description('bring the database schema up to date; prints the migrations applied')
  .addOption(dbOption)
  .addOption(configOption)
  .action(async (opts) => {
    const { database, applied } = await openPrepared(configFrom(opts));
    await database.close();
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  });

program
  .command('demo')
  .description('start Kontor on a fresh demo database (SQLite, deleted and recreated at each start); stop it with Ctrl+C')
  .option('--db <file>', 'demo database file', './data/demo.db')
  .option('--port <port>', 'port (env PORT, default 3000)')
  .option('--host <host>', 'address to listen on (default 127.0.0.1)')
  .action(async (opts) => {
    if (/^postgres/.test(opts.db)) throw new CliError('The demo always uses a fresh SQLite file.', 'Give --db a file path (it is deleted and recreated), or leave it out.');
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
    const { database } = await openPrepared(config, 'server');
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
  .description('create a user who signs in with a password; prints the new user id')
  .requiredOption('--email <email>', 'e-mail address, the sign-in name')
  .requiredOption('--name <name>', 'full name, as shown in Kontor')
  .option('--role <role...>', `one or more roles: ${ROLES.join(', ')}`, ['technician'])
  .option('--client <id>', 'id of the client a client_contact belongs to (required with that role)')
  .option('--language <lang>', 'cs, sk or en', 'cs')
  .requiredOption('--password <password>', `initial password: at least ${PASSWORD_MIN_LENGTH} characters, not a well-known one, not containing the e-mail's name`)
  .addOption(dbOption)
  .addOption(configOption)
  .addHelpText('after', `\nExamples:\n  kontor user create --email jana@example.cz --name "Jana Nováková" --role admin --password 'Dlouhé-heslo-2026'\n  kontor user create --email petr@example.cz --name "Petr Malý" --role technician operator --password '…'`)
  .action(async (opts) => {
    const unknown = (opts.role as string[]).filter((r) => !isRole(r));
    if (unknown.length) throw new AppError('validation', 'invalid_enum', `Unknown role${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `'${r}'`).join(', ')}; use ${ROLES.join(', ')}`);
    // The same checks as the API's POST /api/v1/users: the command line is another door to the same service.
    const parsed = newUserBody.safeParse({
      email: opts.email,
      name: opts.name,
      language: opts.language,
      roles: opts.role,
      password: opts.password,
      ...(opts.client !== undefined ? { clientId: /^\d+$/.test(opts.client) ? Number(opts.client) : opts.client } : {}),
    });
    if (!parsed.success) throw invalid(detailsFromIssues(parsed.error.issues), 'The user was not created');
    const config = configFrom(opts);
    await withDatabase(config, async (database) => {
      const services = buildServices({ config, database, clock: systemClock });
      const created = await services.users.create(systemContext, parsed.data).catch((error: unknown) => {
        if (isForeignKeyViolation(error)) throw new CliError(`There is no client with the id ${opts.client}.`, 'The id is in the address of the client in Kontor (…/clients/ID).');
        throw error;
      });
      console.log(`Created user #${created.id} ${created.email} (${created.roles.join(', ')})`);
    });
  });

user
  .command('reset-password')
  .description("set a user's password (ends the user's sessions)")
  .requiredOption('--email <email>', 'e-mail of the user')
  .requiredOption('--password <password>', `the new password: at least ${PASSWORD_MIN_LENGTH} characters, not a well-known one`)
  .addOption(dbOption)
  .addOption(configOption)
  .action(async (opts) => {
    const config = configFrom(opts);
    await withDatabase(config, async (database) => {
      const services = buildServices({ config, database, clock: systemClock });
      const target = await userByEmail(services, opts.email);
      await services.users.resetPassword(systemContext, target.id, opts.password);
      console.log(`Password of ${target.email} changed; their sessions ended.`);
    });
  });

program
  .command('token')
  .description('API tokens')
  .command('create')
  .description('create an API token for a user; prints only the token, once (it cannot be shown again)')
  .requiredOption('--user <email>', 'e-mail of the user the token acts as')
  .requiredOption('--name <name>', 'what the token is for, e.g. "accounting sync" (shown in the list of tokens)')
  .addOption(dbOption)
  .addOption(configOption)
  .addHelpText('after', '\nExample:\n  TOKEN=$(kontor token create --user jana@example.cz --name "accounting sync")\n  curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:3000/api/v1/tickets')
  .action(async (opts) => {
    const name = String(opts.name).trim();
    if (!name || name.length > 100) throw invalid([{ path: 'name', code: name ? 'too_long' : 'required', message: name ? 'at most 100 characters' : 'say what the token is for' }], 'The token was not created');
    const config = configFrom(opts);
    await withDatabase(config, async (database) => {
      const services = buildServices({ config, database, clock: systemClock });
      const target = await userByEmail(services, opts.user);
      if (!target.active) throw new CliError(`The user ${target.email} is deactivated; a token would not work.`, 'Activate the user in Administration → Users first.');
      const token = await services.users.createToken(systemContext, target.id, name);
      console.log(token.token);
    });
  });

/** The `billing` group, shared by its subcommands (whichever is declared first creates it). */
function billingCommand(): Command {
  return program.commands.find((c) => c.name() === 'billing') ?? program.command('billing').description('billing runs and invoices');
}

billingCommand()
  .command('issue')
  .description('issue every completed draft of a period as an invoice (gap-free numbers, records locked); prints each number, and each draft not issued with the reason (exit code 2 if any)')
  .requiredOption('--period <period>', 'billing period: month 2026-10, quarter 2026-Q4 or year 2026', periodValue())
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
  .requiredOption('--period <period>', 'billing month, e.g. 2026-10', periodValue('month'))
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
        console.log(`draft ${d.invoiceId}\t${d.clientName}\t${d.currency}\tnet ${minorToDecimal(d.netMinor)}\ttotal ${minorToDecimal(d.totalMinor)}${blocked}`);
      }
      for (const b of r.blocked) console.log(`blocked\t${b.clientName}\t${b.reason}\t${b.detail}`);
      console.log(`Run ${run.id} of ${run.period} completed: ${r.drafts.length} draft(s), ${r.blocked.length} blocked, ${r.waitingCount} record(s) waiting for approval, ${r.late.length} late.`);
    });
  });

const importCommand = program.command('import').description('import data from files');

importCommand
  .command('records')
  .description(`import service records from a CSV file, all rows or none (columns: ${IMPORT_COLUMNS.join(', ')}; ticket and date required)`)
  .requiredOption('--file <path>', 'CSV file with a header line first; ";" or "," between columns')
  .addOption(new Option('--encoding <encoding>', 'encoding of the file (default: UTF-8, or Windows-1250 when the file is not valid UTF-8)').choices([...TEXT_ENCODINGS]))
  .option('--dry-run', 'check and price every row, import nothing')
  .addOption(dbOption)
  .addOption(configOption)
  .addHelpText('after', [
    '',
    'Example file (Czech Excel, "CSV (oddělený středníkem)"):',
    '  ticket;technician;date;start;end;work_type;description',
    '  T2026-000123;jana@example.cz;2026-10-05;09:00;10:30;remote_support;Oprava tiskárny',
    '',
    'Examples:',
    '  kontor import records --file records.csv --dry-run',
    '  kontor import records --file records.csv',
    '',
    'A refused file imports nothing; every problem is listed with its line. See docs/USER-GUIDE.md, "importing a CSV file".',
  ].join('\n'))
  .action(async (opts) => {
    const file = readTextFile(opts.file, opts.encoding && isTextEncoding(opts.encoding) ? opts.encoding : undefined);
    if (file.guessed) console.error(`Note: ${opts.file} is not UTF-8; read as Windows-1250 (as Czech and Slovak Excel saves CSV). Use --encoding to choose.`);
    const config = configFrom(opts);
    await withDatabase(config, async (database) => {
      const services = buildServices({ config, database, clock: systemClock });
      const report = await services.records.bulk.importCsv(systemContext, file.text, { dryRun: Boolean(opts.dryRun) });
      const unpriced = report.accepted.filter((a) => a.priceStatus === 'no_price').map((a) => a.row);
      console.log(report.dryRun ? `Dry run: all ${report.accepted.length} rows are valid; nothing was imported.` : `Imported ${report.imported} records.`);
      if (unpriced.length) console.log(`Without a price (recorded, the billing run will report them): lines ${unpriced.join(', ')}`);
    });
  });

const ratesCommand = program.command('rates').description('the daily exchange-rate list');

ratesCommand
  .command('import')
  .description("import the ČNB's daily exchange rates of a day: downloaded from the ČNB (config cnbRatesUrl), or read from --file; prints what changed")
  .option('--date <date>', 'day of the rates, YYYY-MM-DD (default: today; on a weekend or holiday the ČNB gives the last working day\'s)', dateValue)
  .option('--file <path>', 'a downloaded denni_kurz.txt instead of downloading it')
  .option('--replace-manual', 'also replace rates entered by hand')
  .addOption(dbOption)
  .addOption(configOption)
  .addHelpText('after', '\nExamples:\n  kontor rates import\n  kontor rates import --date 2026-11-27\n  kontor rates import --file denni_kurz.txt')
  .action(async (opts) => {
    if (opts.date !== undefined && opts.file !== undefined) throw new CliError('Give either --date (download) or --file (import a downloaded file), not both.', 'The file names its own day on its first line.');
    const config = configFrom(opts);
    await withDatabase(config, async (database) => {
      const services = buildServices({ config, database, clock: systemClock });
      const options = { replaceManual: Boolean(opts.replaceManual) };
      const report = opts.file !== undefined
        ? await services.rates.importCnb(systemContext, readTextFile(opts.file).text, options)
        : await services.rates.fetchCnb(systemContext, { day: opts.date, ...options });
      const list = (codes: string[]) => (codes.length ? codes.join(' ') : '-');
      console.log(`Rates of ${report.day}: added ${list(report.added)}; replaced ${list(report.replaced)}; unchanged ${report.unchanged.length}.`);
      if (report.keptManual.length) console.log(`Kept the rates entered by hand for ${report.keptManual.join(' ')} (add --replace-manual to take the ČNB's).`);
    });
  });

/** The output folder of an export, created and checked before anything is recorded: a batch must not be recorded without its file. */
function writableFolder(dir: string): void {
  try {
    ensureFolder(dir);
  } catch (error) {
    throw fileError(dir, error, 'folder');
  }
}

program
  .command('export')
  .description('export a period to an accounting program as a recorded batch (issued documents not exported in that format before); writes the file into --out and prints: path, count, batch id, SHA-256 (tab-separated)')
  .requiredOption('--format <format>', `format: ${EXPORT_FORMATS.join(' | ')}`)
  .requiredOption('--period <period>', 'month 2026-10, quarter 2026-Q4 or year 2026', periodValue())
  .requiredOption('--out <dir>', 'directory to write the file into (created if missing)')
  .option('--again', 'include documents exported in this format before')
  .addOption(dbOption)
  .addOption(configOption)
  .addHelpText('after', '\nExamples:\n  kontor export --format pohoda --period 2026-10 --out /srv/exports\n  kontor export --format isdoc --period 2026-Q4 --out . --again')
  .action(async (opts) => {
    if (!isExportFormat(opts.format)) throw new AppError('validation', 'unknown_format', `Unknown format '${opts.format}': use one of ${EXPORT_FORMATS.join(', ')}`);
    writableFolder(opts.out);
    const config = configFrom(opts);
    await withDatabase(config, async (database) => {
      const services = buildServices({ config, database, clock: systemClock });
      const batch = await services.exports.run(systemContext, { format: opts.format, period: opts.period, includeExported: Boolean(opts.again) }).catch((error: unknown) => {
        // The service's hint names the web page's switch; here it is --again.
        if (error instanceof AppError && error.code === 'nothing_to_export' && Number(error.extra?.alreadyExported) > 0) {
          throw new CliError(error.message.replace(/\s*\(choose "export again"[^)]*\)/, ''), 'Add --again to export them again.');
        }
        throw error;
      });
      const { stream } = await services.exports.download(systemContext, batch.id);
      const path = unusedPath(opts.out, batch.fileName, batch.id);
      try {
        // 'wx': never over a file already there (an earlier batch of the period not yet imported, say).
        await pipeline(stream, createWriteStream(path, { flags: 'wx' }));
      } catch (error) {
        const failure = fileError(path, error, 'file');
        throw new CliError(`${failure.message} Batch ${batch.id} was recorded all the same.`, `Download it in Kontor (Accounting exports), or fix the folder and run the command again with --again.`);
      }
      console.log(`${path}\t${batch.documentCount} document(s)\tbatch ${batch.id}\tsha256 ${batch.sha256}`);
    });
  });

/**
 * Where a batch's file goes in the folder: under its own name, or, when a file of that name
 * is already there (a batch of the same period and format before), with the batch's number
 * added (pohoda-2026-10-batch-7.xml), so that no earlier file is overwritten.
 */
function unusedPath(dir: string, fileName: string, batchId: number): string {
  const path = join(dir, fileName);
  if (!existsSync(path)) return path;
  const extension = extname(fileName);
  return join(dir, `${fileName.slice(0, fileName.length - extension.length)}-batch-${batchId}${extension}`);
}

/** Every command: a usage error prints one line and where to find help (not the whole help text). */
function hintAtHelp(command: Command, path: string[]): void {
  command.showHelpAfterError(`(Run 'kontor ${[...path, '--help'].join(' ')}' for the options.)`);
  for (const sub of command.commands) hintAtHelp(sub, [...path, sub.name()]);
}
hintAtHelp(program, []);

program.parseAsync(process.argv).catch((error: unknown) => {
  for (const line of describeFailure(error, Boolean(process.env.KONTOR_DEBUG))) console.error(line);
  process.exit(1);
});
