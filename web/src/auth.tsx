/** Who is logged in (GET /api/v1/auth/me), and logging in and out. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, ApiError } from './api.ts';

export type Role = 'enterprise' | 'reviewer' | 'bank' | 'provider' | 'chamber' | 'admin';

export interface User {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  level: string | null;
  uscc: string | null;
  organization: string | null;
}

/** The current user, or null when nobody is logged in. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api<User>('/api/v1/auth/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { username: string; password: string }) =>
      api<{ user: User; csrfToken: string }>('/api/v1/auth/login', { body: v }),
    onSuccess: (r) => {
      qc.clear();
      qc.setQueryData(['me'], r.user);
    },
  });
}

/**
 * Logs out (`everywhere`: every session of the user, and all their API tokens revoked) and goes
 * home; the cache is dropped only after leaving, so the page left behind never refetches as nobody.
 */
export function useLogout() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (everywhere?: boolean) =>
      api<void>(`/api/v1/auth/logout${everywhere ? '?everywhere=true' : ''}`, { method: 'POST' }),
    onSuccess: async () => {
      await navigate('/');
      qc.clear();
      qc.setQueryData(['me'], null);
    },
  });
}

/** Where each role starts after logging in. */
export const homeOf = (role: Role): string =>
  role === 'enterprise' ? '/portal' : role === 'reviewer' || role === 'admin' ? '/console' : '/calculator';
