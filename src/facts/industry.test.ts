import { describe, expect, it } from 'vitest';
import {
  INDUSTRY_COUNTS,
  industryChildren,
  industryLabel,
  industryOf,
  normalizeIndustryCode,
  SECTIONS,
  sectionOfDivision,
  type Industry,
} from './industry.ts';
import { parseProfile } from './profile.ts';
import table from './tables/gb4754-2017.json' with { type: 'json' };

/** Every entry of the table, walked from the sections down. */
function all(): Industry[] {
  const out: Industry[] = [];
  const walk = (list: Industry[]) => {
    for (const e of list) {
      out.push(e);
      walk(industryChildren(e.code));
    }
  };
  walk(industryChildren());
  return out;
}

describe('GB/T 4754-2017 table', () => {
  it('has the standard’s counts at each level (as amended in 2019: 1,381 classes)', () => {
    expect(INDUSTRY_COUNTS).toEqual({ section: 20, division: 97, group: 473, class: 1381 });
    expect(table.counts).toEqual({ sections: 20, divisions: 97, groups: 473, classes: 1381 });
    const entries = all();
    const byLevel: Record<string, number> = {};
    for (const e of entries) byLevel[e.level] = (byLevel[e.level] ?? 0) + 1;
    expect(byLevel).toEqual({ section: 20, division: 97, group: 473, class: 1381 });
    expect(new Set(entries.map((e) => e.code)).size).toBe(entries.length);
  });

  it('puts every division, group and class under the section its first two digits belong to', () => {
    for (const e of all()) {
      if (e.level === 'section') continue;
      const digits = e.code.slice(1);
      expect(e.code[0]).toBe(e.section);
      expect(sectionOfDivision(Number(digits.slice(0, 2)))).toBe(e.section);
      expect(industryOf(digits)?.code).toBe(e.code);
      expect(e.label.zh).toMatch(/^[\p{Script=Han}、（）()0-9A-Za-z]+$/u);
      expect(e.label.en.length).toBeGreaterThan(2);
    }
  });

  it('numbers the divisions 01–97 without gaps, each section holding a consecutive run', () => {
    const divisions = industryChildren().flatMap((s) => industryChildren(s.code).map((d) => Number(d.code.slice(1))));
    expect(divisions).toEqual(Array.from({ length: 97 }, (_, i) => i + 1));
  });

  it('keeps SECTIONS as they were before the full table', () => {
    const ranges = Object.fromEntries(Object.entries(SECTIONS).map(([k, s]) => [k, s.divisions]));
    expect(ranges).toEqual({
      A: [1, 5],
      B: [6, 12],
      C: [13, 43],
      D: [44, 46],
      E: [47, 50],
      F: [51, 52],
      G: [53, 60],
      H: [61, 62],
      I: [63, 65],
      J: [66, 69],
      K: [70, 70],
      L: [71, 72],
      M: [73, 75],
      N: [76, 79],
      O: [80, 82],
      P: [83, 83],
      Q: [84, 85],
      R: [86, 90],
      S: [91, 96],
      T: [97, 97],
    });
    expect(SECTIONS.C!.label).toEqual({ zh: '制造业', en: 'Manufacturing' });
    expect(SECTIONS.D!.label).toEqual({
      zh: '电力、热力、燃气及水生产和供应业',
      en: 'Electricity, heat, gas and water',
    });
    expect(sectionOfDivision(35)).toBe('C');
    expect(sectionOfDivision(98)).toBeUndefined();
  });

  it('knows classes across the sections by their standard names', () => {
    const sample: Record<string, string> = {
      A0111: '稻谷种植',
      A0532: '畜禽粪污处理活动', // the class the 2019 amendment count includes
      B0722: '海洋天然气及可燃冰开采',
      C1941: '羽毛（绒）加工',
      C3130: '钢压延加工',
      C3391: '黑色金属铸造',
      C3562: '半导体器件专用设备制造',
      C3741: '飞机制造', // fixed by hand: a group row in the source
      C3984: '电声器件及零件制造',
      D4412: '热电联产',
      E4853: '地下综合管廊工程建筑',
      F5292: '互联网零售',
      G5437: '城市配送',
      H6130: '民宿服务',
      I6513: '应用软件开发',
      I6572: '动漫、游戏数字内容服务',
      J6637: '网络借贷服务',
      K7010: '房地产开发经营',
      L7224: '供应链管理服务',
      M7517: '三维（3D）打印技术推广服务',
      N7726: '土壤污染治理与修复服务',
      O8053: '养生保健服务',
      P8394: '教育辅助服务',
      Q8522: '康复辅具适配服务',
      R9013: '网吧活动',
      S9100: '中国共产党机关',
      T9700: '国际组织',
    };
    for (const [code, zh] of Object.entries(sample)) {
      expect(industryOf(code)).toMatchObject({ code, level: 'class', section: code[0], label: { zh } });
    }
    expect(industryLabel('C3562', 'en')).toBe('Manufacture of semiconductor device production equipment');
    expect(industryLabel('3562')).toBe('半导体器件专用设备制造');
  });

  it('uses the standard’s names where the public copies disagree', () => {
    expect(industryLabel('C15')).toBe('酒、饮料和精制茶制造业');
    expect(industryLabel('C339')).toBe('铸造及其他金属制品制造');
    expect(industryLabel('C395')).toBe('非专业视听设备制造');
    expect(industryLabel('M746')).toBe('环境与生态监测检测服务');
    expect(industryLabel('L7289')).toBe('其他会议、会展及相关服务');
    expect(industryLabel('R87')).toBe('广播、电视、电影和录音制作业');
    expect(industryLabel('R905')).toBe('文化体育娱乐活动与经纪代理服务');
  });

  it('gives a class its section, division and group as its path', () => {
    const e = industryOf('3562')!;
    expect(e).toMatchObject({ code: 'C3562', level: 'class', section: 'C', path: ['C', 'C35', 'C356'] });
    expect(e.path.map((p) => industryLabel(p))).toEqual(['制造业', '专用设备制造业', '电子和电工机械专用设备制造']);
    expect(industryOf('C356')?.path).toEqual(['C', 'C35']);
    expect(industryOf('35')).toMatchObject({ code: 'C35', level: 'division', path: ['C'] });
    expect(industryOf('c')).toMatchObject({ code: 'C', level: 'section', section: 'C', path: [] });
  });

  it('names a single-class group after its class, as the standard prints them on one line', () => {
    expect(industryOf('A022')).toMatchObject({ level: 'group', label: { zh: '造林和更新' } });
    expect(industryChildren('A022').map((e) => e.code)).toEqual(['A0220']);
    expect(industryChildren('K70').map((e) => e.code)).toEqual(['K701', 'K702', 'K703', 'K704', 'K709']);
  });

  it('lists children one level down, in code order', () => {
    expect(industryChildren().map((e) => e.code)).toEqual('ABCDEFGHIJKLMNOPQRST'.split(''));
    expect(industryChildren('C').map((e) => e.code)).toHaveLength(31);
    expect(industryChildren('C356').map((e) => [e.code, e.label.zh])).toEqual([
      ['C3561', '电工机械专用设备制造'],
      ['C3562', '半导体器件专用设备制造'],
      ['C3563', '电子元器件与机电组件设备制造'],
      ['C3569', '其他电子专用设备制造'],
    ]);
    expect(industryChildren('C3562')).toEqual([]);
    expect(industryChildren('C3991')).toEqual([]);
    expect(industryChildren('nonsense')).toEqual([]);
  });
});

