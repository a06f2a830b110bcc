/** 我的评价记录: the firm's own decision records (the shared list, with the board's tier names). */
import { DecisionList as Records } from '../../components/decisions/DecisionList.tsx';
import { usePolicies } from '../../components/evaluation/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { tierName } from './EligibilityBoard.tsx';
import { BOARD_POLICIES } from './tiers.ts';

export function DecisionList({ uscc }: { uscc: string }) {
  const { t, pick } = useI18n();
  const policies = usePolicies().data;
  const policyName = (id: string) => {
    if (BOARD_POLICIES.includes(id)) return tierName(id, t);
    const p = policies?.find((x) => x.id === id);
    return p ? pick(p.title) : id;
  };
  return <Records uscc={uscc} policyName={policyName} intro={t('portal.decisions.intro')} />;
}
