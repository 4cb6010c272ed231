import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ensureFolder } from './folders.ts';

/**
 * Content-addressed file store: each file is kept once, named by its SHA-256,
 * so the same attachment uploaded twice takes space once, and a stored file
 * can never be changed under its name.
 */
export interface FileStore {
  /** Streams the input to the store; returns its hash and size. Throws TooLarge past the limit. */
  put(input: Readable, maxBytes: number): Promise<{ sha256: string; size: number }>;
  open(sha256: string): Readable;
  exists(sha256: string): boolean;
  /** Absolute path of a stored file, for readers that need a file name (e.g. a logo embedded in PDFs). */
  pathOf(sha256: string): string;
}

export class TooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`larger than ${maxBytes} bytes`);
  }
}

export function createFileStore(dir: string): FileStore {
  const pathOf = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return join(dir, sha256.slice(0, 2), sha256);
  };
  return {
    async put(input, maxBytes) {
      ensureFolder(join(dir, 'tmp'));
      const tmp = join(dir, 'tmp', randomUUID());
      const hash = createHash('sha256');
      let size = 0;
      try {
        await pipeline(
          input,
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              size += chunk.length;
              if (size > maxBytes) throw new TooLarge(maxBytes);
              hash.update(chunk);
              yield chunk;
            }
          },
          createWriteStream(tmp),
        );
        const sha256 = hash.digest('hex');
        const target = pathOf(sha256);
        ensureFolder(join(dir, sha256.slice(0, 2)));
        if (existsSync(target) && (await stat(target)).size === size) await rm(tmp);
        else await rename(tmp, target);
        return { sha256, size };
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
    },
    open: (sha256) => createReadStream(pathOf(sha256)),
    exists: (sha256) => existsSync(pathOf(sha256)),
    pathOf: (sha256) => resolve(pathOf(sha256)),
  };
}
