/** The shared evaluation view: verdict, score, criteria, gaps, missing facts, and the what-if panel. */
export { EvaluationView, type EvaluationViewProps } from './EvaluationView.tsx';
export { useDebounced, WhatIfPanel, type WhatIfPanelProps } from './WhatIfPanel.tsx';
export { StatusTag, VerdictTag } from './Tags.tsx';
export { UnverifiedNotice } from './UnverifiedNotice.tsx';
export {
  enumLabel,
  formatRequired,
  formatValue,
  fromDisplay,
  localToday,
  toDisplay,
  verdictLabel,
} from './formatting.ts';
export {
  evaluateProfile,
  evaluationKey,
  factOfPath,
  factsReadBy,
  getPath,
  labelOfPath,
  setPath,
  useEvaluation,
  useFactCatalog,
  usePolicies,
  usePolicy,
  type EvaluateOptions,
} from './data.ts';
export type * from './types.ts';
