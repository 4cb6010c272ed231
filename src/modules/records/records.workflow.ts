import { recordAudit } from '../../platform/audit/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, invalid, staleVersion, type ErrorDetail } from '../../shared/errors.ts';
import { auditWhoOf, type RequestContext } from '../identity/index.ts';
import { require, stateOfRow, visibleRecordRow, type RecordsDeps } from './records.context.ts';
import { approveRefusal, returnRefusal, submitRefusal } from './records.policy.ts';
import * as repo from './records.repo.ts';

type State = 'draft' | 'submitted' | 'approved';

/** Moving records draft → submitted → approved (and back to draft); billed is for billing runs only. */
export function createRecordsWorkflow(deps: Pick<RecordsDeps, 'db' | 'clock'>) {
  const { db, clock } = deps;

  // Every move clears the reason of an earlier return except a return itself, which sets it.
  async function setState(trx: Tx, id: number, version: number, state: State, approvedBy: number | null, at: string | null, returnReason: string | null = null): Promise<void> {
    const ok = await repo.updateRecord(trx, id, version, { state, approved_by: approvedBy, approved_at: at, return_reason: returnReason, updated_at: clock.now().toISOString() });
    if (!ok) throw staleVersion('The record');
  }

  /** Submits one's own draft; technicians whose settings say so are approved at once (approvedBy stays empty: nobody looked). */
  async function submit(ctx: RequestContext, id: number): Promise<void> {
    require(ctx, 'records.write');
    const row = await visibleRecordRow(db, ctx, id);
    const refusal = submitRefusal(ctx.actor, stateOfRow(row));
    if (refusal) throw refusal;
    const auto = await repo.autoApproves(db, row.technician_id);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await setState(trx, id, row.version, auto ? 'approved' : 'submitted', null, auto ? now.toISOString() : null);
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'record', entityId: id, action: 'submit', before: { state: row.state }, after: { state: auto ? 'approved' : 'submitted', autoApproved: auto } });
    });
  }

  async function approve(ctx: RequestContext, id: number): Promise<void> {
    await approveMany(ctx, [id]);
  }

  /**
   * Approves every record or none: when any cannot be approved, nothing changes
   * and the answer lists each refused id with its reason.
   */
  async function approveMany(ctx: RequestContext, ids: readonly number[]): Promise<{ approved: number[] }> {
    require(ctx, 'records.approve');
    const unique = [...new Set(ids)];
    const rows: { id: number; version: number; state: string }[] = [];
    const rejected: { id: number; reasons: ErrorDetail[] }[] = [];
    for (const [i, id] of unique.entries()) {
      const row = await visibleRecordRow(db, ctx, id).catch(() => null);
      const why = row ? approveRefusal(stateOfRow(row)) : { code: 'not_found', message: 'Record not found' };
      if (why) rejected.push({ id, reasons: [{ path: `ids.${i}`, ...why }] });
      else rows.push({ id, version: row!.version, state: row!.state });
    }
    if (rejected.length) {
      if (ids.length === 1 && rejected[0]!.reasons[0]!.code === 'not_found') throw new AppError('not_found', 'not_found', 'Record not found');
      const first = rejected[0]!.reasons[0]!;
      throw new AppError(
        'conflict',
        ids.length === 1 ? first.code : 'approval_refused',
        ids.length === 1 ? first.message : `${rejected.length} of ${unique.length} records cannot be approved; none was approved`,
        { details: rejected.flatMap((r) => r.reasons), extra: { rejected } },
      );
    }
    const now = clock.now();
    const at = now.toISOString();
    await db.transaction().execute(async (trx) => {
      for (const r of rows) {
        await setState(trx, r.id, r.version, 'approved', ctx.actor.userId || null, at);
        await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'record', entityId: r.id, action: 'approve', before: { state: r.state }, after: { state: 'approved' } });
      }
    });
    return { approved: rows.map((r) => r.id) };
  }

  /**
   * An approver sends a submitted or approved record back to its technician as a
   * draft, saying why: the record shows the reason until it is changed or submitted again.
   */
  async function returnToDraft(ctx: RequestContext, id: number, reason: string | undefined): Promise<void> {
    require(ctx, 'records.approve');
    const row = await visibleRecordRow(db, ctx, id);
    const refusal = returnRefusal(stateOfRow(row));
    if (refusal) throw refusal;
    const why = reason?.trim() ?? '';
    if (!why) throw invalid([{ path: 'reason', code: 'required', message: 'Say why the record goes back: the technician sees the reason on the record' }]);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await setState(trx, id, row.version, 'draft', null, null, why);
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'record', entityId: id, action: 'return', before: { state: row.state }, after: { state: 'draft', reason: why } });
    });
  }

  return { submit, approve, approveMany, returnToDraft };
}

export type RecordsWorkflow = ReturnType<typeof createRecordsWorkflow>;
