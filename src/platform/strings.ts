/**
 * Strings checked at the edge, once for every route: what a request's path, query, JSON body or
 * form carries may not hold U+0000 (PostgreSQL text cannot store it) or lone surrogates (not
 * Unicode, they turn into U+FFFD on the way to the database), nor be longer than any field needs,
 * nor nest deeper than any document does. A route's own schema may set a tighter `max`.
 */
import { pathText, type FieldError } from '../facts/profile.ts';
import { invalid } from './errors.ts';

/** The longest string any field takes unless its schema says less (the longest texts are 2,000). */
export const STRING_MAX = 2000;
/** The deepest nesting a request needs (a profile's list items are four levels down). */
export const DEPTH_MAX = 16;

/** A request with thousands of bad strings is told about the first few. */
const FAULTS_SHOWN = 20;

/** Unpaired halves of a surrogate pair (a pair makes one code point, which is not Cs). */
export const LONE_SURROGATE = /\p{Cs}/u;

/** What is wrong with one string, or undefined. */
function stringFault(s: string): string | undefined {
  if (s.length > STRING_MAX) return `超过 ${STRING_MAX} 个字符 / longer than ${STRING_MAX} characters (${s.length})`;
  if (s.includes('\u0000')) return '含有空字符 U+0000 / contains the NUL character U+0000';
  if (LONE_SURROGATE.test(s)) return '含有不成对的代理字符 / contains a lone surrogate (not valid Unicode)';
  return undefined;
}

/** Every bad string, key, file name or nesting in a value, each with its field path. */
export function stringFaults(
  value: unknown,
  whole: string,
  path: PropertyKey[] = [],
  faults: FieldError[] = [],
): FieldError[] {
  if (typeof value === 'string') {
    const fault = stringFault(value);
    if (fault) faults.push({ field: pathText(path, whole), message: fault });
  } else if (value instanceof File) {
    const fault = stringFault(value.name);
    if (fault) faults.push({ field: `${pathText(path, whole)}.name`, message: fault });
  } else if (value !== null && typeof value === 'object') {
    if (path.length >= DEPTH_MAX) {
      faults.push({
        field: pathText(path, whole),
        message: `嵌套超过 ${DEPTH_MAX} 层 / nested deeper than ${DEPTH_MAX} levels`,
      });
      return faults;
    }
    const entries: [PropertyKey, unknown][] = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
    for (const [k, v] of entries) {
      if (faults.length >= FAULTS_SHOWN) break;
      // A bad key is named by where it sits: the key itself may be the huge or unprintable part.
      const key = typeof k === 'string' ? stringFault(k) : undefined;
      if (key) faults.push({ field: pathText(path, whole), message: `字段名 / a field name: ${key}` });
      else stringFaults(v, whole, [...path, k], faults);
    }
  }
  return faults;
}

/** 400 naming each field whose strings the platform does not take. */
export function refuseBadStrings(value: unknown, whole = '(body)'): void {
  const faults = stringFaults(value, whole);
  if (faults.length) throw invalid(faults);
}
