// Sending issued documents by e-mail, one or many, and marking one sent by hand.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api/client';
import { sendManyWithProgress, type BulkSendProgress } from '../bulkSendStream';
import { billingKeys, useBillingMutation } from './keys';

export const useMarkSent = (id: number) => useBillingMutation(() => api.post(`/invoices/${id}/mark-sent`));

export interface SentInvoice {
  outboxId: number;
  to: string;
  subject: string;
  state: string;
}
/** E-mails the issued document as PDF (to the client's address unless `to` is given); an issued invoice becomes sent. */
export const useSendInvoice = (id: number) => useBillingMutation((p: { to?: string }) => api.post<SentInvoice>(`/invoices/${id}/send`, p));

/** What e-mailing many invoices at once did: each sent one with its recipient, each other one with why not. */
export interface BulkSendReport {
  sent: { id: number; number: string | null; to: string }[];
  notSent: { id: number; number: string | null; code: string; message: string }[];
}
/**
 * E-mails the given invoices, or every issued, unsent one of a month, to their clients' e-mails,
 * telling `onProgress` how far the server is ("k of N") as it goes.
 */
export function useSendMany(onProgress: (p: BulkSendProgress) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { ids: number[] } | { period: string }) => sendManyWithProgress(p, { onProgress }),
    // After an interrupted answer too: some documents were sent by then.
    onSettled: () => void qc.invalidateQueries({ queryKey: billingKeys.all }),
  });
}

/** The client's e-mail address the document is sent to by default (the document's customer). */
export function useCustomerEmail(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['billing', 'document', id],
    queryFn: async ({ signal }) => (await api.get<{ customer: { email: string | null } }>(`/invoices/${id}/document`, undefined, signal)).customer.email,
    enabled,
  });
}