describe('normalizeIndustryCode', () => {
  it('accepts codes with or without their section letter, as before', () => {
    expect(normalizeIndustryCode('3562')).toEqual({ ok: true, code: 'C3562' });
    expect(normalizeIndustryCode('c3562')).toEqual({ ok: true, code: 'C3562' });
    expect(normalizeIndustryCode(' 7010 ')).toEqual({ ok: true, code: 'K7010' });
    expect(normalizeIndustryCode('0111')).toEqual({ ok: true, code: 'A0111' });
    expect(normalizeIndustryCode('35')).toEqual({ ok: true, code: 'C35' });
    expect(normalizeIndustryCode('356')).toEqual({ ok: true, code: 'C356' });
    expect(normalizeIndustryCode('C')).toEqual({ ok: true, code: 'C' });
    expect(normalizeIndustryCode('t')).toEqual({ ok: true, code: 'T' });
  });

  it('refuses what it refused before, with the same reasons', () => {
    expect(normalizeIndustryCode('Z9999')).toEqual({
      ok: false,
      reason: '"Z9999" is not a GB/T 4754-2017 code (a section letter and/or 2–4 digits)',
    });
    expect(normalizeIndustryCode('')).toMatchObject({ ok: false });
    expect(normalizeIndustryCode('98')).toEqual({ ok: false, reason: 'division 98 does not exist in GB/T 4754-2017' });
    expect(normalizeIndustryCode('D3562')).toEqual({ ok: false, reason: 'division 35 belongs to section C, not D' });
  });

  it('refuses a class or group the table does not have, naming it and what its parent does have', () => {
    expect(normalizeIndustryCode('C3991')).toEqual({
      ok: false,
      reason: 'class 3991 does not exist in GB/T 4754-2017 (group 399 has 3990)',
    });
    // 1810 机织服装制造 was a class of GB/T 4754-2011; 2017 split it into 1811 and 1819.
    expect(normalizeIndustryCode('1810')).toEqual({
      ok: false,
      reason: 'class 1810 does not exist in GB/T 4754-2017 (group 181 has 1811, 1819)',
    });
    expect(normalizeIndustryCode('380')).toEqual({
      ok: false,
      reason: 'group 380 does not exist in GB/T 4754-2017 (division 38 has 381, 382, 383, 384, 385, 386, 387, 389)',
    });
    expect(normalizeIndustryCode('3801')).toMatchObject({ ok: false, reason: expect.stringMatching(/^class 3801 /) });
    expect(industryOf('C3991')).toBeUndefined();
    expect(industryLabel('C3991')).toBeUndefined();
  });

  it('makes profile validation refuse a class that does not exist', () => {
    expect(parseProfile({ industryCode: '3562' })).toMatchObject({ ok: true, profile: { industryCode: 'C3562' } });
    expect(parseProfile({ industryCode: 'G5430' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'industryCode',
          message:
            'class 5430 does not exist in GB/T 4754-2017 (group 543 has 5431, 5432, 5433, 5434, 5435, 5436, 5437, 5438, 5439)',
        },
      ],
    });
  });
});
