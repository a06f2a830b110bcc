/**
 * The `huiqi` command. Input is checked here, at the edge: a bad profile, an unknown policy or a
 * malformed date gets a message naming what is wrong and exit code 2; failing policy tests exit 1.
 * Commands that open the embedded database need its folder to themselves: while another process
 * (a running server) holds it they say who holds it and what to do instead, and exit 75.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { SheetError } from '../platform/sheets.ts';
import { rejectsWorkbook } from '../enterprises/import/rejects.ts';
import { ImportError } from '../enterprises/import/rows.ts';
import { importSpreadsheet } from '../enterprises/import/service.ts';
import { parseProfile } from '../facts/profile.ts';
import { chinaToday } from '../platform/context.ts';
import { configFromEnv, openDatabase, type Database } from '../platform/database.ts';
import { AppError, type Message } from '../platform/errors.ts';
import { FolderHeld, type Holder } from '../platform/folder-lock.ts';
import { closePlatform, openPlatform, startServer } from '../server/start.ts';
import { loadDemo } from '../demo/load.ts';
import { projector } from '../enterprises/tags.ts';
import { evaluationJson } from '../policy/evaluation.ts';
import { loadLibrary, policyFiles, readPolicy, testPolicies } from '../policy/library.ts';
import { EngineError, PolicySet } from '../rules/engine.ts';
import { PolicyError } from '../rules/load.ts';
import { restoreDatabase } from './backup.ts';
import { renderReport } from './report.ts';

class UsageError extends Error {}

/** EX_TEMPFAIL: the data folder is busy; the same command works once its holder has stopped. */
const FOLDER_HELD_EXIT = 75;

/** A command met the embedded folder held by another process, and what to do instead. */
class FolderBusy extends Error {
  constructor(
    readonly held: FolderHeld,
    readonly instead: Message,
  ) {
    super(held.message);
  }
}

const orInstead =
  (instead: (h: Holder) => Message) =>
  (e: unknown): never => {
    throw e instanceof FolderHeld ? new FolderBusy(e, instead(e.holder)) : e;
  };

/** The embedded database cannot be opened twice: the holder must stop before `then` can run. */
const stopFirst =
  (then: Message) =>
  (h: Holder): Message => ({
    zh: `请先停止该进程（Ctrl+C，或 kill ${h.pid}），再${then.zh}`,
    en: `stop it first (Ctrl+C, or kill ${h.pid}), then ${then.en}`,
  });

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
    const asOf = opts.asOf ?? chinaToday();
    const r = set.evaluate(id, checked.profile, asOf);
    if (opts.json) {
      const out = evaluationJson(r);
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
    const screener = set.screener(id, opts.asOf ?? chinaToday());
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

/** Opens the database (the embedded folder only if no other process holds it) and migrates it. */
async function withDatabase<T>(instead: (h: Holder) => Message, f: (d: Database) => Promise<T>): Promise<T> {
  const d = await openDatabase(configFromEnv()).catch(orInstead(instead));
  try {
    await d.migrate();
    return await f(d);
  } finally {
    await d.close();
  }
}

/** A server applied the migrations when it started; new code migrates when it is restarted. */
const migrateInstead = (h: Holder): Message => ({
  zh: `该服务器启动时已应用迁移；新版本的迁移在重启服务器时自动应用（或先停止它：kill ${h.pid}，再运行 huiqi migrate）`,
  en: `that server applied the migrations when it started; a new version's are applied when it restarts (or stop it: kill ${h.pid}, then run huiqi migrate)`,
});

/** A running server imports through its API, in the background, with progress. */
const importInstead = (h: Holder): Message => ({
  zh: `请在该服务器的控制台导入页（${h.url ?? ''}/console/imports）上传，或调用 POST ${h.url ?? ''}/api/v1/imports；或先停止它（kill ${h.pid}）再运行 huiqi import`,
  en: `upload the file on that server's import page (${h.url ?? ''}/console/imports) or POST it to ${h.url ?? ''}/api/v1/imports; or stop it (kill ${h.pid}) and run huiqi import again`,
});

program
  .command('migrate')
  .description('apply the database migrations (embedded ./data, or DATABASE_URL)')
  .action(async () => {
    const kind = await withDatabase(migrateInstead, async (d) => d.kind);
    process.stdout.write(`migrations applied (${kind})\n`);
  });

program
  .command('import')
  .description('import an enterprise list (.xlsx, or .csv in UTF-8 or GBK) into the registry')
  .argument('<file>', 'the spreadsheet')
  .option('--year <year>', 'fiscal year of the figures (default: the year the title names)', (v) => {
    if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError(`"${v}" is not a year`);
    return Number(v);
  })
  .option('--rejects <file.xlsx>', 'write the rejected rows, with the reason beside each, to this file')
  .option('--actor <name>', 'who is importing, for the record', 'cli')
  .option('--json', 'print the outcome as JSON')
  .action(async (file: string, opts: { year?: number; rejects?: string; actor: string; json?: boolean }) => {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      throw new UsageError(`cannot read ${file}: no such file`);
    }
    const outcome = await withDatabase(importInstead, (d) =>
      importSpreadsheet(d.db, data, basename(file), {
        year: opts.year,
        actor: `import:${opts.actor}`,
        project: projector(library(), chinaToday()),
      }),
    ).catch((e: unknown) => {
      if (e instanceof ImportError || e instanceof SheetError) throw new UsageError(`${file}: ${e.message}`);
      throw e;
    });
    const { sheet } = outcome;
    if (opts.rejects && sheet.bad.length) writeFileSync(opts.rejects, await rejectsWorkbook(sheet));
    if (opts.json) {
      const bad = sheet.bad.map(({ row, uscc, errors }) => ({ row, uscc, errors }));
      const summary = {
        year: sheet.year,
        good: sheet.good.length,
        bad,
        skipped: sheet.skipped,
        changed: outcome.changed,
        unchanged: outcome.unchanged,
        factsWritten: outcome.factsWritten,
      };
      return void process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    }
    const lines = [
      `${file}：${sheet.year}年度，表头在第${sheet.headerRow}行`,
      `导入 ${sheet.good.length} 行（新增或更新 ${outcome.changed} 家，无变化 ${outcome.unchanged} 家，写入 ${outcome.factsWritten} 项数据）`,
      `未导入 ${sheet.bad.length} 行${sheet.skipped.length ? `，跳过合计/注释 ${sheet.skipped.length} 行` : ''}`,
      ...sheet.bad.map((b) => `  第${b.row}行 ${b.uscc ?? ''}：${b.errors.map((e) => e.reason).join('；')}`),
      ...sheet.headerProblems.map((p) => `  表头「${p.header}」：${p.reason}`),
    ];
    if (opts.rejects && sheet.bad.length) lines.push(`未导入的行已写入 ${opts.rejects}`);
    process.stdout.write(lines.join('\n') + '\n');
  });

