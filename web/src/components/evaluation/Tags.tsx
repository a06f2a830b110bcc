/** A verdict or a criterion's status: always an icon AND a word, the colour only repeats them. */
import {
  CheckCircleFilled,
  CheckCircleOutlined,
  CloseCircleFilled,
  CloseCircleOutlined,
  QuestionCircleFilled,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { verdictLabel } from './formatting.ts';
import type { Status, Verdict } from './types.ts';

const VERDICT = {
  qualified: { color: 'success', icon: <CheckCircleFilled aria-hidden /> },
  not_qualified: { color: 'error', icon: <CloseCircleFilled aria-hidden /> },
  undetermined: { color: 'warning', icon: <QuestionCircleFilled aria-hidden /> },
} as const;

const STATUS = {
  met: { color: 'success', icon: <CheckCircleOutlined aria-hidden /> },
  not_met: { color: 'error', icon: <CloseCircleOutlined aria-hidden /> },
  unknown: { color: 'default', icon: <QuestionCircleOutlined aria-hidden /> },
} as const;

export function VerdictTag({
  verdict,
  large,
  testId,
}: {
  verdict: Verdict;
  large?: boolean;
  /** `data-testid`, e.g. `verdict-cn.most.tech-sme`. */
  testId?: string;
}) {
  const { t } = useI18n();
  const v = VERDICT[verdict];
  return (
    <Tag
      color={v.color}
      icon={v.icon}
      data-testid={testId}
      data-verdict={verdict}
      style={large ? { fontSize: 16, lineHeight: '28px', paddingInline: 10 } : undefined}
    >
      {verdictLabel(verdict, t)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: Status }) {
  const { t } = useI18n();
  const s = STATUS[status];
  return (
    <Tag color={s.color} icon={s.icon} data-status={status} style={{ marginInlineEnd: 6 }}>
      {t(`evaluation.status.${status}`)}
    </Tag>
  );
}
