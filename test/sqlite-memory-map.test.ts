import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/index.ts';

// A server reads SQLite through a memory map; a one-shot command (the CLI) does not (platform/db/sqlite.ts, mapFile).

let dir = '';
const opened: DatabaseHandle[] = [];
afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function mappedBytes(h: DatabaseHandle): Promise<number> {
  const { rows } = await sql<{ mmap_size: number }>`pragma mmap_size`.execute(h.db);
  return Number(rows[0]!.mmap_size);
}

describe('SQLite memory map', () => {
  it('is on for a server (the default) and off when asked', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kontor-mmap-'));
    const server = openDatabase(join(dir, 'k.db'));
    opened.push(server);
    expect(await mappedBytes(server)).toBeGreaterThan(1_000_000_000);
    const once = openDatabase(join(dir, 'k.db'), { memoryMap: false });
    opened.push(once);
    expect(await mappedBytes(once)).toBe(0);
  });
});
