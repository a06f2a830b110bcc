/**
 * Picks a region within the officer's own: one select per level below it (a city reviewer picks a
 * county; a province reviewer a city, then a county), each listing the sub-regions that have firms,
 * with their counts, from the statistics of the level above.
 */
import { Select, Space } from 'antd';
import { useMe } from '../../auth.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { isCounty, useStats } from './data.ts';

const digitsOf = (code: string | null | undefined): number =>
  !code ? 0 : code.endsWith('0000') ? 2 : code.endsWith('00') ? 4 : 6;

/** The codes from just below the root down to `value`: root 320000, value 320211 → [320200, 320211]. */
export function regionChain(root: string | null | undefined, value: string | undefined): string[] {
  if (!value || value === root) return [];
  const chain: string[] = [];
  for (const d of [2, 4, 6]) {
    if (d <= digitsOf(root) || d > digitsOf(value)) continue;
    const code = value.slice(0, d).padEnd(6, '0');
    if (chain[chain.length - 1] !== code) chain.push(code);
  }
  return chain;
}

interface Props {
  value: string | undefined;
  onChange(region: string | undefined): void;
  /** `data-testid` of the whole picker. */
  testId?: string;
}

export function RegionPicker({ value, onChange, testId }: Props) {
  const me = useMe().data;
  const root = me?.role === 'reviewer' ? me.regionCode : null;
  const chain = regionChain(root, value);
  if (root && isCounty(root)) return null;
  const levels: (string | undefined)[] = [undefined, ...chain.filter((c) => !isCounty(c))];
  return (
    <Space wrap size="small" data-testid={testId}>
      {levels.map((parent, i) => (
        <Level
          key={parent ?? 'root'}
          parent={parent}
          depth={i}
          selected={chain[i]}
          onChange={(code) => onChange(code ?? parent)}
        />
      ))}
    </Space>
  );
}

function Level({
  parent,
  depth,
  selected,
  onChange,
}: {
  parent: string | undefined;
  depth: number;
  selected: string | undefined;
  onChange(code: string | undefined): void;
}) {
  const { t } = useI18n();
  const stats = useStats(parent);
  const options = (stats.data?.byRegion ?? [])
    .filter((r) => /^\d{6}$/.test(r.code) && r.code !== parent)
    .map((r) => ({ value: r.code, label: `${r.name ?? r.code}（${r.count}）`, name: r.name ?? r.code }));
  if (stats.isSuccess && options.length === 0) return null;
  return (
    <Select
      aria-label={depth === 0 ? t('console.region.label') : t('console.region.sublabel')}
      placeholder={depth === 0 ? t('console.region.all') : t('console.region.allBelow')}
      allowClear
      showSearch={{ optionFilterProp: 'name' }}
      loading={stats.isPending}
      value={selected}
      options={options}
      onChange={(v?: string) => onChange(v || undefined)}
      style={{ minWidth: 180 }}
    />
  );
}
