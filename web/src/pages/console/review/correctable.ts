/**
 * The facts an officer may correct while reviewing: those the policy's edition reads — each
 * `Y1.rdExpense` as the fiscal year it means for the evaluation date (`years.2025.rdExpense`), the
 * profile's single values, the compliance flags (factsReadBy) — and whatever the evaluation still
 * misses. List items (`ip[0]…`) are left out: the profile shape writes a list whole, so they are
 * corrected on the firm's page.
 */
import {
  factsReadBy,
  type EvaluationData,
  type FactCatalog,
  type PolicyDocument,
} from '../../../components/evaluation/index.ts';

export type FactGroup = 'yearly' | 'basic' | 'compliance';

export const groupOfPath = (path: string): FactGroup =>
  path.startsWith('years.') ? 'yearly' : path.startsWith('compliance.') ? 'compliance' : 'basic';

export function correctableFacts(
  doc: PolicyDocument | undefined,
  catalog: FactCatalog | undefined,
  ev: EvaluationData,
): string[] {
  if (!doc || !catalog) return [];
  const edition = doc.editions.find((e) => e.edition === ev.edition);
  // Only the expressions: the notes mention fact names in prose.
  const text = JSON.stringify([edition?.criteria, edition?.score, edition?.definitions, edition?.outcome]);
  const year = Number(ev.asOf.slice(0, 4));
  const paths = new Set<string>();
  for (const m of text.matchAll(/\bY(\d+)\.(\w+)/g))
    if (catalog.yearly[m[2]!]) paths.add(`years.${year - Number(m[1])}.${m[2]}`);
  for (const name of Object.keys(catalog.scalars)) if (new RegExp(`\\b${name}\\b`).test(text)) paths.add(name);
  for (const flag of factsReadBy(doc, catalog).flags) paths.add(`compliance.${flag}`);
  for (const m of ev.missing) if (!m.includes('[')) paths.add(m);
  return [...paths].sort();
}
