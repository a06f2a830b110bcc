/**
 * 修正数据: the officer corrects one fact the policy reads, with the reason. It goes through the
 * application's overrides route, so the ledger keeps it as a reviewer override, the evaluation runs
 * again at once and the step shows in the history.
 */
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/index.tsx';
import {
  factOfPath,
  labelOfPath,
  usePolicy,
  useFactCatalog,
  verdictLabel,
  type EvaluationData,
} from '../../../components/evaluation/index.ts';
import { useEnterprise } from '../../../components/profile/index.ts';
import { bodyFor, profileKeys, valueAt } from '../../../components/profile/data.ts';
import {
  cellText,
  FactInput,
  fromForm,
  inputUnit,
  toForm,
  type FactInputProps,
} from '../../../components/profile/FactInput.tsx';
import type { ApplicationDetail } from '../../../components/recognition/index.ts';
import { correctableFacts, groupOfPath, type FactGroup } from './correctable.ts';
import { FormDialog } from './FormDialog.tsx';
import { useMove } from './failure.ts';

interface Values {
  fact?: string;
  value?: unknown;
  reason?: string;
}

const GROUPS: FactGroup[] = ['yearly', 'basic', 'compliance'];

/** FactInput, findable by tests (Form.Item hands it the value, onChange and id). */
function ValueInput(props: FactInputProps) {
  return (
    <div data-testid="override-value">
      <FactInput {...props} />
    </div>
  );
}

export function OverrideDialog({
  app,
  evaluation,
  onClose,
}: {
  app: ApplicationDetail;
  evaluation: EvaluationData;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const catalog = useFactCatalog().data;
  const doc = usePolicy(app.batch.policyId).data;
  const firm = useEnterprise(app.uscc).data;
  const paths = useMemo(() => correctableFacts(doc, catalog, evaluation), [doc, catalog, evaluation]);
  const fact = Form.useWatch('fact', form);
  const def = fact ? factOfPath(catalog, fact) : undefined;
  const current = fact && firm ? valueAt(firm, fact) : undefined;

  const move = useMove<
    { version: number; facts: Record<string, unknown>; reason: string },
    { evaluation: EvaluationData }
  >(
    `/api/v1/applications/${app.id}/overrides`,
    (r) => {
      void qc.invalidateQueries({ queryKey: profileKeys.all(app.uscc) });
      message.success(t('review.override.done', { verdict: verdictLabel(r.evaluation.verdict, t) }));
      onClose();
    },
    onClose,
  );

  const options = GROUPS.map((g) => ({
    label: t(`review.override.group.${g}`),
    options: paths.filter((p) => groupOfPath(p) === g).map((p) => ({ value: p, label: pick(labelOfPath(catalog, p)) })),
  })).filter((g) => g.options.length > 0);
  const unit = def ? inputUnit(def, t) : undefined;

  return (
    <FormDialog<Values>
      title={t('review.override.title')}
      name="override"
      form={form}
      onClose={onClose}
      onFinish={(v) =>
        def &&
        v.fact &&
        move.run({ version: app.version, facts: bodyFor(v.fact, fromForm(def, v.value)), reason: v.reason!.trim() })
      }
      saving={move.saving}
      confirm={t('review.override.save')}
      confirmTestId="override-save"
      failure={move.failure}
    >
      <Typography.Paragraph type="secondary">{t('review.override.hint')}</Typography.Paragraph>
      <Form.Item
        name="fact"
        label={t('review.override.fact')}
        rules={[{ required: true, message: t('review.override.factRequired') }]}
        extra={
          <>
            {t('review.override.listsHint')}{' '}
            <Link to={`/console/enterprises/${app.uscc}`} target="_blank">
              {t('review.override.firmPage')}
            </Link>
          </>
        }
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          loading={!doc || !catalog}
          placeholder={t('review.override.factPlaceholder')}
          data-testid="override-fact"
          // A newly chosen fact starts from the value the profile has now.
          onChange={(p: string) => {
            const d = factOfPath(catalog, p);
            form.setFieldsValue({ value: d && firm ? toForm(d, valueAt(firm, p)) : undefined });
          }}
        />
      </Form.Item>
      {def && fact && (
        <Form.Item
          name="value"
          label={unit ? `${t('review.override.value')}（${unit}）` : t('review.override.value')}
          extra={t('review.override.current', {
            value: current === undefined ? '—' : `${cellText(current, def, t)}${unit ? ` ${unit}` : ''}`,
          })}
        >
          <ValueInput def={def} />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label={t('review.override.reason')}
        rules={[{ required: true, whitespace: true, message: t('review.override.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount data-testid="override-reason" />
      </Form.Item>
    </FormDialog>
  );
}
