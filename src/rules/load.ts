/**
 * Reads a policy file: YAML → schema check → a document that remembers where each value came
 * from, so every later error (a bad expression, an unknown fact) names the file and the line.
 */
import { createHash } from 'node:crypto';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { policySchema, type PolicyDoc } from './schema.ts';

export class PolicyError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly detail: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`);
    this.name = 'PolicyError';
  }
}

export interface LoadedPolicy {
  doc: PolicyDoc;
  file: string;
  hash: string;
  /** The file's text, kept so a decision can be replayed after the file changes. */
  source: string;
  /** Line of the value at a path inside the document (1-based), for error messages. */
  lineOf(path: readonly (string | number)[]): number | null;
}

function lineFinder(yaml: Document, counter: LineCounter) {
  return (path: readonly (string | number)[]): number | null => {
    for (let n = path.length; n >= 0; n--) {
      const node = yaml.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
    }
    return null;
  };
}

function describe(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

type Issue = z.core.$ZodIssue;

/** For "one of these shapes" errors, the issue of the shape that came closest. */
function innermost(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  // Prefer the shape whose own key is present (a missing required key weighs heavily).
  const weight = (issues: Issue[]) =>
    issues.reduce(
      (w, i) => w + (i.code === 'invalid_type' && i.input === undefined && i.path.length <= 1 ? 100 : 1),
      0,
    );
  const best = [...issue.errors].sort((a, b) => weight(a) - weight(b))[0]!;
  const first = best[0];
  return first ? innermost({ ...first, path: [...issue.path, ...first.path] } as Issue) : issue;
}

export function parsePolicy(text: string, file: string): LoadedPolicy {
  const counter = new LineCounter();
  const yaml = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const first = yaml.errors[0];
  if (first) {
    const line = counter.linePos(first.pos[0]).line;
    throw new PolicyError(file, line, `not valid YAML: ${first.message.split('\n')[0]}`);
  }
  const lineOf = lineFinder(yaml, counter);
  const parsed = policySchema.safeParse(yaml.toJS());
  if (!parsed.success) {
    // A misspelt key explains the "missing" errors it causes, so report it first.
    const issues = parsed.error.issues;
    const issue = innermost(issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]!);
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = describe(issue.path);
    const detail =
      issue.code === 'unrecognized_keys'
        ? `unknown key(s) ${issue.keys.join(', ')}${where ? ` in ${where}` : ''}` +
          (issue.keys.some((k) => /[^\w-]/.test(k))
            ? ' (inside { } a comma starts a new key: put text with commas in quotes)'
            : '')
        : `${where || 'policy'}: ${issue.message}`;
    throw new PolicyError(file, lineOf(path), detail);
  }
  const hash = 'sha256:' + createHash('sha256').update(text).digest('hex');
  return { doc: parsed.data, file, hash, source: text, lineOf };
}
