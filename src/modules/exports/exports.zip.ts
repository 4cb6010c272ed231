/**
 * The ZIP container of export batches, written by fflate's streaming `Zip`:
 * each entry is deflated when added and its bytes go out at once, so only the
 * central directory is kept until the end. fflate was chosen over yazl, which
 * looks for the next entry to write by scanning all entries from the start
 * (17 s for 10,000 invoices); fflate handles each entry once.
 *
 * fflate writes the format (headers, CRC-32, directory); the deflating is done
 * by Node's native zlib through fflate's documented hook for custom compression
 * (a `ZipPassThrough` subclass), because fflate's own JavaScript deflate
 * (`ZipDeflate`) took about six times the CPU on invoice-sized files.
 *
 * This adapter adds what fflate leaves to its caller: the limits of the classic
 * ZIP format (fflate writes no ZIP64 and would silently truncate counts and
 * offsets), and one fixed date for every entry, so the same batch gives the same
 * bytes.
 */
import { deflateRawSync } from 'node:zlib';
import { Zip, ZipPassThrough } from 'fflate';

/** The classic ZIP format (no ZIP64) holds at most this many entries. */
export const ZIP_MAX_ENTRIES = 65_535;
/** Sizes and offsets are 32-bit; 0xffffffff would mean "see ZIP64". */
const MAX_BYTES = 0xffff_fffe;
/** Regular file, rw-r--r--, in the upper half of the external attributes (as made by Unix). */
const FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;
const MADE_BY_UNIX = 3;

export class ZipLimitExceeded extends Error {}

/**
 * fflate writes the DOS date from the local-time fields of a Date. The returned
 * Date has the UTC fields of `d` as its local fields, so entries are dated in UTC
 * whatever the server's time zone (in an hour skipped by a daylight-saving change
 * it reads an hour later; still the same for the same batch).
 */
function utcFieldsAsLocal(d: Date): Date {
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

/** A ZIP entry pushed whole (one chunk) and deflated by zlib at the level the old writer used. */
class DeflatedEntry extends ZipPassThrough {
  constructor(name: string) {
    super(name);
    this.compression = 8; // deflate
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    // Each call makes a complete deflate stream, so an entry cannot come in parts.
    if (!final) throw new Error('a ZIP entry is added whole');
    this.ondata(null, deflateRawSync(chunk, { level: 6 }), true);
  }
}

export class ZipWriter {
  private readonly zip: Zip;
  private readonly mtime: Date;
  private written = 0;
  private entries = 0;

  /** `write` receives the bytes in order; `mtime` dates every entry (fixed, so the same batch gives the same bytes). */
  constructor(write: (bytes: Buffer) => void, mtime: Date) {
    this.mtime = utcFieldsAsLocal(mtime);
    this.zip = new Zip((error, bytes) => {
      if (error) throw error;
      this.written += bytes.length;
      write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    });
  }

  add(name: string, data: Uint8Array): void {
    if (this.entries >= ZIP_MAX_ENTRIES) throw new ZipLimitExceeded(`a ZIP holds at most ${ZIP_MAX_ENTRIES} files; export a shorter period`);
    if (data.length > MAX_BYTES || this.written > MAX_BYTES) throw tooBig();
    const entry = new DeflatedEntry(name);
    entry.mtime = this.mtime;
    entry.os = MADE_BY_UNIX;
    entry.attrs = FILE_ATTRIBUTES;
    this.zip.add(entry);
    entry.push(data, true); // deflated and written before this returns
    this.entries++;
  }

  /** Writes the central directory; the ZIP is complete after this. */
  end(): void {
    // The directory's offset is 32-bit too.
    if (this.written > MAX_BYTES) throw tooBig();
    this.zip.end();
  }
}

function tooBig(): ZipLimitExceeded {
  return new ZipLimitExceeded('the ZIP would exceed 4 GB; export a shorter period');
}
