import { describe, expect, it } from 'vitest';
import { checkCharacter, checkUscc } from './uscc.ts';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts valid codes, including check characters that are letters or 0', () => {
    for (const c of ['91320211000070009A', '913202110000700175', '9132021100007005XD', '913202110000702600']) {
      expect(checkUscc(c)).toEqual({ ok: true, code: c });
    }
    expect(checkUscc(' 91320211000070009a ')).toEqual({ ok: true, code: '91320211000070009A' });
  });

  it('names the wrong check character and what it should be', () => {
    expect(checkUscc('913202110000790030')).toEqual({
      ok: false,
      reason: 'check character 18 is "0" but should be "Q"',
    });
  });

  it('names a character outside the alphabet, a bad region and a wrong length', () => {
    expect(checkUscc('9132021100007000IA')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('character 17 "I"'),
    });
    expect(checkUscc('91A20211000070009A')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('characters 3–8'),
    });
    expect(checkUscc('9132021100007000')).toMatchObject({
      ok: false,
      reason: 'has 16 characters; a 统一社会信用代码 has 18',
    });
  });

  it('finds every single-character typo in the first 17', () => {
    const good = '91320211000070009A';
    for (let i = 0; i < 17; i++) {
      const typo = good.slice(0, i) + (good[i] === '1' ? '2' : '1') + good.slice(i + 1);
      expect(checkUscc(typo).ok, typo).toBe(false);
    }
    expect(checkCharacter(good)).toBe('A');
  });
});
