import { describe, expect, it } from 'vitest';
import { checkUscc } from '../facts/uscc.ts';
import { enterpriseUscc, orgCodeCheckChar } from './codes.ts';

describe('组织机构代码 check character (GB 11714-1997)', () => {
  it('matches the codes inside published 统一社会信用代码', () => {
    // 阿里巴巴（中国）有限公司 91330100716105852F, 腾讯 91440300708461136T, 华为 914403001922038216.
    expect(orgCodeCheckChar('71610585')).toBe('2');
    expect(orgCodeCheckChar('70846113')).toBe('6');
    expect(orgCodeCheckChar('19220382')).toBe('1');
  });

  it('writes 10 as X and 11 as 0', () => {
    const bodies = Array.from({ length: 200 }, (_, i) => `MA${String(i).padStart(6, '0')}`);
    const chars = new Set(bodies.map(orgCodeCheckChar));
    expect(chars.has('X')).toBe(true);
    expect(chars.has('0')).toBe(true);
    expect([...chars].every((c) => /^[0-9X]$/.test(c))).toBe(true);
  });

  it('rejects a body that is not 8 digits or capital letters', () => {
    expect(() => orgCodeCheckChar('7161058')).toThrow();
    expect(() => orgCodeCheckChar('7161058a')).toThrow();
  });
});

describe('enterpriseUscc', () => {
  it('rebuilds a published code from its region and organisation code', () => {
    expect(enterpriseUscc('330100', '71610585')).toBe('91330100716105852F');
    expect(enterpriseUscc('440300', '70846113')).toBe('91440300708461136T');
    expect(enterpriseUscc('440300', '19220382')).toBe('914403001922038216');
  });

  it('gives codes that pass checkUscc, letters in the body included', () => {
    for (const body of ['MA1MXK3P', 'MA7Y0000', '60000000']) {
      const code = enterpriseUscc('320214', body);
      expect(checkUscc(code)).toEqual({ ok: true, code });
      expect(code.slice(0, 2)).toBe('91');
      expect(code.slice(2, 8)).toBe('320214');
    }
  });
});
