/** 我的待办: what needs the caller's action, overdue first, each with its due date and a link to act. */
import { Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth.tsx';
import { DueTag, useInbox, type InboxItem } from '../components/recognition/index.ts';
import { useI18n } from '../i18n/index.tsx';
import { QueryError } from '../layout/ErrorPage.tsx';

/** Where an item is acted on, for the caller's role. */
function linkOf(item: InboxItem, officer: boolean): string {
  const { type, id } = item.link;
  if (type === 'application') return officer ? `/console/applications/${id}` : `/applications/${id}`;
  if (type === 'batch') return `/console/batches?batch=${id}`;
  if (type === 'notice') return officer ? `/console/notices/${id}` : `/notices/${id}`;
  if (type === 'claim') return `/claims/${id}`;
  if (type === 'enterprise') return `/console/enterprises/${id}`;
  return `/register/${id}`;
}

export default function InboxPage() {
  const { t, pick } = useI18n();
  const me = useMe().data;
  const inbox = useInbox();
  const [category, setCategory] = useState<'all' | InboxItem['category']>('all');
  if (inbox.error) return <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />;
  const items = inbox.data ?? [];
  const shown = category === 'all' ? items : items.filter((i) => i.category === category);
  const count = (c: InboxItem['category']) => items.filter((i) => i.category === c).length;
  const officer = me?.role === 'reviewer' || me?.role === 'admin';
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('inbox.title')}
        </Typography.Title>
      }
    >
      <Segmented
        style={{ marginBottom: 16 }}
        value={category}
        onChange={(v) => setCategory(v as typeof category)}
        options={[
          { value: 'all', label: `${t('inbox.all')} ${items.length}` },
          { value: 'todo', label: `${t('inbox.category.todo')} ${count('todo')}` },
          { value: 'correction', label: `${t('inbox.category.correction')} ${count('correction')}` },
          { value: 'expiring', label: `${t('inbox.category.expiring')} ${count('expiring')}` },
        ]}
      />
      <List
        loading={inbox.isPending}
        data-testid="inbox"
        dataSource={shown}
        locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
        renderItem={(i) => (
          <List.Item
            data-testid="inbox-item"
            data-kind={i.kind}
            actions={[
              <Link key="open" to={linkOf(i, officer)}>
                {t('inbox.open')}
              </Link>,
            ]}
          >
            <Space wrap>
              <Tag>{t(`inbox.category.${i.category}`)}</Tag>
              <Typography.Text>{pick(i.title)}</Typography.Text>
              <DueTag due={i.due} overdue={i.overdue} />
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
