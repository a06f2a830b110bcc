/** API validation errors placed beside the form fields they name; the rest as one message. */
import type { FormInstance } from 'antd';
import { ApiError, NetworkError } from '../../api.ts';
import type { useI18n } from '../../i18n/index.tsx';

type I18n = ReturnType<typeof useI18n>;
export type NamePath = string | (string | number)[];

/**
 * Puts each `details[{field, message}]` of an ApiError on the field `place` maps it to (the API names
 * fields as fact paths: `years.2025.rdExpense`, `ip[0].kind`, `reason`). Returns what is left to
 * say in general, or null when everything found its field.
 */
export function showErrors(
  err: unknown,
  form: FormInstance,
  place: (field: string) => NamePath | undefined,
  { t, pick }: I18n,
): string | null {
  if (err instanceof NetworkError) return t('error.network.text');
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const unplaced: string[] = [];
  const fields = new Map<string, { name: NamePath; errors: string[] }>();
  for (const d of err.details) {
    const name = place(d.field);
    if (name === undefined) {
      unplaced.push(`${d.field}：${d.message}`);
      continue;
    }
    const key = JSON.stringify(name);
    const f = fields.get(key) ?? { name, errors: [] };
    f.errors.push(d.message);
    fields.set(key, f);
  }
  if (fields.size) form.setFields([...fields.values()]);
  if (unplaced.length || !err.details.length) return [pick(err.text), ...unplaced].join('；');
  return null;
}
