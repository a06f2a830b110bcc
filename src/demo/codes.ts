/**
 * Codes for demo enterprises: the 组织机构代码 (GB 11714-1997) embedded in a 统一社会信用代码, and the
 * 18-character code itself (GB 32100-2015).
 */
import { checkCharacter } from '../facts/uscc.ts';

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Value of an organisation-code character: digits 0–9, letters A = 10 … Z = 35. */
function orgValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  throw new Error(`"${ch}" is not an organisation-code character`);
}

/**
 * The check character of an 8-character 组织机构代码 body (GB 11714-1997): 11 − (Σ value × weight)
 * mod 11, written X for 10 and 0 for 11. 71610585 → 2, 70846113 → 6.
 */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new Error(`"${body8}" is not an 8-character organisation-code body`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(body8[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A 统一社会信用代码 for an enterprise (registration authority 9 = 工商, type 1 = 企业): the region,
 * the organisation-code body with its check character, then the GB 32100 check character.
 */
export function enterpriseUscc(regionCode: string, orgBody8: string): string {
  if (!/^\d{6}$/.test(regionCode)) throw new Error(`"${regionCode}" is not a 6-digit region code`);
  const first17 = `91${regionCode}${orgBody8}${orgCodeCheckChar(orgBody8)}`;
  return first17 + checkCharacter(first17);
}
