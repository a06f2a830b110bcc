/** The frame of every page: header with role-aware navigation, language switch, login state. */
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import { useLogout, useMe } from '../auth.tsx';
import { useI18n } from '../i18n/index.tsx';
import { InboxLink } from './InboxLink.tsx';

export function AppLayout() {
  const { t, lang, setLang } = useI18n();
  const me = useMe().data;
  const logout = useLogout();
  const { pathname } = useLocation();
  const items = [
    { key: '/', label: <Link to="/">{t('nav.home')}</Link> },
    { key: '/calculator', label: <Link to="/calculator">{t('nav.calculator')}</Link> },
    { key: '/policies', label: <Link to="/policies">{t('nav.policies')}</Link> },
    ...(me?.role === 'enterprise'
      ? [
          { key: '/portal', label: <Link to="/portal">{t('nav.portal')}</Link> },
          { key: '/applications', label: <Link to="/applications">{t('nav.applications')}</Link> },
          { key: '/claims', label: <Link to="/claims">{t('nav.claims')}</Link> },
        ]
      : []),
    ...(me?.role === 'reviewer' || me?.role === 'admin'
      ? [
          { key: '/console', label: <Link to="/console">{t('nav.console')}</Link> },
          { key: '/console/applications', label: <Link to="/console/applications">{t('nav.review')}</Link> },
          { key: '/console/delivery', label: <Link to="/console/delivery">{t('nav.delivery')}</Link> },
          { key: '/console/sandbox', label: <Link to="/console/sandbox">{t('nav.sandbox')}</Link> },
        ]
      : []),
    { key: '/notices', label: <Link to="/notices">{t('nav.notices')}</Link> },
    { key: '/register', label: <Link to="/register">{t('nav.register')}</Link> },
    ...(me ? [{ key: '/inbox', label: <InboxLink /> }] : []),
  ];
  // The longest matching entry is the one selected (/console/applications, not also /console).
  const matching = items.map((i) => i.key).filter((k) => (k === '/' ? pathname === '/' : pathname.startsWith(k)));
  const selected = matching.sort((a, b) => b.length - a.length).slice(0, 1);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16, flexWrap: 'nowrap' }}>
        <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={selected}
          items={items}
          // Clipped while antd measures which items fold into "…", so a phone never scrolls sideways.
          style={{ flex: 1, minWidth: 0, overflow: 'hidden' }}
          aria-label="main navigation"
        />
        <Space size="small">
          <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} aria-label="switch language">
            {t('nav.language')}
          </Button>
          {me ? (
            <>
              <Typography.Text style={{ color: '#fff' }} className="hq-user">
                {me.displayName}（{t(`role.${me.role}`)}）
              </Typography.Text>
              <Link to="/tokens" style={{ color: '#fff', whiteSpace: 'nowrap' }} data-testid="nav-tokens">
                {t('nav.tokens')}
              </Link>
              <Button size="small" onClick={() => logout.mutate()}>
                {t('nav.logout')}
              </Button>
            </>
          ) : (
            <Link to="/login">
              <Button size="small" type="primary">
                {t('nav.login')}
              </Button>
            </Link>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        {t('app.name')} · {t('app.tagline')} · <a href="/api/docs">{t('nav.apiDocs')}</a>
      </Layout.Footer>
    </Layout>
  );
}
