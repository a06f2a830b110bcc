/** The readable evaluation report of `huiqi evaluate`, in Chinese or English. */
import { labelOfPath } from '../facts/paths.ts';
import { formatValue, OPS, type Lang } from '../rules/format.ts';
import type { CriterionResult, Evaluation, Status } from '../rules/types.ts';

const WORDS = {
  zh: {
    asOf: '截至',
    edition: '版',
    verdict: '结论',
    qualified: '✔ 符合',
    not_qualified: '✘ 不符合',
    undetermined: '？ 待定（信息不足）',
    outcome: '结果',
    score: '得分',
    criteria: '条件',
    actual: '实际',
    required: '要求',
    missing: '尚需提供（可决定结论的信息）',
    unknownParams: '政策中尚未核实的参数',
    gaps: '差距：怎样才能符合（按所需改变从小到大）',
    noGaps: '未找到仅改变一两项数据即可符合的途径。',
    hash: '政策文件哈希',
  },
  en: {
    asOf: 'as of',
    edition: 'edition',
    verdict: 'Verdict',
    qualified: '✔ qualified',
    not_qualified: '✘ not qualified',
    undetermined: '? undetermined (facts missing)',
    outcome: 'Outcome',
    score: 'Score',
    criteria: 'Criteria',
    actual: 'actual',
    required: 'required',
    missing: 'Still needed (facts that would decide it)',
    unknownParams: 'Parameters the sources leave open',
    gaps: 'Gaps: what it would take (smallest change first)',
    noGaps: 'No way found that changes only one or two facts.',
    hash: 'Policy file hash',
  },
} as const;

const MARK: Record<Status, Record<Lang, string>> = {
  met: { zh: '✔ 满足', en: '✔ met' },
  not_met: { zh: '✘ 不满足', en: '✘ not met' },
  unknown: { zh: '？ 未知', en: '? unknown' },
};

function criterionLine(c: CriterionResult, lang: Lang): string {
  const pad = '  '.repeat(c.depth + 1);
  const w = WORDS[lang];
  let line = `${pad}${MARK[c.status][lang]}  ${c.title[lang]}`;
  if (c.kind === 'test' && c.required) {
    const actual = formatValue(c.actual, c.unit, lang);
    const required = `${OPS[c.required.op]?.[lang] ?? c.required.op} ${formatValue(c.required.value, c.unit, lang)}`;
    line += `  —  ${w.actual} ${actual}，${w.required} ${required}`;
  }
  if (c.source) line += lang === 'zh' ? `  〔${c.source}〕` : `  [${c.source}]`;
  return line;
}

export function renderReport(r: Evaluation, lang: Lang, document: string): string {
  const w = WORDS[lang];
  const out: string[] = [];
  const edition = lang === 'zh' ? `${r.edition}${w.edition}` : `${w.edition} ${r.edition}`;
  out.push(`${r.title[lang]}（${r.policy}）· ${edition} · ${document} · ${w.asOf} ${r.asOf}`);
  out.push('');
  out.push(`${w.verdict}：${w[r.verdict]}`);
  if (r.outcome !== null) out.push(`${w.outcome}：${r.outcomeLabel?.[lang] ?? String(r.outcome)}`);
  if (r.score) {
    out.push(`${w.score}：${formatValue(r.score.total, 'points', lang)} / ${formatValue(r.score.max, 'points', lang)}`);
    for (const cat of r.score.categories) {
      out.push(
        `  ${cat.title[lang]}：${formatValue(cat.points, 'points', lang)} / ${formatValue(cat.max, 'points', lang)}`,
      );
    }
    for (const i of r.score.items) {
      out.push(
        `    ${i.title[lang]}：${formatValue(i.points, 'points', lang)} / ${formatValue(i.max, 'points', lang)}`,
      );
    }
  }
  out.push('', `${w.criteria}：`);
  for (const c of r.criteria) out.push(criterionLine(c, lang));
  if (r.missing.length) {
    out.push('', `${w.missing}：`);
    for (const m of r.missing) out.push(`  · ${labelOfPath(m)?.[lang] ?? m}  (${m})`);
  }
  if (r.unknownParameters.length) out.push('', `${w.unknownParams}：${r.unknownParameters.join(', ')}`);
  if (r.verdict === 'not_qualified') {
    out.push('', `${w.gaps}：`);
    if (r.gaps.length === 0) out.push(`  ${w.noGaps}`);
    r.gaps.forEach((g, i) => out.push(`  ${i + 1}. ${g.text[lang]}`));
  }
  out.push('', `${w.hash}：${r.policyHash}`);
  return out.join('\n');
}
