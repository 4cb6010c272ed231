import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors will not change on retry; network blips may.
      retry: (count, error) => (isApiError(error) && error.status > 0 && error.status < 500 ? false : count < 2),
    },
    mutations: { retry: false },
  },
});
