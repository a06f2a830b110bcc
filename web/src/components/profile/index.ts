/**
 * A firm's record by fiscal year with source badges and fact history, editable by the firm itself
 * (`mode="self"`) or by a reviewer with a reason (`mode="override"`).
 */
export { ProfileView, type ProfileViewProps } from './ProfileView.tsx';
export { HistoryDrawer, SourceBadge, SourceTag, actorLabel, sourceLabel } from './Source.tsx';
export {
  SOURCES,
  contractOf,
  defOf,
  profileKeys,
  useEnterprise,
  useFactHistory,
  useWriteFacts,
  type Enterprise,
  type FactEntry,
  type FactSource,
  type ProfileMode,
} from './data.ts';
export { EditFactModal } from './EditFact.tsx';
