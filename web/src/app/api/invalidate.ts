import { type QueryKey, useQueryClient } from '@tanstack/react-query';

/**
 * After a change: refetches the queries under each of `keys`, and the audit log
 * (every change writes an audit entry). Use as a mutation's onSuccess.
 */
export function useInvalidateWithAudit(...keys: QueryKey[]): () => void {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}
