/**
 * 发布申报批次: the deciding level opens a batch for a tier it decides — the window, the optional
 * 评价基准日 (it fixes the policy edition; the opening day when left empty), the levels that review
 * in turn up to itself, and the days each step has. The server's complaints show beside their fields.
 */
import { App, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/index.tsx';
import { localToday } from '../../../components/evaluation/index.ts';
import { useConsoleLabels } from '../../../components/console/labels.ts';
import { showErrors } from '../../../components/profile/errors.ts';
import { useWorkflowAction, type Batch, type Level } from '../../../components/recognition/index.ts';
import { DateField } from './DateField.tsx';
import { FormDialog } from './FormDialog.tsx';
import { LEVEL_ORDER } from './terms.ts';

interface Values {
  policyId?: string;
  title?: string;
  levels?: Level[];
  opensOn?: string;
  closesOn?: string;
  asOf?: string;
  reviewDays?: number;
  correctionDays?: number;
  noticeDays?: number;
}

/** The fields a 400 answer may name, placed beside themselves. */
const FIELDS = new Set([
  'policyId',
  'title',
  'levels',
  'opensOn',
  'closesOn',
  'asOf',
  'reviewDays',
  'correctionDays',
  'noticeDays',
]);
/** The days the API uses when a batch does not say (DEFAULT_DAYS in the service). */
const DAYS = [
  ['reviewDays', 15, 120],
  ['correctionDays', 10, 120],
  ['noticeDays', 7, 60],
] as const;

/** The levels a batch of a tier decided at `deciding` may pass through, from the lowest up. */
const levelsUpTo = (deciding: Level) => LEVEL_ORDER.slice(0, LEVEL_ORDER.indexOf(deciding) + 1);

export function BatchForm({
  policies,
  deciding,
  onClose,
  onOpened,
}: {
  /** The tiers the officer may open batches for. */
  policies: string[];
  deciding: Level;
  onClose: () => void;
  onOpened: (b: Batch) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { policyName } = useConsoleLabels();
  const [form] = Form.useForm<Values>();
  const open = useWorkflowAction<Values, Batch>('/api/v1/batches');
  const [failure, setFailure] = useState<string | null>(null);
  const chain = levelsUpTo(deciding);

  const submit = async (v: Values) => {
    setFailure(null);
    const body: Values = {
      ...v,
      title: v.title?.trim(),
      levels: chain.filter((l) => v.levels?.includes(l)),
      asOf: v.asOf || undefined,
    };
    try {
      const b = await open.mutateAsync(body);
      message.success(t('review.batch.opened', { title: b.title }));
      onOpened(b);
    } catch (e) {
      setFailure(showErrors(e, form, (f) => (FIELDS.has(f) ? f : undefined), i18n));
    }
  };

  return (
    <FormDialog<Values>
      title={t('review.batch.new')}
      name="batch"
      form={form}
      initialValues={{
        policyId: policies.length === 1 ? policies[0] : undefined,
        levels: [...chain],
        opensOn: localToday(),
      }}
      onClose={onClose}
      onFinish={(v) => void submit(v)}
      saving={open.isPending}
      confirm={t('review.batch.publish')}
      confirmTestId="batch-save"
      failure={failure ? { text: failure, details: [] } : null}
      testId="batch-form"
    >
      <Form.Item
        name="policyId"
        label={t('review.batch.policy')}
        rules={[{ required: true, message: t('review.batch.policyRequired') }]}
      >
        <Select
          data-testid="batch-policy"
          options={policies.map((p) => ({ value: p, label: policyName(p) }))}
          placeholder={t('review.batch.policyPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('review.batch.title')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('review.batch.titleRequired') }]}
      >
        <Input maxLength={200} placeholder={t('review.batch.titlePlaceholder')} data-testid="batch-title" />
      </Form.Item>
      <Form.Item
        name="levels"
        label={t('review.batch.levels')}
        extra={t('review.batch.levelsHint', { level: t(`app.level.${deciding}`) })}
        rules={[{ required: true, type: 'array', min: 1, message: t('review.batch.levelsRequired') }]}
      >
        <Checkbox.Group
          data-testid="batch-levels"
          // The deciding level always reviews last; the lower ones are the batch's choice.
          options={chain.map((l) => ({ value: l, label: t(`app.level.${l}`), disabled: l === deciding }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="opensOn"
            label={t('review.batch.opensOn')}
            rules={[{ required: true, message: t('review.batch.dateRequired') }]}
          >
            <DateField data-testid="batch-opens" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="closesOn"
            label={t('review.batch.closesOn')}
            dependencies={['opensOn']}
            rules={[
              { required: true, message: t('review.batch.dateRequired') },
              ({ getFieldValue }) => ({
                validator: (_, v?: string) => {
                  const opens = getFieldValue('opensOn') as string | undefined;
                  return !v || !opens || v >= opens
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('review.batch.closesBeforeOpens')));
                },
              }),
            ]}
          >
            <DateField data-testid="batch-closes" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="asOf" label={t('review.batch.asOf')} extra={t('review.batch.asOfHint')}>
        <DateField data-testid="batch-asof" />
      </Form.Item>
      <Row gutter={16}>
        {DAYS.map(([name, fallback, max]) => (
          <Col key={name} xs={24} sm={8}>
            <Form.Item
              name={name}
              label={t(`review.batch.${name}`)}
              extra={t('review.batch.daysDefault', { n: fallback })}
            >
              <InputNumber
                min={1}
                max={max}
                precision={0}
                style={{ width: '100%' }}
                suffix={t('review.batch.dayUnit')}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </FormDialog>
  );
}
