/**
 * The policy library: every policy file under policies/, compiled against the fact catalog.
 * Loading is strict — a broken file stops the load with its file and line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalog } from '../facts/catalog.ts';
import { parseProfile } from '../facts/profile.ts';
import { PolicySet } from '../rules/engine.ts';
import { parsePolicy, type LoadedPolicy } from '../rules/load.ts';
import type { ParameterDoc } from '../rules/schema.ts';
import { runPolicyTests, type TestResult } from '../rules/testing.ts';

export const POLICY_DIR = fileURLToPath(new URL('../../policies', import.meta.url));

export function policyFiles(dir: string = POLICY_DIR): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function readPolicy(file: string): LoadedPolicy {
  const shown = relative(process.cwd(), resolve(file)) || file;
  return parsePolicy(readFileSync(file, 'utf8'), shown);
}

export function loadLibrary(files: string[] = policyFiles()): PolicySet {
  const set = new PolicySet(catalog);
  for (const f of files) set.add(readPolicy(f));
  set.link();
  return set;
}

/** Runs the test cases of the given policies (all by default) against the whole library. */
export function testPolicies(set: PolicySet, ids: string[] = set.ids()): TestResult[] {
  return ids.flatMap((id) => runPolicyTests(set, set.loaded(id), parseProfile));
}

/**
 * The library with one policy swapped for another version of it (replaying a decision taken
 * before the file changed); the policies it uses stay as loaded.
 */
export function withVersion(set: PolicySet, version: LoadedPolicy): PolicySet {
  return rebuilt(set, version.doc.id, version);
}

/** The library with some parameters of one policy set to other values (the policy sandbox). */
export function withParameters(set: PolicySet, id: string, overrides: ReadonlyMap<string, ParameterDoc>): PolicySet {
  return rebuilt(set, id, set.loaded(id), overrides);
}

function rebuilt(
  set: PolicySet,
  id: string,
  version: LoadedPolicy,
  overrides?: ReadonlyMap<string, ParameterDoc>,
): PolicySet {
  const out = new PolicySet(catalog);
  for (const other of set.ids()) {
    if (other === id) out.add(version, overrides);
    else out.add(set.loaded(other));
  }
  out.link();
  return out;
}
