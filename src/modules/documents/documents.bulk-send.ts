/**
 * E-mailing many invoices at once: the ones just issued by "Issue all", or
 * every issued, not yet sent invoice and credit note of a period. Each goes
 * through the single send (same mail, same audit, its own transaction), to
 * the client's e-mail; one that cannot be sent is reported with its reason
 * and does not stop the others.
 */
import { AppError, forbidden } from '../../shared/errors.ts';
import type { Invoicing } from '../billing/index.ts';
import { hasPermission, type RequestContext } from '../identity/index.ts';

export type BulkSendRequest = { ids: number[] } | { period: string };

export interface BulkSendReport {
  sent: { id: number; number: string | null; to: string }[];
  notSent: { id: number; number: string | null; code: string; message: string }[];
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

  async function sendMany(ctx: RequestContext, request: BulkSendRequest): Promise<BulkSendReport> {
    if (!hasPermission(ctx.actor, 'invoices.payments')) throw forbidden();
    const ids = 'ids' in request ? [...new Set(request.ids)] : await unsentOf(ctx, request.period);
    const report: BulkSendReport = { sent: [], notSent: [] };
    for (const id of ids) {
      let number: string | null = null;
      try {
        const invoice = await invoicing.invoices.get(ctx, id);
        number = invoice.number;
        const refusal = notSendable(invoice.state);
        if (refusal) {
          report.notSent.push({ id, number, ...refusal });
          continue;
        }
        const { to } = await sendOne(ctx, id);
        report.sent.push({ id, number, to });
      } catch (error) {
        // One document's failure (no e-mail on the client, unknown id, a rendering error) is its own line in the report.
        const { code, message } = error instanceof AppError ? error : { code: 'send_failed', message: error instanceof Error ? error.message : String(error) };
        report.notSent.push({ id, number, code, message });
      }
    }
    return report;
  }

  return { sendMany };
}
