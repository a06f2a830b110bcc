/**
 * The firm's decision records for an officer (the shared list): those this page view made — one per
 * policy evaluated — marked 本次, with who recorded each; open one to read it, replay it to show the
 * stored input gives the same result again.
 */
import { DecisionList } from '../../../components/decisions/DecisionList.tsx';
import { useConsoleLabels } from '../../../components/console/labels.ts';
import type { Verdict } from '../../../components/evaluation/index.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { Actor } from './FactHistory.tsx';

export interface MadeDecision {
  id: number;
  policyId: string;
  verdict: Verdict;
  asOf: string;
  at: string;
}

export function Decisions({ uscc, made }: { uscc: string; made: MadeDecision[] }) {
  const { t } = useI18n();
  const { policyName } = useConsoleLabels();
  return (
    <DecisionList
      uscc={uscc}
      policyName={policyName}
      intro={t('console.decisions.hint')}
      marked={{ ids: new Set(made.map((d) => d.id)), label: t('console.decisions.thisView') }}
      actor={{ title: t('console.history.who'), render: (a) => <Actor actor={a} /> }}
      // A new record made in this view shows at once.
      version={made.length}
      pageSize={20}
      data-testid="decision-list"
    />
  );
}
