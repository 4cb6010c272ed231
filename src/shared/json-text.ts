/**
 * A value already written as JSON (e.g. a page of a list written by the database):
 * the HTTP layer sends it as it is instead of serialising it again. Its shape is the
 * route's response schema all the same; whoever writes it answers for that (with a test).
 * As bytes (UTF-8), it is sent without being encoded again (jsonBytes).
 */
export class JsonText {
  constructor(readonly json: string | Buffer) {}
}

/**
 * `before`, then the items (each one JSON value, as UTF-8 bytes) separated by commas,
 * then `after`, as one buffer: a page of kept list items becomes the answer's bytes with
 * one copy of each, instead of a string that is measured and encoded again to be sent.
 */
export function jsonBytes(before: string, items: readonly Uint8Array[], after: string): Buffer {
  let size = Buffer.byteLength(before) + Buffer.byteLength(after) + Math.max(0, items.length - 1);
  for (const item of items) size += item.length;
  const out = Buffer.allocUnsafe(size);
  let at = out.write(before, 0);
  items.forEach((item, i) => {
    if (i > 0) out[at++] = 0x2c; // ,
    out.set(item, at);
    at += item.length;
  });
  out.write(after, at);
  return out;
}
