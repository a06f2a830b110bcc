import { describe, expect, it } from 'vitest';
import {
  checkRegionCode,
  isRegionCode,
  isWithinRegion,
  parentRegions,
  regionFullName,
  regionLevel,
  regionName,
  regionsUnder,
  REGIONS_AS_OF,
} from './regions.ts';

describe('GB/T 2260 regions', () => {
  it('knows provinces, cities and counties with their levels', () => {
    expect(regionName('320000')).toBe('江苏省');
    expect(regionName('320200')).toBe('无锡市');
    expect(regionName('320211')).toBe('滨湖区');
    expect(regionLevel('320000')).toBe('province');
    expect(regionLevel('320200')).toBe('city');
    expect(regionLevel('320211')).toBe('county');
    expect(REGIONS_AS_OF).toBe('2023-06-30');
  });

  it('gives a county its city and province, and a city its province', () => {
    expect(parentRegions('320211')).toEqual(['320000', '320200']);
    expect(parentRegions('320200')).toEqual(['320000']);
    expect(parentRegions('320000')).toEqual([]);
    expect(regionFullName('320211')).toBe('江苏省无锡市滨湖区');
  });

  it('has Beijing and Shanghai as municipalities with 市辖区 rows', () => {
    expect(regionName('110000')).toBe('北京市');
    expect(regionLevel('110000')).toBe('province');
    expect(regionName('110100')).toBe('市辖区');
    expect(parentRegions('110108')).toEqual(['110000', '110100']);
    expect(regionFullName('110108')).toBe('北京市海淀区');
    expect(regionFullName('110100')).toBe('北京市');
    expect(regionName('310000')).toBe('上海市');
    expect(regionName('310115')).toBe('浦东新区');
    expect(regionFullName('310115')).toBe('上海市浦东新区');
    expect(regionsUnder('310000')).toHaveLength(18); // 上海市, 市辖区 and 16 districts
  });

  it('handles cities without counties and county-level cities governed by the province', () => {
    expect(regionLevel('441900')).toBe('city');
    expect(regionsUnder('441900')).toEqual(['441900']);
    expect(regionFullName('441900')).toBe('广东省东莞市');
    expect(parentRegions('419001')).toEqual(['410000', '419000']);
    expect(regionFullName('419001')).toBe('河南省济源市');
    expect(regionFullName('620201')).toBe('甘肃省嘉峪关市');
  });

  it("lists a city's counties and no others", () => {
    const wuxi = regionsUnder('320200');
    expect(wuxi[0]).toBe('320200');
    expect(wuxi).toContain('320211');
    expect(wuxi).toContain('320205');
    expect(wuxi).toContain('320282');
    expect(wuxi).not.toContain('320000');
    expect(wuxi).not.toContain('320102');
    expect(wuxi).not.toContain('320500');
    expect(wuxi.every((c) => c.startsWith('3202'))).toBe(true);
    expect(regionsUnder('320211')).toEqual(['320211']);
    expect(regionsUnder('320299')).toEqual([]);
  });

  it("lists a province's cities and counties", () => {
    const js = regionsUnder('320000');
    expect(js).toContain('320200');
    expect(js).toContain('320211');
    expect(js).toContain('321302');
    expect(js).not.toContain('330106');
    expect(js.filter((c) => regionLevel(c) === 'city')).toHaveLength(13);
  });

  it('says whether a region lies within a reviewer’s region', () => {
    expect(isWithinRegion('320211', '320200')).toBe(true);
    expect(isWithinRegion('320211', '320000')).toBe(true);
    expect(isWithinRegion('320200', '320200')).toBe(true);
    expect(isWithinRegion('320211', '320211')).toBe(true);
    expect(isWithinRegion('320200', '320211')).toBe(false);
    expect(isWithinRegion('320505', '320200')).toBe(false);
    expect(isWithinRegion('320299', '320200')).toBe(false);
    expect(isWithinRegion('320211', '320299')).toBe(false);
  });

  it('refuses unknown codes and wrong lengths with the reason', () => {
    expect(checkRegionCode('320211')).toEqual({ ok: true, code: '320211' });
    expect(checkRegionCode(' 320211 ')).toEqual({ ok: true, code: '320211' });
    expect(checkRegionCode(320211)).toEqual({ ok: true, code: '320211' });
    expect(checkRegionCode('320299')).toEqual({
      ok: false,
      reason: '320299 is not a GB/T 2260 code (table of 2023-06-30)',
    });
    expect(checkRegionCode('990000')).toMatchObject({ ok: false, reason: expect.stringContaining('990000 is not') });
    expect(checkRegionCode('32021')).toEqual({ ok: false, reason: 'must be 6 digits, not "32021"' });
    expect(checkRegionCode('3202110')).toMatchObject({ ok: false, reason: expect.stringContaining('6 digits') });
    expect(checkRegionCode('32O211')).toMatchObject({ ok: false, reason: expect.stringContaining('6 digits') });
    expect(checkRegionCode('')).toMatchObject({ ok: false, reason: expect.stringContaining('6 digits') });
    expect(isRegionCode('320299')).toBe(false);
    expect(regionName('320299')).toBeUndefined();
    expect(regionLevel('320299')).toBeUndefined();
    expect(parentRegions('320299')).toEqual([]);
    expect(regionFullName('320299')).toBeUndefined();
  });

  it('has Taiwan, Hong Kong and Macao as provinces', () => {
    expect(regionName('710000')).toBe('台湾省');
    expect(regionName('810000')).toBe('香港特别行政区');
    expect(regionName('820000')).toBe('澳门特别行政区');
    for (const c of ['710000', '810000', '820000']) {
      expect(isRegionCode(c)).toBe(true);
      expect(regionLevel(c)).toBe('province');
      expect(regionsUnder(c)).toEqual([c]);
      expect(checkRegionCode(c)).toEqual({ ok: true, code: c });
    }
  });

  it('holds the whole table: 34 provinces, 342 city rows, 2,975 county rows', () => {
    const levels = { province: 0, city: 0, county: 0 };
    for (let p = 10; p <= 99; p++) {
      for (const c of regionsUnder(`${p}0000`)) levels[regionLevel(c)!]++;
    }
    expect(levels).toEqual({ province: 34, city: 342, county: 2975 });
  });
});
