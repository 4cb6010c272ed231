import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * Kontor's configuration: read once at start from defaults, an optional JSON
 * file, the environment and command-line overrides (later wins), validated
 * once and frozen. Nothing else in Kontor reads process.env.
 */
/** A whole number in a range, said as such when a setting is mistyped ("eighty", "3000x"), not as zod's "expected number, received NaN". */
const whole = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
};

const configSchema = z.strictObject({
  db: z
    .string()
    .min(1)
    .refine((v) => !v.startsWith('postgres') || /^postgres(ql)?:\/\/.+/.test(v), 'must be postgres://user@host:port/db'),
  host: z.string().min(1),
  port: whole(0, 65535),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /** Where the built web app lives; served at `/`. */
  webDir: z.string(),
  /** Largest accepted request body in bytes. */
  bodyLimit: whole(1024, 100 * 1024 * 1024),
  /** Minutes without activity after which a session ends. */
  sessionIdleMinutes: whole(1, 7 * 24 * 60),
  /** Hours after sign-in after which a session ends whatever the activity. */
  sessionAbsoluteHours: whole(1, 24 * 90),
  /** Mark cookies `Secure`; on by default behind https, off for plain http on localhost. */
  secureCookies: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
  /** Trust X-Forwarded-For from a reverse proxy (for the client IP in the audit log). */
  trustProxy: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
  /** Failed sign-ins per e-mail and IP within the window before sign-in is refused for a while. */
  loginMaxFailures: whole(1, 100),
  loginWindowMinutes: whole(1, 24 * 60),
  /** Address of Kontor as users reach it, for links in e-mail (e.g. https://helpdesk.example.cz). */
  publicUrl: z.url(),
  /** Outgoing mail server, e.g. smtp://user:pass@mail.example.cz:587; empty: mail waits in the outbox. */
  smtpUrl: z.string().refine((v) => v === '' || /^smtps?:\/\/.+/.test(v), 'must be smtp://… or smtps://…, or empty'),
  /** Sender of outgoing mail, e.g. "Helpdesk <helpdesk@example.cz>". */
  mailFrom: z.string().min(3),
  /** Where uploaded files are kept (one file per content hash). */
  storageDir: z.string().min(1),
  /** Largest attachment in bytes. */
  attachmentMaxBytes: whole(1024, 1024 * 1024 * 1024),
  /** Argon2id memory cost (KiB); OWASP minimum 19456. Lowered only by tests. */
  argon2MemoryKib: whole(1024, 1024 * 1024),
  /** The ČNB's daily rate file; Kontor adds ?date=DD.MM.YYYY. Tests point it at a local server. */
  cnbRatesUrl: z.url(),
  /** Fetch the ČNB's rates into the exchange-rate list every working day after 14:45 (off: imported by hand or `kontor rates`). */
  cnbDailyFetch: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});

export type Config = Readonly<z.infer<typeof configSchema>>;
export type ConfigInput = Partial<Record<keyof Config, unknown>>;

/** Kontor's install folder: the nearest folder with package.json, from source (src/config) or the built server (dist/server) alike. */
function packageRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const defaultConfig: Config = {
  db: './data/kontor.db',
  host: '127.0.0.1',
  port: 3000,
  logLevel: 'info',
  webDir: join(packageRoot(import.meta.dirname), 'dist/web'),
  bodyLimit: 1024 * 1024,
  sessionIdleMinutes: 120,
  sessionAbsoluteHours: 12,
  secureCookies: false,
  trustProxy: false,
  loginMaxFailures: 5,
  loginWindowMinutes: 15,
  argon2MemoryKib: 19456,
  publicUrl: 'http://127.0.0.1:3000',
  storageDir: './data/files',
  attachmentMaxBytes: 20 * 1024 * 1024,
  smtpUrl: '',
  mailFrom: 'Kontor <helpdesk@kontor.invalid>',
  cnbRatesUrl: 'https://www.cnb.cz/cs/financni-trhy/devizovy-trh/kurzy-devizoveho-trhu/kurzy-devizoveho-trhu/denni_kurz.txt',
  cnbDailyFetch: false,
};

/** Environment variable for each setting (KONTOR_DB also accepts DATABASE_URL; PORT and HOST are the usual ones). */
const envNames: Record<keyof Config, string[]> = {
  db: ['KONTOR_DB', 'DATABASE_URL'],
  host: ['HOST', 'KONTOR_HOST'],
  port: ['PORT', 'KONTOR_PORT'],
  logLevel: ['KONTOR_LOG_LEVEL'],
  webDir: ['KONTOR_WEB_DIR'],
  bodyLimit: ['KONTOR_BODY_LIMIT'],
  sessionIdleMinutes: ['KONTOR_SESSION_IDLE_MINUTES'],
  sessionAbsoluteHours: ['KONTOR_SESSION_ABSOLUTE_HOURS'],
  secureCookies: ['KONTOR_SECURE_COOKIES'],
  trustProxy: ['KONTOR_TRUST_PROXY'],
  loginMaxFailures: ['KONTOR_LOGIN_MAX_FAILURES'],
  loginWindowMinutes: ['KONTOR_LOGIN_WINDOW_MINUTES'],
  argon2MemoryKib: ['KONTOR_ARGON2_MEMORY_KIB'],
  publicUrl: ['KONTOR_PUBLIC_URL'],
  storageDir: ['KONTOR_STORAGE_DIR'],
  attachmentMaxBytes: ['KONTOR_ATTACHMENT_MAX_BYTES'],
  smtpUrl: ['KONTOR_SMTP_URL'],
  mailFrom: ['KONTOR_MAIL_FROM'],
  cnbRatesUrl: ['KONTOR_CNB_RATES_URL'],
  cnbDailyFetch: ['KONTOR_CNB_DAILY_FETCH'],
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Kontor cannot start, the configuration has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export interface ConfigSources {
  env?: Record<string, string | undefined>;
  /** Path of a JSON config file; KONTOR_CONFIG in the environment names one too. */
  file?: string;
  overrides?: ConfigInput;
}

export function loadConfig(sources: ConfigSources = {}): Config {
  const env = sources.env ?? {};
  const problems: string[] = [];
  const merged: Record<string, unknown> = { ...defaultConfig };

  const file = sources.file ?? env.KONTOR_CONFIG;
  if (file) {
    if (!existsSync(file)) problems.push(`config file ${file}: not found`);
    else {
      try {
        const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          problems.push(`config file ${file}: must be a JSON object`);
        } else Object.assign(merged, parsed);
      } catch (e) {
        problems.push(`config file ${file}: not valid JSON (${(e as Error).message})`);
      }
    }
  }
  for (const [key, names] of Object.entries(envNames)) {
    const name = names.find((n) => env[n] !== undefined && env[n] !== '');
    if (name) merged[key] = env[name];
  }
  for (const [key, value] of Object.entries(sources.overrides ?? {})) {
    if (value !== undefined) merged[key] = value;
  }

  const result = configSchema.safeParse(merged);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path.join('.') || '(root)';
      const hint = envNames[key as keyof Config]?.[0];
      problems.push(`${key}${hint ? ` (${hint})` : ''}: ${issue.message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(result.data as Config);
}
