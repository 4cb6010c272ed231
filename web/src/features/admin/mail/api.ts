import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, type Page } from '../../../app/api/client';
import type { Language } from '../../../i18n';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface Recipient {
  email: string;
  name: string | null;
}

export interface OutboxItem {
  id: number;
  to: Recipient[];
  cc: Recipient[];
  subject: string;
  messageId: string;
  ticketId: number | null;
  templateKey: string | null;
  language: string | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface OutboxMessage extends OutboxItem {
  text: string;
  html: string | null;
  inReplyTo: string | null;
  references: string[];
  smtpResponse: string | null;
  updatedAt: string;
  /** The files sent with it: names and sizes only. */
  attachments: { filename: string; contentType: string; sizeBytes: number }[];
}

export interface MailStatus {
  smtpConfigured: boolean;
  pending: number;
  failed: number;
}

export interface MailTemplate {
  key: string;
  language: Language;
  subject: string;
  body: string;
  overridden: boolean;
  updatedAt: string | null;
  placeholders: string[];
  /** The preview can fill this template from a real ticket (a mail about a ticket: to its client, an SLA escalation or a colleagues' update to staff). */
  ticketPreview: boolean;
}

export interface TemplateText {
  subject: string;
  body: string;
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

export function useMailStatus() {
  return useQuery({
    queryKey: ['mail', 'status'],
    queryFn: ({ signal }) => api.get<MailStatus>('/mail/status', undefined, signal),
    refetchInterval: 30_000,
  });
}

export function useOutbox(status: OutboxStatus | null) {
  return useInfiniteQuery({
    queryKey: ['mail', 'outbox', status],
    queryFn: ({ pageParam, signal }) => api.get<Page<OutboxItem>>('/mail/outbox', { status, limit: 50, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useOutboxMessage(id: number | null) {
  return useQuery({
    queryKey: ['mail', 'message', id],
    queryFn: ({ signal }) => api.get<OutboxMessage>(`/mail/outbox/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useRetryMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<OutboxMessage>(`/mail/outbox/${id}/retry`),
    onSuccess: (message) => {
      queryClient.setQueryData(['mail', 'message', message.id], message);
      void queryClient.invalidateQueries({ queryKey: ['mail', 'outbox'] });
      void queryClient.invalidateQueries({ queryKey: ['mail', 'status'] });
    },
    // Refused (e.g. someone else sent it again meanwhile: not_failed): show the mail as it is now,
    // so the page stops offering a retry that cannot succeed.
    onError: (_error, id) => {
      void queryClient.invalidateQueries({ queryKey: ['mail', 'message', id] });
      void queryClient.invalidateQueries({ queryKey: ['mail', 'outbox'] });
      void queryClient.invalidateQueries({ queryKey: ['mail', 'status'] });
    },
  });
}

export function useTemplates() {
  return useQuery({ queryKey: ['mail', 'templates'], queryFn: ({ signal }) => api.get<{ items: MailTemplate[] }>('/mail/templates', undefined, signal) });
}

const templatePath = (key: string, language: string) => `/mail/templates/${encodeURIComponent(key)}/${language}`;

function useTemplateMutation(run: (vars: { key: string; language: Language; body?: TemplateText }) => Promise<MailTemplate>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (saved) => {
      queryClient.setQueryData<{ items: MailTemplate[] }>(['mail', 'templates'], (old) =>
        old ? { items: old.items.map((x) => (x.key === saved.key && x.language === saved.language ? saved : x)) } : old,
      );
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useSaveTemplate() {
  return useTemplateMutation(({ key, language, body }) => apiRequest<MailTemplate>(templatePath(key, language), { method: 'PUT', body }));
}

export function useResetTemplate() {
  return useTemplateMutation(({ key, language }) => api.delete<MailTemplate>(templatePath(key, language)));
}

/** The text rendered with sample values, or with the values of the ticket numbered `ticketNumber` (404 when there is none the user may see). */
export function previewTemplate(key: string, language: Language, body: TemplateText & { ticketNumber?: string }, signal?: AbortSignal): Promise<Rendered> {
  return apiRequest<Rendered>(`${templatePath(key, language)}/preview`, { method: 'POST', body, signal });
}
