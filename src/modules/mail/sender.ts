import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { periodicJob } from '../../platform/periodic.ts';
import type { Db } from '../../platform/db/index.ts';
import { MAX_ATTEMPTS, retryDelayMs } from './domain/index.ts';
import { attachmentsOf, claimDue, markAttemptFailed, markSent, type OutboxRow, type Recipient } from './outbox.repo.ts';

/** What the sender logs through (pino, Fastify's app.log, or a test double). */
export interface MailLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface RunResult {
  sent: number;
  failed: number;
  retried: number;
}

export interface MailSenderOptions {
  /** Messages claimed and sent together (the SMTP pool has as many connections). */
  batchSize?: number;
  /** At most this many messages per run, so one run never goes on for ever. */
  maxPerRun?: number;
  /** How long a claim holds. Far longer than a delivery can take with the SMTP timeouts below. */
  leaseMs?: number;
}

/**
 * The sender job: drains the outbox through SMTP.
 *
 * Delivery is at least once, and in practice exactly once. A message is
 * claimed with a lease (status sending) before it is sent, and marked sent
 * right after the server accepted it. A crash or restart while it is claimed
 * loses nothing: when the lease runs out, any sender claims it again. The one
 * window that cannot be closed is a crash after the SMTP server accepted the
 * message and before the outbox says so: then it is sent a second time, with
 * the same Message-ID, which lets mail clients and servers drop the copy.
 *
 * With no SMTP server configured (empty KONTOR_SMTP_URL) it does nothing and
 * mail waits in the outbox as pending until one is.
 */
export function createMailSender(
  deps: { db: Db; clock: Clock; config: Pick<Config, 'smtpUrl' | 'mailFrom'>; logger: MailLogger },
  options: MailSenderOptions = {},
) {
  const { db, clock, config, logger } = deps;
  const batchSize = options.batchSize ?? 5;
  const maxPerRun = options.maxPerRun ?? 200;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  let transporter: Transporter | null = null;

  function transport(): Transporter {
    transporter ??= nodemailer.createTransport({
      url: config.smtpUrl,
      pool: true,
      maxConnections: batchSize,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
      // Messages are built from our own fields only: never read files or URLs into them.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    return transporter;
  }

  const toAddresses = (json: string) => (JSON.parse(json) as Recipient[]).map((r) => (r.name ? { name: r.name, address: r.email } : r.email));

  async function deliver(row: OutboxRow): Promise<keyof RunResult> {
    let info: { response?: string | undefined; rejected?: unknown[] | undefined };
    try {
      const attachments = await attachmentsOf(db, row.id);
      info = await transport().sendMail({
        ...(attachments.length ? { attachments } : {}),
        from: config.mailFrom,
        to: toAddresses(row.to_json),
        cc: toAddresses(row.cc_json),
        subject: row.subject,
        text: row.body_text,
        ...(row.body_html ? { html: row.body_html } : {}),
        messageId: row.message_id,
        ...(row.in_reply_to ? { inReplyTo: row.in_reply_to } : {}),
        ...(row.references_header ? { references: row.references_header } : {}),
        // RFC 3834: an automatic message; well-behaved auto-responders do not answer it (no mail loops).
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (err) {
      return recordFailure(row, err);
    }
    const rejected = (info.rejected ?? []).map(String);
    try {
      await markSent(db, row.id, clock.now(), info.response ?? '', rejected.length ? `rejected recipients: ${rejected.join(', ')}` : null);
    } catch (err) {
      // The server has it; the lease will run out and it will be sent again (the documented window).
      logger.error({ err, mailId: row.id, messageId: row.message_id }, 'mail sent but not marked as sent');
    }
    return 'sent';
  }

  async function recordFailure(row: OutboxRow, err: unknown): Promise<keyof RunResult> {
    const e = err as { code?: string; responseCode?: number; message?: string };
    const error = [e.code, e.responseCode, e.message ?? String(err)].filter(Boolean).join(' ');
    const now = clock.now();
    const giveUp = row.attempts >= MAX_ATTEMPTS;
    const outcome = giveUp
      ? ({ status: 'failed' } as const)
      : ({ status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)) } as const);
    const written = await markAttemptFailed(db, row, now, outcome, error);
    if (!written) logger.warn({ mailId: row.id }, 'mail attempt outcome not written: another sender took the message over');
    else if (giveUp) logger.error({ mailId: row.id, attempts: row.attempts, error }, 'mail failed for good');
    else logger.warn({ mailId: row.id, attempts: row.attempts, error }, 'mail not sent, will retry');
    return giveUp ? 'failed' : 'retried';
  }

  async function drain(): Promise<RunResult> {
    const result: RunResult = { sent: 0, failed: 0, retried: 0 };
    if (!config.smtpUrl) return result;
    for (let handled = 0; handled < maxPerRun; ) {
      const now = clock.now();
      const batch = await claimDue(db, now, new Date(now.getTime() + leaseMs), Math.min(batchSize, maxPerRun - handled));
      if (batch.length === 0) break;
      for (const outcome of await Promise.all(batch.map(deliver))) result[outcome]++;
      handled += batch.length;
    }
    return result;
  }

  // One pass at a time, every intervalMs (default 5 s) until stop(): platform/periodic.ts.
  const job = periodicJob(drain, (err) => logger.error({ err }, 'mail sender run failed'));
  let warned = false;

  function start(intervalMs = 5_000): void {
    if (!config.smtpUrl && !warned) logger.warn({}, 'no mail server configured (KONTOR_SMTP_URL): outgoing mail waits in the outbox');
    warned = true;
    job.start(intervalMs);
  }

  /** Stops the timer, lets the run under way finish, and closes the SMTP connections. */
  async function stop(): Promise<void> {
    await job.stop();
    transporter?.close();
    transporter = null;
  }

  return { runOnce: job.runOnce, start, stop };
}

export type MailSender = ReturnType<typeof createMailSender>;
