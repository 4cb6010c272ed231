import type { Readable } from 'node:stream';
import { recordAudit } from '../../platform/audit/index.ts';
import { TooLarge, type FileStore } from '../../platform/storage.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { auditWhoOf, ticketScopeOf, type RequestContext } from '../identity/index.ts';
import { require, visibleTicketRow, type TicketsDeps } from './tickets.context.ts';
import { visibleTicketIds } from './tickets.read.ts';
import * as repo from './tickets.repo.ts';

export interface Attachment {
  id: number;
  ticketId: number;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

/** Files on tickets: streamed to the content-addressed store, then recorded with the ticket's timeline. */
export function createAttachments(deps: TicketsDeps & { files: FileStore; maxBytes: number }) {
  const { db, clock, files, maxBytes } = deps;

  async function upload(ctx: RequestContext, ticketId: number, file: { filename: string; mimetype: string; stream: Readable }): Promise<Attachment> {
    require(ctx, 'tickets.write');
    await visibleTicketRow(db, ctx, ticketId);
    let stored: { sha256: string; size: number };
    try {
      stored = await files.put(file.stream, maxBytes);
    } catch (error) {
      if (error instanceof TooLarge) throw new AppError('payload_too_large', 'attachment_too_large', `The file is larger than the limit of ${maxBytes} bytes`, { extra: { maxBytes } });
      throw error;
    }
    const filename = file.filename.replace(/[\\/\0]/g, '_').slice(0, 200) || 'file';
    const now = clock.now();
    const at = now.toISOString();
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('attachments')
        .values({ ticket_id: ticketId, comment_id: null, filename, content_type: file.mimetype.slice(0, 100), size: stored.size, sha256: stored.sha256, uploaded_by: ctx.actor.userId || null, created_at: at })
        .returningAll()
        .executeTakeFirstOrThrow();
      await repo.insertEvents(trx, ticketId, at, { userId: ctx.actor.userId || null, name: ctx.actor.name }, [{ kind: 'attachment', field: 'attachments', after: { id: row.id, filename, size: stored.size } }]);
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'ticket', entityId: ticketId, action: 'attach', after: { attachmentId: row.id, filename, size: stored.size, sha256: stored.sha256 } });
      return toAttachment(row);
    });
  }

  async function list(ctx: RequestContext, ticketId: number): Promise<Attachment[]> {
    require(ctx, 'tickets.read');
    await visibleTicketRow(db, ctx, ticketId);
    const rows = await db.selectFrom('attachments').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute();
    return rows.map(toAttachment);
  }

  async function download(ctx: RequestContext, id: number): Promise<{ attachment: Attachment; stream: Readable }> {
    require(ctx, 'tickets.read');
    const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !(await visibleTicketIds(db, [row.ticket_id], ticketScopeOf(ctx.actor))).length) throw notFound('Attachment');
    return { attachment: toAttachment(row), stream: files.open(row.sha256) };
  }

  return { upload, list, download };
}

function toAttachment(r: { id: number; ticket_id: number; filename: string; content_type: string; size: number; sha256: string; created_at: string }): Attachment {
  return { id: r.id, ticketId: r.ticket_id, filename: r.filename, contentType: r.content_type, size: r.size, sha256: r.sha256, createdAt: r.created_at };
}

export type Attachments = ReturnType<typeof createAttachments>;
