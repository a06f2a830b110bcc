/**
 * The `huiqi` command. Input is checked here, at the edge: a bad profile, an unknown policy or a
 * malformed date gets a message naming what is wrong and exit code 2; failing policy tests exit 1.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseProfile } from '../facts/profile.ts';
import { loadLibrary, policyFiles, readPolicy, testPolicies } from '../policy/library.ts';
import { EngineError, PolicySet } from '../rules/engine.ts';
import { PolicyError } from '../rules/load.ts';
import { renderReport } from './report.ts';

class UsageError extends Error {}

/** Today in China, the platform's calendar. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function isoDate(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)) || new Date(v).toISOString().slice(0, 10) !== v) {
    throw new InvalidArgumentError(`"${v}" is not a date written YYYY-MM-DD`);
  }
  return v;
}

function readInput(file: string): string {
  try {
    return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${where}: not valid JSON (${(e as Error).message})`);
  }
}

function library(): PolicySet {
  return loadLibrary();
}

const program = new Command();
program
  .name('huiqi')
  .description('Huiqi (惠企): evaluate enterprises against SME policies — why they qualify, and what they lack')
  .showHelpAfterError()
  .exitOverride();

program
  .command('evaluate')
  .description('evaluate one enterprise profile against a policy')
  .argument('<policy-id>', 'e.g. cn.most.tech-sme (see `huiqi policies list`)')
  .argument('<profile>', 'profile JSON file, or - for standard input')
  .option('--as-of <date>', 'evaluate as of this date (YYYY-MM-DD)', isoDate)
  .option('--json', 'print one JSON object instead of the report')
  .option('--lang <lang>', 'report language: zh or en', 'zh')
  .action((id: string, file: string, opts: { asOf?: string; json?: boolean; lang: string }) => {
    if (opts.lang !== 'zh' && opts.lang !== 'en') throw new UsageError(`--lang must be zh or en, not "${opts.lang}"`);
    const set = library();
    if (!set.has(id)) throw new UsageError(`unknown policy "${id}" (known: ${set.ids().join(', ')})`);
    const input = parseJson(readInput(file), file);
    const checked = parseProfile(input);
    if (!checked.ok) {
      throw new UsageError(
        `${file}: the profile is not valid:\n${checked.errors.map((e) => `  ${e.field}: ${e.message}`).join('\n')}`,
      );
    }
    const asOf = opts.asOf ?? today();
    const r = set.evaluate(id, checked.profile, asOf);
    if (opts.json) {
      const { policy, edition, verdict, outcome, score, missing, gaps, policyHash } = r;
      const criteria = r.criteria.map(({ id, status, actual, required, source, title, unit, depth, kind }) => ({
        id,
        status,
        actual,
        required,
        source,
        title,
        unit,
        depth,
        kind,
      }));
      const out = {
        policy,
        edition,
        asOf,
        verdict,
        outcome,
        score,
        criteria,
        missing,
        gaps,
        unknownParameters: r.unknownParameters,
        policyHash,
      };
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    } else {
      process.stdout.write(renderReport(r, opts.lang, set.edition(id, asOf).document) + '\n');
    }
  });

program
  .command('screen')
  .description('screen many profiles (one JSON object per line) against a policy')
  .argument('<policy-id>')
  .argument('<profiles>', 'JSON Lines file, or - for standard input')
  .option('--as-of <date>', 'screen as of this date (YYYY-MM-DD)', isoDate)
  .action(async (id: string, file: string, opts: { asOf?: string }) => {
    const set = library();
    if (!set.has(id)) throw new UsageError(`unknown policy "${id}" (known: ${set.ids().join(', ')})`);
    const screener = set.screener(id, opts.asOf ?? today());
    let size: number;
    try {
      size = file === '-' ? 0 : statSync(file).size;
    } catch {
      throw new UsageError(`cannot read ${file}: no such file`);
    }
    const stream = file === '-' ? process.stdin : createReadStream(file);
    const progress = process.stderr.isTTY && size > 1_000_000;
    let read = 0;
    let n = 0;
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    for await (const text of lines) {
      n++;
      read += Buffer.byteLength(text) + 1;
      if (!text.trim()) continue;
      let out: Record<string, unknown>;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        parsed = undefined;
        out = { line: n, error: `not valid JSON (${(e as Error).message})` };
      }
      if (parsed !== undefined) {
        const checked = parseProfile(parsed);
        if (checked.ok) {
          const q = screener.quick(checked.profile);
          out = { line: n, ...(checked.profile.uscc ? { uscc: checked.profile.uscc } : {}), ...q };
        } else {
          out = { line: n, error: checked.errors.map((e) => `${e.field}: ${e.message}`).join('; ') };
        }
      }
      if (!process.stdout.write(JSON.stringify(out!) + '\n')) await new Promise((r) => process.stdout.once('drain', r));
      if (progress && n % 5000 === 0) process.stderr.write(`\r${((read / size) * 100).toFixed(1)}%  ${n} lines`);
    }
    if (progress) process.stderr.write(`\r100.0%  ${n} lines\n`);
  });

const policies = program.command('policies').description('list, show and test the policy library');

policies
  .command('list')
  .description('every policy with its editions')
  .option('--json', 'as JSON')
  .action((opts: { json?: boolean }) => {
    const all = library().summaries();
    if (opts.json) return void process.stdout.write(JSON.stringify(all, null, 2) + '\n');
    for (const p of all) {
      const eds = p.editions.map((e) => `${e.edition} (${e.from} – ${e.to ?? '至今'}, ${e.document})`).join('; ');
      process.stdout.write(`${p.id.padEnd(28)} ${p.title.zh}  ${eds}\n`);
    }
  });

policies
  .command('show')
  .description('one policy: source, editions, parameters')
  .argument('<policy-id>')
  .action((id: string) => {
    const set = library();
    if (!set.has(id)) throw new UsageError(`unknown policy "${id}" (known: ${set.ids().join(', ')})`);
    const { doc, file, hash } = set.loaded(id);
    const out = [`${doc.id}  ${doc.title.zh} / ${doc.title.en}`, `${doc.issuer.zh}`, `${file}  ${hash}`];
    for (const e of doc.editions) {
      out.push('', `${e.edition}: ${e.from} – ${e.to ?? '至今'}  ${e.document}`, `  ${e.source}`);
      for (const [name, p] of Object.entries(e.parameters ?? {})) {
        const value =
          'value' in p
            ? JSON.stringify(p.value)
            : Object.keys(p).find((k) => ['bands', 'tables', 'prefixes', 'list'].includes(k));
        out.push(`  ${name} = ${value}  〔${p.ref}〕${p.status && p.status !== 'confirmed' ? ` (${p.status})` : ''}`);
      }
    }
    process.stdout.write(out.join('\n') + '\n');
  });

policies
  .command('test')
  .description("run policies' own test cases (all, or those of the given files)")
  .argument('[files...]', 'policy files; the rest of the library is still loaded for policies they use')
  .action((files: string[]) => {
    const given = files.map((f) => resolve(f));
    const set = loadLibrary([...policyFiles().filter((f) => !given.includes(resolve(f))), ...given]);
    const ids = files.length ? files.map((f) => readPolicy(f).doc.id) : set.ids();
    const results = testPolicies(set, ids);
    let failed = 0;
    for (const t of results) {
      if (t.failures.length === 0) continue;
      failed++;
      process.stdout.write(
        `✘ ${t.policy} — ${t.name}  (${t.file}:${t.line})\n${t.failures.map((f) => `    ${f}`).join('\n')}\n`,
      );
    }
    for (const id of ids) {
      const mine = results.filter((t) => t.policy === id);
      process.stdout.write(`${mine.some((t) => t.failures.length) ? '✘' : '✔'} ${id}: ${mine.length} cases\n`);
    }
    process.stdout.write(`${results.length - failed} passed, ${failed} failed\n`);
    if (failed) process.exitCode = 1;
  });

try {
  await program.parseAsync();
} catch (e) {
  if (e instanceof CommanderError) {
    // Help and version exit 0; a usage mistake is bad input like any other.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (e instanceof UsageError || e instanceof EngineError || e instanceof PolicyError) {
    process.stderr.write(`huiqi: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    throw e;
  }
}
