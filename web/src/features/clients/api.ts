import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../app/api/client';
import type { Language } from '../../i18n';
import type { TicketSummary } from '../tickets/api';
import { clientTicketsQuery, RECENT_ROWS } from './related';

export interface Address {
  street: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface Client {
  id: number;
  name: string;
  companyId: string | null;
  vatId: string | null;
  /** The Slovak DIČ (10 digits), apart from the VAT id (IČ DPH). */
  taxId: string | null;
  country: string;
  registeredAddress: Address | null;
  billingAddress: Address | null;
  email: string | null;
  phone: string | null;
  language: Language;
  currency: string;
  paymentTermsDays: number;
  /** The provider's internal notes; left out for whoever may not read them (a client contact). */
  notes?: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ClientInput = Omit<Client, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export interface Contact {
  id: number;
  clientId: number;
  name: string;
  email: string | null;
  phone: string | null;
  language: Language;
  portalAccess: boolean;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ContactInput = Pick<Contact, 'name' | 'email' | 'phone' | 'language' | 'portalAccess' | 'active'>;

export type ActiveFilter = 'true' | 'false' | 'all';

export const clientKeys = {
  all: ['clients'] as const,
  list: (q: string, active: ActiveFilter) => ['clients', 'list', { q, active }] as const,
  detail: (id: number) => ['clients', 'detail', id] as const,
  contacts: (id: number) => ['clients', 'contacts', id] as const,
};

export function useClientsList(q: string, active: ActiveFilter) {
  return useInfiniteQuery({
    queryKey: clientKeys.list(q, active),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Client>>('/clients', { q, active, limit: 50, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useClient(id: number) {
  return useQuery({
    queryKey: clientKeys.detail(id),
    queryFn: ({ signal }) => api.get<Client>(`/clients/${id}`, undefined, signal),
    enabled: Number.isFinite(id),
  });
}

export function useContacts(clientId: number) {
  return useQuery({
    queryKey: clientKeys.contacts(clientId),
    queryFn: ({ signal }) => api.get<{ items: Contact[] }>(`/clients/${clientId}/contacts`, undefined, signal),
  });
}

/**
 * The client's newest tickets for its page: one short page of GET /tickets. Kept under the
 * ticket lists' key, which every change to a ticket refreshes; the `limit` in it keeps it
 * apart from the ticket list's own pages (their key holds the filters alone).
 */
export function useClientTickets(clientId: number) {
  const query = { ...clientTicketsQuery(clientId), limit: RECENT_ROWS };
  return useQuery({
    queryKey: ['tickets', 'list', query] as const,
    queryFn: ({ signal }) => api.get<Page<TicketSummary>>('/tickets', query, signal),
  });
}

export function useSaveClient(id: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<ClientInput> & { version?: number }) =>
      id === null ? api.post<Client>('/clients', body) : api.patch<Client>(`/clients/${id}`, body),
    onSuccess: (client) => {
      queryClient.setQueryData(clientKeys.detail(client.id), client);
      void queryClient.invalidateQueries({ queryKey: ['clients', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useSaveContact(clientId: number, contactId: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<ContactInput> & { version?: number }) =>
      contactId === null
        ? api.post<Contact>(`/clients/${clientId}/contacts`, body)
        : api.patch<Contact>(`/contacts/${contactId}`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: clientKeys.contacts(clientId) });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
