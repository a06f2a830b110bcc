/**
 * The firms whose verdict or amount the change moves, each with its verdict and amount before and
 * after; the server lists the first ones only, and the card says so when there are more.
 */
import { Alert, Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { VerdictTag } from '../../../components/evaluation/index.ts';
import { formatWan } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { signed, type Mover, type SandboxResult } from './data.ts';

function Side({ side }: { side: Mover['before'] }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <VerdictTag verdict={side.verdict} />
      {side.amount > 0 && (
        <span>
          {formatWan(side.amount)} {t('unit.wan')}
        </span>
      )}
    </Space>
  );
}

export function Movers({ result }: { result: SandboxResult }) {
  const { t } = useI18n();
  const { movers, moved } = result;
  return (
    <Card title={t('sandbox.movers')} size="small" data-testid="sandbox-movers">
      {movers.length < moved && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('sandbox.movers.partial', { shown: movers.length, moved })}
          data-testid="sandbox-movers-partial"
        />
      )}
      <Table
        size="small"
        rowKey="uscc"
        dataSource={movers}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('sandbox.flows.none') }}
        columns={[
          {
            title: t('sandbox.movers.name'),
            key: 'name',
            render: (_, m) => <Link to={`/console/enterprises/${m.uscc}`}>{m.name ?? m.uscc}</Link>,
          },
          {
            title: t('sandbox.movers.uscc'),
            dataIndex: 'uscc',
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          { title: t('sandbox.before'), key: 'before', render: (_, m) => <Side side={m.before} /> },
          { title: t('sandbox.after'), key: 'after', render: (_, m) => <Side side={m.after} /> },
          {
            title: t('sandbox.movers.change'),
            key: 'change',
            align: 'right',
            render: (_, m) => {
              const d = m.after.amount - m.before.amount;
              return (
                <Typography.Text type={d > 0 ? 'success' : d < 0 ? 'danger' : 'secondary'}>
                  {signed(d, formatWan)} {t('unit.wan')}
                </Typography.Text>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