program
  .command('serve')
  .description('run the platform: API, web app and API docs on one port (PORT, default 3000; HOST, default 127.0.0.1)')
  .action(async () => {
    const started = await startServer().catch(
      orInstead((h) => ({
        zh: `一个数据目录只能有一个服务器${h.url ? `，它在 ${h.url} 运行` : ''}；要另起一个，请用另一个 HUIQI_DATA_DIR`,
        en: `one data folder serves one server${h.url ? `, which runs at ${h.url}` : ''}; to run another, give it another HUIQI_DATA_DIR`,
      })),
    );
    const stop = () => void started.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('demo')
  .description('load the demo firms and accounts (generated from a fixed seed; loading twice adds nothing)')
  .option('--count <n>', 'how many firms', (v) => {
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError(`"${v}" is not a positive number`);
    return Number(v);
  })
  .action(async (opts: { count?: number }) => {
    const platform = await openPlatform().catch(orInstead(stopFirst({ zh: '运行 huiqi demo', en: 'run huiqi demo' })));
    try {
      const demo = await loadDemo(platform, { count: opts.count });
      process.stdout.write(
        `demo: ${demo.firms} firms, ${demo.accounts.length} accounts (${demo.accounts.map((a) => a.username).join(', ')})\n`,
      );
    } finally {
      await closePlatform(platform);
    }
  });

program
  .command('backup')
  .description('back up the database: the embedded folder as a .tar.gz, a PostgreSQL server with pg_dump')
  .argument('<file>', 'the backup to write')
  .action(async (file: string) => {
    const d = await openDatabase(configFromEnv()).catch(
      orInstead(
        stopFirst({
          zh: '备份（内置数据库运行时不能复制）',
          en: 'back up (the embedded database cannot be copied while it runs)',
        }),
      ),
    );
    try {
      await d.backup(file);
    } finally {
      await d.close();
    }
    process.stdout.write(`备份已写入 ${file}（${d.kind}）\n`);
  });

program
  .command('restore')
  .description('restore a backup into an empty embedded folder or database (HUIQI_DATA_DIR, DATABASE_URL)')
  .argument('<file>', 'a backup written by huiqi backup')
  .option('--force', 'replace the database already there')
  .action(async (file: string, opts: { force?: boolean }) => {
    let backup: Buffer;
    try {
      backup = readFileSync(file);
    } catch {
      throw new UsageError(`cannot read ${file}: no such file`);
    }
    const config = configFromEnv();
    await restoreDatabase(config, backup, file, Boolean(opts.force)).catch(
      orInstead(stopFirst({ zh: '恢复', en: 'restore' })),
    );
    process.stdout.write(`已从 ${file} 恢复（${config.url ? 'postgres' : 'pglite'}）\n`);
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
  } else if (e instanceof FolderBusy) {
    const { zh, en } = e.held.text;
    process.stderr.write(`huiqi: ${zh}。\n  ${e.instead.zh}\n${en}.\n  ${e.instead.en}\n`);
    process.exitCode = FOLDER_HELD_EXIT;
  } else if (e instanceof AppError) {
    process.stderr.write(`huiqi: ${e.text.zh}\n${e.text.en}\n`);
    process.exitCode = e instanceof FolderHeld ? FOLDER_HELD_EXIT : 2;
  } else {
    throw e;
  }
}
