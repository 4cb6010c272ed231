/**
 * The ZIP writer of export batches (fflate with zlib deflate): read back by
 * Info-ZIP's `unzip -t`, by fflate's own reader and by the test reader; UTF-8
 * names; the same bytes for the same batch in any time zone; and the limits of
 * the classic ZIP format as the errors the service turns into `batch_too_large`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { ZIP_MAX_ENTRIES, ZipLimitExceeded, ZipWriter } from '../src/modules/exports/exports.zip.ts';
import { unzip } from './fixtures/exports/zip.ts';

const MTIME = new Date('2026-11-02T10:04:36Z');
const FILES: [string, Buffer][] = [
  ['faktura-2026-0001.isdoc', Buffer.from(`<Invoice>${'<Line>Servis tiskárny</Line>'.repeat(200)}</Invoice>`)],
  ['dobropis-č.2026-0002 Žluťoučký kůň.isdoc', Buffer.from('<CreditNote>Příliš žluťoučký kůň úpěl ďábelské ódy</CreditNote>')],
  ['empty.csv', Buffer.alloc(0)],
  ['binary.pdf', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))],
];

function zipOf(files: [string, Uint8Array][], mtime = MTIME): Buffer {
  const out: Buffer[] = [];
  const zip = new ZipWriter((bytes) => out.push(Buffer.from(bytes)), mtime);
  for (const [name, data] of files) zip.add(name, data);
  zip.end();
  return Buffer.concat(out);
}

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('export ZIP writer', () => {
  it('writes a valid deflated ZIP with the files, their UTF-8 names and contents, in order', () => {
    const zip = zipOf(FILES);
    const byFflate = unzipSync(zip);
    expect(Object.keys(byFflate)).toEqual(FILES.map(([name]) => name));
    for (const [name, data] of FILES) expect(Buffer.from(byFflate[name]!).equals(data)).toBe(true);
    const byTestReader = unzip(zip); // also checks sizes and CRC-32 against the directory
    expect([...byTestReader.keys()]).toEqual(FILES.map(([name]) => name));

    // Every entry is deflated (method 8), also when tiny.
    let at = zip.readUInt32LE(zip.length - 22 + 16);
    for (let i = 0; i < FILES.length; i++) {
      expect(zip.readUInt16LE(at + 10)).toBe(8);
      at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }

    const dir = mkdtempSync(join(tmpdir(), 'kontor-zip-'));
    try {
      const path = join(dir, 'batch.zip');
      writeFileSync(path, zip);
      const tested = execFileSync('unzip', ['-t', path], { encoding: 'utf8' });
      expect(tested).toContain('No errors detected');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same bytes for the same batch, in any time zone, with every entry dated by the batch in UTC', () => {
    process.env.TZ = 'America/New_York';
    const inNewYork = zipOf(FILES);
    process.env.TZ = 'Asia/Tokyo';
    const inTokyo = zipOf(FILES);
    expect(inTokyo.equals(inNewYork)).toBe(true);
    expect(zipOf(FILES).equals(inTokyo)).toBe(true);
    expect(zipOf(FILES, new Date('2026-11-02T10:06:00Z')).equals(inTokyo)).toBe(false);

    // DOS time and date of the first local header: 10:04:36 on 2 November 2026.
    expect(inTokyo.readUInt16LE(10)).toBe((10 << 11) | (4 << 5) | (36 / 2));
    expect(inTokyo.readUInt16LE(12)).toBe(((2026 - 1980) << 9) | (11 << 5) | 2);
  });

  it(`holds ${ZIP_MAX_ENTRIES} entries and refuses one more with a clear error`, () => {
    const out: Buffer[] = [];
    const zip = new ZipWriter((bytes) => out.push(Buffer.from(bytes)), MTIME);
    const one = Buffer.from('x');
    for (let i = 0; i < ZIP_MAX_ENTRIES; i++) zip.add(`${i}.csv`, one);
    expect(() => zip.add('one-too-many.csv', one)).toThrow(ZipLimitExceeded);
    expect(() => zip.add('one-too-many.csv', one)).toThrow(`a ZIP holds at most ${ZIP_MAX_ENTRIES} files; export a shorter period`);
    zip.end();
    const bytes = Buffer.concat(out);
    expect(bytes.readUInt16LE(bytes.length - 22 + 10)).toBe(ZIP_MAX_ENTRIES);
    const names = Object.keys(unzipSync(bytes));
    expect(names).toHaveLength(ZIP_MAX_ENTRIES);
    expect(names.at(-1)).toBe(`${ZIP_MAX_ENTRIES - 1}.csv`);
  }, 60_000);

  it('refuses a file the classic format cannot size (4 GB) before writing anything', () => {
    const out: Buffer[] = [];
    const zip = new ZipWriter((bytes) => out.push(bytes), MTIME);
    // Only the length is read before the refusal; 4 GB of real data would not fit in the test.
    const huge = { length: 0xffff_ffff } as Uint8Array;
    expect(() => zip.add('huge.pdf', huge)).toThrow(new ZipLimitExceeded('the ZIP would exceed 4 GB; export a shorter period'));
    expect(out).toHaveLength(0);
  });
});
