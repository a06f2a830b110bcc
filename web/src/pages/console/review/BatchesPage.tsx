/**
 * 申报批次: the batches that concern the officer's region (opened by it or by a level above), each
 * with its counts and notices; the deciding level opens new ones for the tiers it decides and
 * publishes the notice of a batch. `?batch=<id>` (the inbox's "publish the notice") marks that
 * batch and brings it into view.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Empty, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../../auth.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { QueryError } from '../../../layout/ErrorPage.tsx';
import { useBatches, useNotices, type Level } from '../../../components/recognition/index.ts';
import { BatchCard } from './BatchCard.tsx';
import { BatchForm } from './BatchForm.tsx';
import { useTiersDecidedBy } from './terms.ts';

export default function BatchesPage() {
  const { t } = useI18n();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const linked = Number(params.get('batch')) || null;
  // Batches whose region holds the officer's (an administrator sees every batch).
  const batches = useBatches(me?.regionCode ? { region: me.regionCode } : {});
  const notices = useNotices().data ?? [];
  const level = me?.role === 'reviewer' ? (me.level as Level) : null;
  const tiers = useTiersDecidedBy(level);
  const [creating, setCreating] = useState(false);

  if (batches.isError) return <QueryError error={batches.error} onRetry={() => void batches.refetch()} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[16, 8]}>
        <Col>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('review.batch.heading')}
          </Typography.Title>
        </Col>
        <Col>
          <Space wrap>
            <Link to="/console/applications">{t('review.batch.toQueue')}</Link>
            {level && tiers.length > 0 && (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setCreating(true)}
                data-testid="batch-new"
              >
                {t('review.batch.new')}
              </Button>
            )}
          </Space>
        </Col>
      </Row>
      {!batches.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : batches.data.length === 0 ? (
        <Empty description={t('review.batch.none')} />
      ) : (
        batches.data.map((b) => (
          <BatchCard
            key={b.id}
            batch={b}
            notices={notices.filter((n) => n.batchId === b.id)}
            highlighted={b.id === linked}
            decider={level !== null && level === b.levels[b.levels.length - 1]}
          />
        ))
      )}
      {creating && level && (
        <BatchForm
          policies={tiers}
          deciding={level}
          onClose={() => setCreating(false)}
          onOpened={(b) => {
            setCreating(false);
            setParams({ batch: String(b.id) });
          }}
        />
      )}
    </Space>
  );
}
