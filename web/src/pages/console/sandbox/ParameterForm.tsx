/**
 * The numbers of a reward edition the sandbox can change — thresholds, sums, caps, shares — each
 * with its legal reference and current value, money in 万元 and ratios in %. Only the values that
 * differ from the policy file are sent.
 */
import { CalculatorOutlined } from '@ant-design/icons';
import { Button, Col, Empty, Form, InputNumber, Row, Typography } from 'antd';
import { useState } from 'react';
import {
  formatValue,
  fromDisplay,
  toDisplay,
  type PolicyEditionDoc,
  type Unit,
} from '../../../components/evaluation/index.ts';
import { useI18n } from '../../../i18n/index.tsx';

interface Numeric {
  name: string;
  ref: string;
  label?: { zh: string; en: string };
  unit: Unit | undefined;
  value: number;
}

/** The parameters holding a single number: the only ones the sandbox can change. */
export const numericParameters = (e: PolicyEditionDoc): Numeric[] =>
  Object.entries(e.parameters ?? {}).flatMap(([name, p]) =>
    typeof p.value === 'number' ? [{ name, ref: p.ref, label: p.label, unit: p.unit, value: p.value }] : [],
  );

interface Props {
  edition: PolicyEditionDoc;
  /** The server's complaints by field (`parameters.<name>`). */
  errors: Record<string, string>;
  pending: boolean;
  onRun(parameters: Record<string, number>): void;
}

export function ParameterForm({ edition, errors, pending, onRun }: Props) {
  const { t, pick } = useI18n();
  const params = numericParameters(edition);
  // In the units shown (万元, %), keyed by parameter; the form starts from the policy's values.
  const [shown, setShown] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(params.map((p) => [p.name, toDisplay(p.value, p.unit)])),
  );
  const changed = () =>
    Object.fromEntries(
      params.flatMap((p) => {
        const v = shown[p.name];
        if (v === null || v === undefined) return [];
        const to = fromDisplay(v, p.unit);
        return to === p.value ? [] : [[p.name, to]];
      }),
    );
  if (params.length === 0) return <Empty description={t('sandbox.noParameters')} />;
  return (
    <Form layout="vertical" component={false}>
      <Row gutter={16}>
        {params.map((p) => {
          const id = `sandbox-${p.name}`;
          const error = errors[`parameters.${p.name}`];
          return (
            <Col key={p.name} xs={24} md={12} xl={8}>
              <Form.Item
                htmlFor={id}
                label={p.label ? pick(p.label) : p.ref}
                validateStatus={error ? 'error' : undefined}
                help={error}
                extra={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('sandbox.current', { value: formatValue(p.value, p.unit ?? null, t) })} · {p.name}
                  </Typography.Text>
                }
              >
                <InputNumber
                  id={id}
                  data-testid={`sandbox-param-${p.name}`}
                  value={shown[p.name]}
                  min={0}
                  max={p.unit === 'ratio' ? 100 : undefined}
                  precision={p.unit === 'yuan' || p.unit === 'ratio' ? undefined : 0}
                  suffix={p.unit ? t(`sandbox.unit.${p.unit}`) : undefined}
                  onChange={(v) => setShown((s) => ({ ...s, [p.name]: v === null ? null : Number(v) }))}
                  style={{ width: '100%', maxWidth: 260 }}
                  inputMode="decimal"
                />
              </Form.Item>
            </Col>
          );
        })}
      </Row>
      <Button
        type="primary"
        icon={<CalculatorOutlined aria-hidden />}
        loading={pending}
        onClick={() => onRun(changed())}
        data-testid="sandbox-run"
      >
        {t('sandbox.run')}
      </Button>
    </Form>
  );
}
