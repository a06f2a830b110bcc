/** 待办 in the header, with how many items wait (overdue ones make the badge red). */
import { Badge } from 'antd';
import { Link } from 'react-router';
import { useInbox } from '../components/recognition/data.ts';
import { useI18n } from '../i18n/index.tsx';

export function InboxLink() {
  const { t } = useI18n();
  const items = useInbox().data ?? [];
  const overdue = items.some((i) => i.overdue);
  return (
    <Link to="/inbox" data-testid="inbox-link">
      <Badge count={items.length} size="small" offset={[8, -2]} color={overdue ? '#cf1322' : '#1677ff'}>
        <span style={{ color: 'inherit' }}>{t('nav.inbox')}</span>
      </Badge>
    </Link>
  );
}
