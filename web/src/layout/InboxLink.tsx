/** 待办 in the header, with how many items wait beside it (red when any is overdue). */
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
      {t('nav.inbox')}{' '}
      <Badge
        count={items.length}
        size="small"
        color={overdue ? '#cf1322' : '#1677ff'}
        aria-label={t('inbox.count', { n: items.length })}
      />
    </Link>
  );
}
