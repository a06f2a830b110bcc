import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe, type Role } from '../auth.tsx';
import { ErrorPage } from './ErrorPage.tsx';

/** Only for these roles: others see 403, anonymous users go to the login page and come back. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const me = useMe();
  const { pathname } = useLocation();
  if (me.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(pathname)}`} replace />;
  if (!roles.includes(me.data.role)) return <ErrorPage kind="403" />;
  return <>{children}</>;
}
