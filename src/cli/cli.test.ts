import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['bin/huiqi.js', ...args], {
    encoding: 'utf8',
    input,
    cwd: new URL('../..', import.meta.url),
  });

describe('huiqi command', { timeout: 60_000 }, () => {
  it('evaluates a profile to a readable Chinese report with gaps', () => {
    const r = run(['evaluate', 'cn.most.tech-sme', 'examples/profile.json', '--as-of', '2026-06-01']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('结论：✘ 不符合');
    expect(r.stdout).toContain('研发费用（2025年） 204.00万元 →');
  });

  it('prints the contract JSON', () => {
    const out = JSON.parse(
      execFileSync(
        process.execPath,
        [
          'bin/huiqi.js',
          'evaluate',
          'cn.nbs.enterprise-size',
          'examples/profile.json',
          '--as-of',
          '2026-06-01',
          '--json',
        ],
        {
          encoding: 'utf8',
        },
      ),
    );
    expect(out).toMatchObject({
      policy: 'cn.nbs.enterprise-size',
      edition: '2017',
      asOf: '2026-06-01',
      verdict: 'qualified',
      outcome: 'small',
    });
    expect(Object.keys(out.criteria[0])).toEqual(
      expect.arrayContaining(['id', 'status', 'actual', 'required', 'source']),
    );
    expect(out.policyHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('names the field at fault and exits 2 on a bad profile', () => {
    const r = run(
      ['evaluate', 'cn.most.tech-sme', '-'],
      JSON.stringify({ years: { '2025': { employees: -3 } }, ip: [{ kind: 'patent' }] }),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('years.2025.employees: must be ≥ 0');
    expect(r.stderr).toContain('ip[0].kind: unknown kind');
  });

  it('refuses an unknown policy and a malformed date', () => {
    expect(run(['evaluate', 'cn.nope', 'examples/profile.json']).stderr).toMatch(/unknown policy "cn.nope"/);
    const bad = run(['evaluate', 'cn.most.tech-sme', 'examples/profile.json', '--as-of', '2026-02-30']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('"2026-02-30" is not a date');
  });

  it('screens line by line, reporting bad lines and going on', () => {
    const lines = [
      '{"industryCode":"C3562","years":{"2025":{"employees":50,"revenue":1000000}}}',
      '{oops',
      '{"years":{"2025":{"employees":-1}}}',
    ];
    const r = run(['screen', 'cn.nbs.enterprise-size', '-', '--as-of', '2026-06-01'], lines.join('\n') + '\n');
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out[0]).toEqual({ line: 1, verdict: 'qualified', outcome: 'micro', score: null });
    expect(out[1]).toMatchObject({ line: 2, error: expect.stringContaining('not valid JSON') });
    expect(out[2]).toMatchObject({ line: 3, error: expect.stringContaining('years.2025.employees') });
  });
});
