/** The web app: providers (locale, data cache, language) and the routes, with pages loaded on demand. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import './global.css';
import { lazy, StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api.ts';
import { I18nProvider, useI18n } from './i18n/index.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { ErrorPage } from './layout/ErrorPage.tsx';
import { RequireRole } from './layout/RequireRole.tsx';
import Home from './pages/Home.tsx';
import Login from './pages/Login.tsx';

const CalculatorPage = lazy(() => import('./pages/calculator/CalculatorPage.tsx'));
const PolicyPage = lazy(() => import('./pages/policies/PolicyPage.tsx'));
const PolicyLibrary = lazy(() => import('./pages/policies/PolicyLibrary.tsx'));
const PortalPage = lazy(() => import('./pages/portal/PortalPage.tsx'));
const Dashboard = lazy(() => import('./pages/console/Dashboard.tsx'));
const EnterpriseList = lazy(() => import('./pages/console/EnterpriseList.tsx'));
const EnterpriseDetail = lazy(() => import('./pages/console/EnterpriseDetail.tsx'));
const ImportPage = lazy(() => import('./pages/console/ImportPage.tsx'));
const MyApplications = lazy(() => import('./pages/applications/MyApplications.tsx'));
const ApplicationPage = lazy(() => import('./pages/applications/ApplicationPage.tsx'));
const NoticeList = lazy(() => import('./pages/notices/NoticeList.tsx'));
const NoticePage = lazy(() => import('./pages/notices/NoticePage.tsx'));
const RegisterPage = lazy(() => import('./pages/register/RegisterPage.tsx'));
const TitlePage = lazy(() => import('./pages/register/TitlePage.tsx'));
const InboxPage = lazy(() => import('./pages/InboxPage.tsx'));
const TokensPage = lazy(() => import('./pages/TokensPage.tsx'));
const ReviewQueue = lazy(() => import('./pages/console/review/ReviewQueue.tsx'));
const ReviewPage = lazy(() => import('./pages/console/review/ReviewPage.tsx'));
const BatchesPage = lazy(() => import('./pages/console/review/BatchesPage.tsx'));
const NoticeReview = lazy(() => import('./pages/console/review/NoticeReview.tsx'));
const DeliveryPage = lazy(() => import('./pages/console/delivery/DeliveryPage.tsx'));
const MyClaims = lazy(() => import('./pages/claims/MyClaims.tsx'));
const ClaimPage = lazy(() => import('./pages/claims/ClaimPage.tsx'));
const SandboxPage = lazy(() => import('./pages/console/sandbox/SandboxPage.tsx'));

const page = (node: ReactNode) => (
  <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>{node}</Suspense>
);
const officers = (node: ReactNode) => page(<RequireRole roles={['reviewer', 'admin']}>{node}</RequireRole>);
const firms = (node: ReactNode) => page(<RequireRole roles={['enterprise']}>{node}</RequireRole>);
const anyone = (node: ReactNode) =>
  page(<RequireRole roles={['enterprise', 'reviewer', 'admin', 'bank', 'provider', 'chamber']}>{node}</RequireRole>);

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <Home /> },
      { path: '/login', element: <Login /> },
      { path: '/calculator', element: page(<CalculatorPage />) },
      { path: '/policies', element: page(<PolicyLibrary />) },
      { path: '/policies/:id', element: page(<PolicyPage />) },
      {
        path: '/portal',
        element: page(
          <RequireRole roles={['enterprise']}>
            <PortalPage />
          </RequireRole>,
        ),
      },
      { path: '/console', element: officers(<Dashboard />) },
      { path: '/console/enterprises', element: officers(<EnterpriseList />) },
      { path: '/console/enterprises/:uscc', element: officers(<EnterpriseDetail />) },
      { path: '/console/imports', element: officers(<ImportPage />) },
      { path: '/console/applications', element: officers(<ReviewQueue />) },
      { path: '/console/applications/:id', element: officers(<ReviewPage />) },
      { path: '/console/batches', element: officers(<BatchesPage />) },
      { path: '/console/notices/:id', element: officers(<NoticeReview />) },
      { path: '/console/delivery', element: officers(<DeliveryPage />) },
      { path: '/console/sandbox', element: officers(<SandboxPage />) },
      { path: '/applications', element: firms(<MyApplications />) },
      { path: '/applications/:id', element: firms(<ApplicationPage />) },
      { path: '/claims', element: firms(<MyClaims />) },
      { path: '/claims/:id', element: firms(<ClaimPage />) },
      { path: '/notices', element: page(<NoticeList />) },
      { path: '/notices/:id', element: page(<NoticePage />) },
      { path: '/register', element: page(<RegisterPage />) },
      { path: '/register/:id', element: page(<TitlePage />) },
      { path: '/inbox', element: anyone(<InboxPage />) },
      { path: '/tokens', element: anyone(<TokensPage />) },
      { path: '*', element: <ErrorPage kind="404" /> },
    ],
  },
]);

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers are final; only a network failure is worth a second try.
      retry: (n, e) => !(e instanceof ApiError) && n < 1,
      refetchOnWindowFocus: false,
    },
  },
});

function Providers() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1677ff' } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <I18nProvider>
        <Providers />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
