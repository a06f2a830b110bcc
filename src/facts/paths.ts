/** Readable names for fact paths such as `years.2025.techStaff` or `ip[0].mainProduct`. */
import { catalog, type Label } from './catalog.ts';

export function labelOfPath(path: string): Label | undefined {
  const yearly = /^years\.(\d{4})\.(\w+)$/.exec(path);
  if (yearly) {
    const f = catalog.yearly[yearly[2]!];
    return f && { zh: `${f.label.zh}（${yearly[1]}年）`, en: `${f.label.en} (${yearly[1]})` };
  }
  const item = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(path);
  if (item) {
    const list = catalog.lists[item[1]!];
    const f = list?.item[item[3]!];
    const n = Number(item[2]) + 1;
    return list && f && { zh: `${list.label.zh}第${n}项：${f.label.zh}`, en: `${list.label.en} #${n}: ${f.label.en}` };
  }
  const flag = /^compliance\.(\w+)$/.exec(path);
  if (flag) return catalog.compliance[flag[1]!]?.label;
  return catalog.scalars[path]?.label ?? catalog.lists[path]?.label;
}
