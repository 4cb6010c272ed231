/**
 * A streaming ZIP writer for export batches: each entry is deflated on its own
 * and written at once (sizes and CRC known up front, so no data descriptors),
 * and only the central directory (about 80 bytes an entry) is kept until the
 * end. yazl was the first choice, but it looks for the next entry to write by
 * scanning all entries from the start, which made a ZIP of 10,000 invoices take
 * 17 s; this writes the same in a fraction of that.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** The classic ZIP format (no ZIP64) holds at most this many entries. */
export const ZIP_MAX_ENTRIES = 65_535;
const MAX_BYTES = 0xffff_fffe;

export class ZipLimitExceeded extends Error {}

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export class ZipWriter {
  private offset = 0;
  private readonly directory: Buffer[] = [];
  private readonly stamp: { time: number; date: number };

  /** `write` receives the bytes in order; `mtime` dates every entry (fixed, so the same batch gives the same bytes). */
  constructor(
    private readonly write: (bytes: Buffer) => void,
    mtime: Date,
  ) {
    this.stamp = dosDateTime(mtime);
  }

  add(name: string, data: Uint8Array): void {
    if (this.directory.length >= ZIP_MAX_ENTRIES) throw new ZipLimitExceeded(`a ZIP holds at most ${ZIP_MAX_ENTRIES} files; export a shorter period`);
    const fileName = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data, { level: 6 });
    if (data.length > MAX_BYTES || this.offset > MAX_BYTES) throw new ZipLimitExceeded('the ZIP would exceed 4 GB; export a shorter period');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(this.stamp.time, 10);
    local.writeUInt16LE(this.stamp.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4); // made by: Unix, spec 3.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(this.stamp.time, 12);
    central.writeUInt16LE(this.stamp.date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
    central.writeUInt32LE(this.offset, 42);
    this.directory.push(central, fileName);

    this.write(local);
    this.write(fileName);
    this.write(compressed);
    this.offset += local.length + fileName.length + compressed.length;
  }

  /** Writes the central directory; the ZIP is complete after this. */
  end(): void {
    const start = this.offset;
    let size = 0;
    for (const part of this.directory) {
      this.write(part);
      size += part.length;
    }
    const entries = this.directory.length / 2;
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(entries, 8);
    eocd.writeUInt16LE(entries, 10);
    eocd.writeUInt32LE(size, 12);
    eocd.writeUInt32LE(start, 16);
    this.write(eocd);
  }
}
