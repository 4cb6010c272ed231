import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { SavedView, ViewFilters } from './savedViews';

const viewsKey = ['tickets', 'saved-views'] as const;

export function useSavedViews() {
  return useQuery({ queryKey: viewsKey, queryFn: ({ signal }) => api.get<{ items: SavedView[] }>('/ticket-views', undefined, signal), staleTime: 60_000 });
}

function useViewMutation<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsKey }) });
}

export const useCreateView = () => useViewMutation((body: { name: string; filters: ViewFilters; shared: boolean }) => api.post<SavedView>('/ticket-views', body));
export const useShareView = () => useViewMutation(({ id, shared }: { id: number; shared: boolean }) => api.patch<SavedView>(`/ticket-views/${id}`, { shared }));
export const useDeleteView = () => useViewMutation((id: number) => api.delete(`/ticket-views/${id}`));
