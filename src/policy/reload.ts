/**
 * Reloading the policy files while the platform runs: an administrator drops a file in (a new
 * local reward policy, a new edition) and reloads. The new library is loaded and every policy's
 * own test cases are run first; only when all load and pass does it replace the one in use.
 */
import type { Actor } from '../platform/actor.ts';
import { requireRole } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Platform } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { PolicyError } from '../rules/load.ts';
import { loadLibrary, POLICY_DIR, policyFiles, testPolicies } from './library.ts';

export async function reloadPolicies(p: Platform, actor: Actor) {
  requireRole(actor, 'admin');
  const dir = p.policyDir ?? POLICY_DIR;
  let next;
  try {
    next = loadLibrary(policyFiles(dir));
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    throw new AppError(
      422,
      'policy_invalid',
      {
        zh: `策略文件有误，未重新加载：${e.message}`,
        en: `A policy file is wrong; nothing was reloaded: ${e.message}`,
      },
      [{ field: `${e.file}${e.line ? `:${e.line}` : ''}`, message: e.detail }],
    );
  }
  const results = testPolicies(next);
  const failed = results.filter((t) => t.failures.length > 0);
  if (failed.length > 0)
    throw new AppError(
      422,
      'policy_tests_failed',
      {
        zh: `${failed.length} 个策略测试用例未通过，未重新加载`,
        en: `${failed.length} policy test case(s) failed; nothing was reloaded`,
      },
      failed.map((t) => ({
        field: `${t.file}${t.line ? `:${t.line}` : ''}`,
        message: `${t.name}: ${t.failures.join('; ')}`,
      })),
    );
  const before = new Map(p.policies.ids().map((id) => [id, p.policies.loaded(id).hash]));
  const after = new Map(next.ids().map((id) => [id, next.loaded(id).hash]));
  const added = [...after.keys()].filter((id) => !before.has(id));
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const changed = [...after.keys()].filter((id) => before.has(id) && before.get(id) !== after.get(id));
  const cases = results.length;
  p.policies = next;
  await recordAudit(p.db, actor, { action: 'policy.reload', detail: { added, changed, removed, cases } });
  return { policies: next.ids().length, added, changed, removed, testCases: cases };
}
