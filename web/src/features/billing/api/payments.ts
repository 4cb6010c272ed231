// Payments, refunds and their reversals on an invoice, and credit notes that correct it.
import { api } from '../../../app/api/client';
import { useBillingMutation } from './keys';

/** Who recorded a payment entry (null: the system). */
export type RecordedBy = { id: number; name: string } | null;

/** A payment, refund (negative) or reversal (reversesPaymentId set); a reversed entry names its reversal. */
export interface PaymentEntry {
  id: number;
  date: string;
  amountMinor?: number;
  /** The note typed with it; a reversal's reason. */
  note: string;
  createdAt: string;
  createdBy: RecordedBy;
  reversesPaymentId: number | null;
  reversal: { id: number; date: string; reason: string; createdAt: string; createdBy: RecordedBy } | null;
}

export type CreditNoteInput =
  | { reason: string; full: true; releaseRecords?: boolean }
  | { reason: string; lines: { lineId: number; amountMinor: number }[] };

/** allowOverpayment: the client paid more than is due (e.g. twice); the excess becomes the refund due. */
export const useRecordPayment = (id: number) => useBillingMutation((p: { date: string; amountMinor: number; note?: string; allowOverpayment?: boolean }) => api.post(`/invoices/${id}/payments`, p));
/** Money paid back to the client (amount positive; the server stores it as a negative payment). */
export const useRecordRefund = (id: number) => useBillingMutation((p: { date: string; amountMinor: number; note?: string }) => api.post(`/invoices/${id}/refunds`, p));
/** Takes back a payment or refund recorded by mistake: the server adds a reversal entry with the reason. */
export const useReversePayment = (id: number) => useBillingMutation((p: { paymentId: number; reason: string }) => api.post(`/invoices/${id}/payments/${p.paymentId}/reversal`, { reason: p.reason }));
export const useCreditNote = (id: number) => useBillingMutation((p: CreditNoteInput) => api.post<{ id: number }>(`/invoices/${id}/credit-notes`, p));
