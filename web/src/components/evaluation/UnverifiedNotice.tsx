/**
 * 待核实, said plainly: the facts named were declared by the firm itself and wait for the competent
 * authority, so the firm is not asked to supply them again. Nothing is shown when none wait.
 */
import { Alert } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { labelOfPath, useFactCatalog } from './data.ts';

export function UnverifiedNotice({ paths, testId }: { paths: readonly string[]; testId?: string }) {
  const { t, pick, lang } = useI18n();
  const catalog = useFactCatalog().data;
  if (paths.length === 0) return null;
  const names = paths.map((p) => pick(labelOfPath(catalog, p))).join(lang === 'zh' ? '、' : ', ');
  return <Alert type="warning" showIcon data-testid={testId} title={t('evaluation.unverified', { names })} />;
}
