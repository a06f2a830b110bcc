/**
 * Every policy document at once: the list (`GET /api/v1/policies`) names the policies but not their
 * kind or reward terms, so the library and the sandbox read each document — the same cache entries
 * the policy page and the calculator use.
 */
import { useQueries } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { usePolicies, type PolicyDocument } from '../evaluation/index.ts';

export function usePolicyLibrary() {
  const list = usePolicies();
  const docs = useQueries({
    queries: (list.data ?? []).map((p) => ({
      queryKey: ['policy', p.id],
      queryFn: () => api<PolicyDocument>(`/api/v1/policies/${encodeURIComponent(p.id)}`),
      staleTime: 5 * 60_000,
    })),
    combine: (results) => ({
      data: results.every((r) => r.data) ? results.map((r) => r.data!) : undefined,
      error: results.find((r) => r.error)?.error ?? null,
      refetch: () => results.forEach((r) => void r.refetch()),
    }),
  });
  return {
    data: list.data ? docs.data : undefined,
    error: list.error ?? docs.error,
    refetch: () => (list.error ? void list.refetch() : docs.refetch()),
  };
}
