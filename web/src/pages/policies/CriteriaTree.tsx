/** A policy's criteria in plain words, nested as the policy nests them (all of / any of), with their sources. */
import { Typography } from 'antd';
import type { PolicyCriterionDoc } from '../../components/evaluation/index.ts';
import { useI18n } from '../../i18n/index.tsx';

const styles = `
.hq-pcriteria { margin: 0; padding-inline-start: 20px; }
.hq-pcriteria li { padding: 3px 0; }
`;

export function CriteriaTree({ criteria, top }: { criteria: PolicyCriterionDoc[]; top?: boolean }) {
  const { t, pick } = useI18n();
  return (
    <>
      {top && <style>{styles}</style>}
      <ul className="hq-pcriteria">
      {criteria.map((c) => {
        const kids = c.all ?? c.any;
        return (
          <li key={c.id} data-criterion={c.id}>
            <Typography.Text strong={top}>{pick(c.title)}</Typography.Text>
            {kids && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                （{t(c.all ? 'evaluation.kind.all' : 'evaluation.kind.any')}）
              </Typography.Text>
            )}
            {c.source && (
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                {t('evaluation.source')}：{c.source}
              </Typography.Text>
            )}
            {kids && <CriteriaTree criteria={kids} />}
          </li>
        );
      })}
      </ul>
    </>
  );
}
