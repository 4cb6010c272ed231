// Company settings: the supplier printed on invoices (GET/PUT /settings/company) and its logo.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, API_BASE } from '../../app/api/client';
import { SESSION_KEY } from '../../app/auth/session';

export interface CompanySettings {
  name: string;
  companyId: string | null;
  vatId: string | null;
  taxId: string | null;
  vatPayer: boolean;
  street: string;
  city: string;
  postalCode: string;
  country: string;
  email: string | null;
  phone: string | null;
  bankAccount: string | null;
  iban: string | null;
  bic: string | null;
  registration: string | null;
  footerText: string | null;
  /** The footer of documents in that language; null: `footerText` prints. */
  footerTextCs: string | null;
  footerTextSk: string | null;
  footerTextEn: string | null;
  roundTotalsCzk: boolean;
  roundTotalsEur: boolean;
  defaultCountry: string;
  logo: { contentType: string; size: number; sha256: string } | null;
  complete: boolean;
  version: number;
  updatedAt: string;
}

export type CompanySettingsInput = Omit<CompanySettings, 'logo' | 'complete' | 'updatedAt'>;

const PATH = '/settings/company';
const key = ['settings', 'company'] as const;

/** Where the browser loads the logo from; the hash in the query makes a new upload show at once. */
export function logoUrl(sha256: string): string {
  return `${API_BASE}${PATH}/logo?v=${sha256.slice(0, 12)}`;
}

export function useCompanySettings() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<CompanySettings>(PATH, undefined, signal) });
}

function useSettingsMutation<V>(fn: (value: V) => Promise<CompanySettings>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      // The session carries the default country of new clients.
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

export function useSaveCompanySettings() {
  return useSettingsMutation((input: CompanySettingsInput) => apiRequest<CompanySettings>(PATH, { method: 'PUT', body: input }));
}

export function useUploadLogo() {
  return useSettingsMutation((file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiRequest<CompanySettings>(`${PATH}/logo`, { method: 'PUT', body: form });
  });
}

export function useDeleteLogo() {
  return useSettingsMutation(() => api.delete<CompanySettings>(`${PATH}/logo`));
}
