import { AppError } from '../../shared/errors.ts';
import { hasPermission, type Actor } from '../identity/index.ts';

/**
 * Who may change a service record, and when not at all (pure). Billed records
 * are locked for everyone: the invoice they are on must never change. Approved
 * ones need records.edit_approved; other people's need records.approve.
 */
export interface RecordState {
  kind?: 'work' | 'travel' | 'fee' | 'material';
  technicianId: number;
  state: 'draft' | 'submitted' | 'approved' | 'billed';
  billedInvoiceId: number | null;
}

export function lockedError(invoiceId: number | null): AppError {
  const where = invoiceId === null ? 'on an invoice' : `on invoice ${invoiceId}`;
  return new AppError('conflict', 'record_locked', `The record is billed ${where} and locked: it cannot be changed or deleted`, { extra: { invoiceId } });
}

export function isLocked(r: RecordState): boolean {
  return r.state === 'billed' || r.billedInvoiceId !== null;
}

const isOwn = (actor: Actor, r: RecordState) => actor.userId !== 0 && r.technicianId === actor.userId;

/** Why the actor may not edit or delete the record, or null when they may. */
export function changeRefusal(actor: Actor, r: RecordState, action: 'change' | 'delete'): AppError | null {
  if (isLocked(r)) return lockedError(r.billedInvoiceId);
  if (r.kind === 'material') return new AppError('conflict', 'material_record', `Material is changed through its stock issue slip; this record cannot be ${action}d here`);
  if (!hasPermission(actor, 'records.write')) return new AppError('forbidden', 'forbidden', 'You are not allowed to do this');
  if (r.state === 'approved' && !hasPermission(actor, 'records.edit_approved')) {
    return new AppError('forbidden', 'record_approved', `The record is approved; to ${action} it you need the right to edit approved records`);
  }
  if (!isOwn(actor, r) && !hasPermission(actor, 'records.approve')) {
    return new AppError('forbidden', 'not_own_record', `Only the technician of the record or an approver may ${action} it`);
  }
  return null;
}

/** Why the actor may not submit the record, or null. */
export function submitRefusal(actor: Actor, r: RecordState): AppError | null {
  if (isLocked(r)) return lockedError(r.billedInvoiceId);
  if (!isOwn(actor, r) && !hasPermission(actor, 'records.approve')) {
    return new AppError('forbidden', 'not_own_record', 'Only the technician of the record or an approver may submit it');
  }
  if (r.state !== 'draft') return new AppError('conflict', 'invalid_state', `The record is ${r.state}; only a draft can be submitted`);
  return null;
}

/** Why the record cannot be approved (the caller holds records.approve), as a detail for bulk reports. */
export function approveRefusal(r: RecordState): { code: string; message: string } | null {
  if (isLocked(r)) return { code: 'record_locked', message: `The record is billed${r.billedInvoiceId === null ? '' : ` on invoice ${r.billedInvoiceId}`}` };
  if (r.state === 'approved') return { code: 'already_approved', message: 'The record is already approved' };
  if (r.state !== 'submitted') return { code: 'not_submitted', message: `The record is a ${r.state}; it must be submitted first` };
  return null;
}

/** Why the record cannot go back to draft, or null. */
export function returnRefusal(r: RecordState): AppError | null {
  if (isLocked(r)) return lockedError(r.billedInvoiceId);
  if (r.state === 'draft') return new AppError('conflict', 'invalid_state', 'The record is already a draft');
  return null;
}
