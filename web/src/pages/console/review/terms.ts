/**
 * The recognition terms of a tier as its policy document states them (the `recognition` block of
 * an edition): who decides, how long a title lasts, and the grounds for revoking one. The web
 * types of a policy edition leave that block out, so it is read here.
 */
import { useQueries } from '@tanstack/react-query';
import { api } from '../../../api.ts';
import { TIERS } from '../../../components/console/labels.ts';
import { localToday, type Label, type PolicyDocument } from '../../../components/evaluation/index.ts';
import type { Level } from '../../../components/recognition/index.ts';

/** The review levels from the lowest up, as a batch lists them. */
export const LEVEL_ORDER: readonly Level[] = ['district', 'city', 'province', 'national'];

export interface RevocationGround {
  label: Label;
  /** How long a new application is barred: `3y`, `none`. */
  value: string;
  ref: string;
}

export interface RecognitionTerms {
  honor: string;
  decidedBy: Level;
  validity: { value: string };
  revocation: Record<string, RevocationGround>;
}

/** The terms of the edition in force on `day` (the latest edition when none is). */
export function termsOn(doc: PolicyDocument | undefined, day: string): RecognitionTerms | undefined {
  if (!doc) return undefined;
  const editions = doc.editions as ((typeof doc.editions)[number] & { recognition?: RecognitionTerms })[];
  const inForce = editions.find((e) => e.from <= day && (!e.to || day <= e.to)) ?? editions[editions.length - 1];
  return inForce?.recognition;
}

/** The tiers whose title the officer's level decides, from their policy documents. */
export function useTiersDecidedBy(level: string | null | undefined) {
  const today = localToday();
  const docs = useQueries({
    queries: TIERS.filter((x) => x.policy).map((x) => ({
      queryKey: ['policy', x.policy],
      queryFn: () => api<PolicyDocument>(`/api/v1/policies/${encodeURIComponent(x.policy!)}`),
      staleTime: 5 * 60_000,
    })),
  });
  return docs.flatMap((q) => (q.data && termsOn(q.data, today)?.decidedBy === level ? [q.data.id] : []));
}
