/** 认定名单公示 (/notices, public): every notice, the open ones first, with its period and state. */
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useNotices, type Notice } from '../../components/recognition/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { QueryError } from '../../layout/ErrorPage.tsx';
import { NoticeStateTag } from './NoticeStateTag.tsx';

type Row = Omit<Notice, 'firms'>;

const ORDER: Record<Notice['state'], number> = { open: 0, ended: 1, decided: 2 };

export default function NoticeList() {
  const { t } = useI18n();
  const notices = useNotices();
  if (notices.error) return <QueryError error={notices.error} onRetry={() => void notices.refetch()} />;
  // The server sorts by end date; a reader looks for the ones still taking objections first.
  const rows = [...(notices.data ?? [])].sort((a, b) => ORDER[a.state] - ORDER[b.state]);
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('notice.list.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
        {t('notice.list.intro')}
      </Typography.Paragraph>
      <Table<Row>
        data-testid="notice-list"
        rowKey="id"
        loading={notices.isPending}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('notice.list.empty') }}
        columns={[
          {
            key: 'title',
            title: t('notice.col.title'),
            render: (_, n) => (
              <Link to={`/notices/${n.id}`} data-testid={`notice-${n.id}`}>
                {n.title}
              </Link>
            ),
          },
          { key: 'region', title: t('notice.col.region'), render: (_, n) => n.regionName ?? '—' },
          {
            key: 'period',
            title: t('notice.col.period'),
            render: (_, n) => t('apply.range', { from: n.startsOn, to: n.endsOn }),
          },
          { key: 'state', title: t('notice.col.state'), render: (_, n) => <NoticeStateTag state={n.state} /> },
        ]}
      />
    </Card>
  );
}
