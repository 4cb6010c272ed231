/**
 * Answers of JSON lines (application/x-ndjson): one JSON object per line, written
 * while long work goes on (the bulk e-mail, an accounting export), so a client can
 * show "k of N" instead of a spinner. A client asks for it with its Accept header;
 * without it the same route answers its usual JSON once the work is done.
 *
 * The work is never tied to the connection: a client that goes away only stops
 * hearing about it, so writing to a gone reader is quietly skipped here.
 */
import { PassThrough, type Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../shared/errors.ts';
import { appErrorBody, type ErrorBody } from './errors.ts';

export const NDJSON = 'application/x-ndjson';

/** Whether an Accept header asks for JSON lines (any listed media type equal to it; parameters ignored). */
export function wantsNdjson(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => part.split(';')[0]!.trim().toLowerCase() === NDJSON);
}

export interface JsonLinesWriter {
  /** The bytes to answer with. */
  readonly stream: Readable;
  /** Writes one line, unless the reader is gone. */
  write(value: unknown): void;
  /** Writes the last line and ends the answer. */
  end(last: unknown): void;
}

export function jsonLinesWriter(): JsonLinesWriter {
  const stream = new PassThrough();
  // Once the client is gone Fastify destroys the stream; the work goes on without it.
  const open = () => !stream.destroyed && !stream.writableEnded;
  const write = (value: unknown) => {
    if (open()) stream.write(`${JSON.stringify(value)}\n`);
  };
  return {
    stream,
    write,
    end(last) {
      write(last);
      if (open()) stream.end();
    },
  };
}

/**
 * The last line when the work stopped on an error: a typed error (a user's mistake found
 * only mid-way) as the same error object its 4xx answer would carry; anything else as
 * internal_error with `unexpected`, never the error's own text (as no 5xx leaks internals).
 */
export function stoppedLine(error: unknown, unexpected: string): ErrorBody {
  if (error instanceof AppError) return appErrorBody(error);
  return { error: { code: 'internal_error', message: unexpected } };
}

/** Sends the lines as the answer (200), each passed on as it is written. */
export function sendJsonLines(reply: FastifyReply, lines: Readable): FastifyReply {
  reply.header('content-type', `${NDJSON}; charset=utf-8`);
  reply.header('cache-control', 'no-store');
  // Let proxies pass each line on as it comes instead of waiting for the whole answer.
  reply.header('x-accel-buffering', 'no');
  return reply.status(200).send(lines);
}
