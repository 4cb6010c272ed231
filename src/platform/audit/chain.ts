import { createHash } from 'node:crypto';

/**
 * The tamper-evident part of the audit log: each entry's hash covers its own
 * content and the previous entry's hash, so changing or deleting any entry
 * breaks every hash after it.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  at: string;
  actor_user_id: number | null;
  actor_token_id: number | null;
  actor_name: string | null;
  ip: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

export function entryHash(prevHash: string, e: ChainedFields): string {
  const content = JSON.stringify([
    e.at, e.actor_user_id, e.actor_token_id, e.actor_name, e.ip,
    e.entity, e.entity_id, e.action, e.before_json, e.after_json,
  ]);
  // One update: each call crosses into native code.
  return createHash('sha256').update(`${prevHash}\n${content}`).digest('hex');
}

const SECRET_KEY = /pass(word)?|secret|token|hash|otp/i;

// Keys are field names, a small set that repeats with every entry: each is tested once
// (bounded, in case entries carry keys of their users' making, e.g. custom fields).
const secretKeys = new Map<string, boolean>();
function isSecretKey(key: string): boolean {
  let secret = secretKeys.get(key);
  if (secret === undefined) {
    if (secretKeys.size >= 2_000) secretKeys.clear();
    secretKeys.set(key, (secret = SECRET_KEY.test(key)));
  }
  return secret;
}

/**
 * Secrets never reach the audit log: their values are replaced, their presence kept.
 * A plain object or array without secrets is returned as it is (every write is
 * audited, and most carry none); one with a secret is copied, never changed in place.
 */
/**
 * Sets an own property. Plain assignment of a key named "__proto__" would set the
 * copy's prototype instead, and the key would be missing from the entry's JSON.
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A shallow copy with the same own keys in the same order, "__proto__" among them (only entries with a secret are copied). */
function copyOwn(value: object): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) setOwn(copy, key, (value as Record<string, unknown>)[key]);
  return copy;
}

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const redacted = redact(item);
      if (redacted !== item) (out ??= value.slice())[i] = redacted;
    }
    return out ?? value;
  }
  if (value && typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    const plain = proto === Object.prototype || proto === null;
    let out: Record<string, unknown> | null = plain ? null : {};
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const item: unknown = (value as Record<string, unknown>)[key];
      const redacted = isSecretKey(key) ? '[redacted]' : redact(item);
      if (out) setOwn(out, key, redacted);
      else if (redacted !== item) setOwn((out = copyOwn(value)), key, redacted);
    }
    return out ?? value;
  }
  return value;
}
