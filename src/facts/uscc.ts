/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z);
 * characters 3–8 are the GB/T 2260 region of registration; the 18th is a check character over the
 * first 17 with weights 3^i mod 31.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccCheck = { ok: true; code: string } | { ok: false; reason: string };

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Checks a code (spaces trimmed, letters upper-cased) and says which character is wrong. */
export function checkUscc(raw: string): UsccCheck {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, reason: `has ${code.length} characters; a 统一社会信用代码 has 18` };
  for (let i = 0; i < 18; i++) {
    if (!ALPHABET.includes(code[i]!)) {
      return {
        ok: false,
        reason: `character ${i + 1} "${code[i]}" is not allowed (only digits and letters other than I, O, S, V, Z)`,
      };
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8)))
    return { ok: false, reason: `characters 3–8 "${code.slice(2, 8)}" are not a 6-digit region code` };
  const expected = checkCharacter(code);
  if (code[17] !== expected)
    return { ok: false, reason: `check character 18 is "${code[17]}" but should be "${expected}"` };
  return { ok: true, code };
}
