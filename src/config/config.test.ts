import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, loadConfig } from './index.ts';

describe('config', () => {
  it('uses defaults: SQLite in ./data, port 3000 on 127.0.0.1', () => {
    const c = loadConfig({ env: {} });
    expect(c).toMatchObject({ db: './data/kontor.db', port: 3000, host: '127.0.0.1' });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('layers file < environment < command line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontor-config-'));
    const file = join(dir, 'kontor.json');
    writeFileSync(file, JSON.stringify({ port: 4000, host: '0.0.0.0', logLevel: 'debug' }));
    const c = loadConfig({ env: { KONTOR_CONFIG: file, PORT: '5000', KONTOR_DB: 'postgres://k@db:5432/kontor' }, overrides: { port: '6000' } });
    expect(c).toMatchObject({ port: 6000, host: '0.0.0.0', logLevel: 'debug', db: 'postgres://k@db:5432/kontor' });
    expect(loadConfig({ env: { DATABASE_URL: 'postgres://x@y/z' } }).db).toBe('postgres://x@y/z');
  });

  it('lists every problem in one message', () => {
    let error: unknown;
    try {
      loadConfig({ env: { PORT: 'eighty', KONTOR_LOG_LEVEL: 'loud', KONTOR_SECURE_COOKIES: 'maybe' }, file: '/nonexistent/kontor.json' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect((error as Error).message).toMatch(/config file \/nonexistent\/kontor.json: not found/);
    expect((error as Error).message).toMatch(/port \(PORT\): must be a whole number from 0 to 65535/);
    expect((error as Error).message).toMatch(/logLevel \(KONTOR_LOG_LEVEL\)/);
  });

  it('refuses unknown keys in the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontor-config-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ prot: 1 }));
    expect(() => loadConfig({ file })).toThrow(/prot/);
    expect(defaultConfig.argon2MemoryKib).toBe(19456);
  });
});
