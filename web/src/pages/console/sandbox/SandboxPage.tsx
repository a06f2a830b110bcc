/**
 * 政策沙盘: an officer changes the numbers of a reward policy (a threshold, a sum, a cap) and sees,
 * over the real firms of the region, how many become eligible or not, how the total moves against
 * the budget, and which firms move — before anything is published. Nothing is stored or sent to
 * firms. The policy is in the address (`?policy=`), so a policy page can link here.
 */
import { Alert, Card, Col, Form, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, NetworkError } from '../../../api.ts';
import { useMe } from '../../../auth.tsx';
import { isCounty } from '../../../components/console/data.ts';
import { RegionPicker } from '../../../components/console/RegionPicker.tsx';
import { formatValue, localToday } from '../../../components/evaluation/index.ts';
import { DateInput } from '../../../components/inputs/DateInput.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { QueryError } from '../../../layout/ErrorPage.tsx';
import { usePolicyLibrary } from '../../../components/policies/library.ts';
import { editionOn, regionsMeet, rewardOf } from '../../../components/policies/reward.ts';
import { Comparison } from './Comparison.tsx';
import { fieldErrors, useSandbox, type SandboxResult } from './data.ts';
import { Movers } from './Movers.tsx';
import { ParameterForm } from './ParameterForm.tsx';

export default function SandboxPage() {
  const { t, pick, lang } = useI18n();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const library = usePolicyLibrary();
  const [asOf, setAsOf] = useState<string | undefined>();
  const [region, setRegion] = useState<string | undefined>();
  const sandbox = useSandbox();

  if (library.error) return <QueryError error={library.error} onRetry={library.refetch} />;
  if (sandbox.error instanceof ApiError && sandbox.error.status === 401) return <QueryError error={sandbox.error} />;

  const day = asOf ?? localToday();
  const rewards = (library.data ?? []).flatMap((doc) => {
    const edition = editionOn(doc.editions, day);
    const reward = rewardOf(edition);
    return edition && reward ? [{ doc, edition, reward }] : [];
  });
  // Without a policy in the address, the first reward that reaches the officer's own region.
  const own = me?.role === 'reviewer' ? me.regionCode : null;
  const policyId = params.get('policy') ?? rewards.find((r) => !own || regionsMeet(r.reward.region.code, own))?.doc.id;
  const chosen = rewards.find((r) => r.doc.id === policyId);
  const errors = fieldErrors(sandbox.error, t, lang);
  const result = sandbox.data?.policyId === policyId ? sandbox.data : undefined;
  const choose = (id: string) => {
    sandbox.reset();
    setParams({ policy: id }, { replace: true });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('sandbox.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('sandbox.intro')}</Typography.Text>
      </div>
      <Card size="small" title={t('sandbox.conditions')}>
        {!library.data ? (
          <Skeleton active />
        ) : (
          <>
            <Form layout="vertical" component={false}>
              <Row gutter={16}>
                <Col xs={24} lg={12}>
                  <Form.Item
                    label={t('sandbox.policy')}
                    htmlFor="sandbox-policy"
                    extra={chosen && <Link to={`/policies/${chosen.doc.id}`}>{t('sandbox.viewPolicy')}</Link>}
                  >
                    <Select
                      id="sandbox-policy"
                      data-testid="sandbox-policy"
                      value={chosen?.doc.id}
                      placeholder={t('sandbox.pickPolicy')}
                      onChange={choose}
                      showSearch={{ optionFilterProp: 'label' }}
                      options={rewards.map((r) => ({
                        value: r.doc.id,
                        label: `${pick(r.doc.title)}（${pick(r.reward.region.name)}）`,
                      }))}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} lg={5}>
                  <Form.Item
                    label={t('sandbox.asOf')}
                    htmlFor="sandbox-asof"
                    validateStatus={errors.asOf ? 'error' : undefined}
                    help={errors.asOf ?? t('sandbox.asOf.help')}
                  >
                    <DateInput id="sandbox-asof" data-testid="sandbox-asof" value={asOf} onChange={setAsOf} />
                  </Form.Item>
                </Col>
                {!(own && isCounty(own)) && (
                  <Col xs={24} sm={12} lg={7}>
                    <Form.Item
                      label={t('sandbox.region')}
                      validateStatus={errors.region ? 'error' : undefined}
                      help={errors.region ?? t('sandbox.region.help')}
                    >
                      <RegionPicker value={region} onChange={setRegion} testId="sandbox-region" />
                    </Form.Item>
                  </Col>
                )}
              </Row>
            </Form>
            {params.get('policy') && !chosen && (
              <Alert type="warning" showIcon title={t('sandbox.notReward', { id: params.get('policy')! })} />
            )}
            {chosen && (
              <>
                <Typography.Title level={5} style={{ marginTop: 8 }}>
                  {t('sandbox.parameters', { edition: chosen.edition.edition, document: chosen.edition.document })}
                </Typography.Title>
                <ParameterForm
                  key={`${chosen.doc.id}@${chosen.edition.edition}`}
                  edition={chosen.edition}
                  errors={errors}
                  pending={sandbox.isPending}
                  onRun={(parameters) => sandbox.mutate({ policyId: chosen.doc.id, asOf, region, parameters })}
                />
              </>
            )}
          </>
        )}
      </Card>
      {sandbox.error && Object.keys(errors).length === 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="sandbox-error"
          title={
            sandbox.error instanceof ApiError
              ? pick(sandbox.error.text)
              : sandbox.error instanceof NetworkError
                ? t('error.network.title')
                : sandbox.error.message
          }
        />
      )}
      {result && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="sandbox-result">
          <Scope
            result={result}
            regionName={result.region === chosen?.reward.region.code ? pick(chosen.reward.region.name) : result.region}
          />
          <Comparison result={result} />
          <Movers result={result} />
        </Space>
      )}
    </Space>
  );
}

/** What was compared: the edition, the date, the region and each changed number from → to. */
function Scope({ result, regionName }: { result: SandboxResult; regionName: string }) {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      data-testid="sandbox-scope"
      title={t('sandbox.scope', {
        edition: result.edition,
        asOf: result.asOf,
        region: regionName,
        firms: result.firms,
      })}
      description={
        result.parameters.length === 0
          ? t('sandbox.unchanged')
          : result.parameters
              .map((p) => `${p.name}（${p.ref}）：${formatValue(p.from, p.unit, t)} → ${formatValue(p.to, p.unit, t)}`)
              .join('；')
      }
    />
  );
}
