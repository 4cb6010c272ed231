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
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

const SECRET_KEY = /pass(word)?|secret|token|hash|otp/i;

/** Secrets never reach the audit log: their values are replaced, their presence kept. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v);
    return out;
  }
  return value;
}
