/**
 * E-mailing many invoices at once: the ones just issued by "Issue all", or
 * every issued, not yet sent invoice and credit note of a period. Each goes
 * through the single send (same mail, same audit, its own transaction), to
 * the client's e-mail; one that cannot be sent is reported with its reason
 * and does not stop the others.
 *
 * Two steps, so the HTTP layer can stream progress: `prepareSendMany` checks the
 * permission and settles the list (its errors are the request's), then `run`
 * sends one by one and tells each outcome as it comes.
 */
import { AppError, forbidden } from '../../shared/errors.ts';
import type { Invoicing } from '../billing/index.ts';
import { hasPermission, type RequestContext } from '../identity/index.ts';

export type BulkSendRequest = { ids: number[] } | { period: string };

export interface BulkSendReport {
  sent: { id: number; number: string | null; to: string }[];
  notSent: { id: number; number: string | null; code: string; message: string }[];
}

/** What became of one document: sent to `to`, or not, with a stable code and the reason. */
export type BulkSendOutcome =
  | { id: number; number: string | null; sent: true; to: string }
  | { id: number; number: string | null; sent: false; code: string; message: string };

/** A checked bulk send: how many documents it will try, and the sending itself. */
export interface PreparedBulkSend {
  total: number;
  /** Sends each in turn; `onEach` hears every outcome with how many are done so far (1..total). */
  run(onEach?: (outcome: BulkSendOutcome, done: number) => void): Promise<BulkSendReport>;
}

/** Page size when collecting a period's unsent documents (the list's maximum). */
const PAGE = 200;

/** The single send (documents.invoices.ts), passed in so both share one path. */
type SendOne = (ctx: RequestContext, invoiceId: number) => Promise<{ to: string }>;

export function createBulkInvoiceSending(invoicing: Invoicing, sendOne: SendOne) {
  /** Ids of every issued (not yet sent) invoice and credit note of the period. */
  async function unsentOf(ctx: RequestContext, period: string): Promise<number[]> {
    const ids: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await invoicing.invoices.list(ctx, { period, state: 'issued', limit: PAGE, ...(cursor ? { cursor } : {}) });
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }

  /** Why a stored state is not "issued, not yet sent" (null when it is). */
  function notSendable(state: string): { code: string; message: string } | null {
    if (state === 'issued') return null;
    if (state === 'draft') return { code: 'not_issued', message: 'A draft cannot be sent; issue it first' };
    if (state === 'sent') return { code: 'already_sent', message: 'It was already sent; send it again from its detail if needed' };
    return { code: 'already_settled', message: `It is already ${state}; send it again from its detail if needed` };
  }

  /** One document: sent, or why not. Never throws: one document's failure must not stop the others. */
  async function sendOneOf(ctx: RequestContext, id: number): Promise<BulkSendOutcome> {
    let number: string | null = null;
    try {
      const invoice = await invoicing.invoices.get(ctx, id);
      number = invoice.number;
      const refusal = notSendable(invoice.state);
      if (refusal) return { id, number, sent: false, ...refusal };
      const { to } = await sendOne(ctx, id);
      return { id, number, sent: true, to };
    } catch (error) {
      // No e-mail on the client, an unknown id, a rendering error: this document's line in the report.
      const { code, message } = error instanceof AppError ? error : { code: 'send_failed', message: error instanceof Error ? error.message : String(error) };
      return { id, number, sent: false, code, message };
    }
  }

  /** Checks the permission and settles which documents to try; nothing is sent yet, so its errors are the request's. */
  async function prepareSendMany(ctx: RequestContext, request: BulkSendRequest): Promise<PreparedBulkSend> {
    if (!hasPermission(ctx.actor, 'invoices.payments')) throw forbidden();
    const ids = 'ids' in request ? [...new Set(request.ids)] : await unsentOf(ctx, request.period);
    return {
      total: ids.length,
      async run(onEach) {
        const report: BulkSendReport = { sent: [], notSent: [] };
        for (const [index, id] of ids.entries()) {
          const outcome = await sendOneOf(ctx, id);
          if (outcome.sent) report.sent.push({ id, number: outcome.number, to: outcome.to });
          else report.notSent.push({ id, number: outcome.number, code: outcome.code, message: outcome.message });
          onEach?.(outcome, index + 1);
        }
        return report;
      },
    };
  }

  async function sendMany(ctx: RequestContext, request: BulkSendRequest): Promise<BulkSendReport> {
    return (await prepareSendMany(ctx, request)).run();
  }

  return { prepareSendMany, sendMany };
}
