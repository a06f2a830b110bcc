/**
 * The nine cities demo enterprises are spread over, weighted roughly by economic size (2024 GDP,
 * with 无锡 a little heavier as the lead region), with the industries each is known for and the
 * districts where its firms cluster. Counties come from the GB/T 2260 table (src/facts/regions.ts).
 */
import { regionLevel, regionName, regionsUnder } from '../facts/regions.ts';

export interface DemoCity {
  /** GB/T 2260 code of the city (上海: the municipality 310000; 中山: 442000, a city without counties). */
  code: string;
  /** Name in the region table (无锡市). */
  name: string;
  /** Name as firms write it in front of their own (无锡). */
  short: string;
  /** Share of firms, relative. */
  weight: number;
  /** Multipliers on industry weights, by industry code. */
  tilt: Readonly<Record<string, number>>;
  /** Multipliers on district weights, by district name (1 when not listed). */
  districts: Readonly<Record<string, number>>;
}

export const CITY_SPECS: readonly DemoCity[] = [
  {
    code: '320200',
    name: '无锡市',
    short: '无锡',
    weight: 15,
    tilt: { C3973: 4, C3562: 3, C3983: 3, C3484: 2, C3825: 2, C3130: 2, C3451: 2, C1713: 2, C3670: 1.5, C2761: 1.5 },
    districts: { 新吴区: 3, 江阴市: 3, 宜兴市: 2, 惠山区: 2, 锡山区: 2, 滨湖区: 1.5 },
  },
  {
    code: '320100',
    name: '南京市',
    short: '南京',
    weight: 14,
    tilt: { I6513: 2.5, I6511: 2, C3921: 2, M7320: 2, C3973: 1.5, C2614: 1.5, C3670: 1.5, C4011: 1.5, C3071: 0.3 },
    districts: { 江宁区: 3, 雨花台区: 2, 浦口区: 1.5, 栖霞区: 1.5, 建邺区: 1.5, 高淳区: 0.7 },
  },
  {
    code: '310000',
    name: '上海市',
    short: '上海',
    weight: 26,
    tilt: {
      I6513: 2,
      I6520: 3,
      C2761: 2.5,
      C3581: 2.5,
      M7340: 2.5,
      C3491: 2,
      C3973: 2,
      C3562: 2,
      I6550: 2,
      F5176: 1.5,
      F5179: 1.5,
      C3011: 0.1,
      C3071: 0.2,
      C1713: 0.3,
      C3391: 0.4,
    },
    districts: {
      浦东新区: 5,
      闵行区: 3,
      嘉定区: 3,
      松江区: 3,
      宝山区: 2,
      青浦区: 2,
      奉贤区: 2,
      金山区: 1.5,
      徐汇区: 1.5,
      杨浦区: 1.5,
      黄浦区: 0.7,
      虹口区: 0.7,
      崇明区: 0.5,
    },
  },
  {
    code: '440600',
    name: '佛山市',
    short: '佛山',
    weight: 11,
    tilt: { C3854: 5, C3851: 4, C3071: 6, C3252: 4, C3351: 4, C2110: 4, C3491: 2, C2927: 2 },
    districts: { 顺德区: 4, 南海区: 4, 禅城区: 2, 三水区: 1.2 },
  },
  {
    code: '442000',
    name: '中山市',
    short: '中山',
    weight: 5,
    tilt: { C3872: 10, C3854: 5, C3351: 3, C2927: 2, C1829: 2, C3961: 1.5 },
    districts: {},
  },
  {
    code: '420100',
    name: '武汉市',
    short: '武汉',
    weight: 13,
    tilt: { C3976: 6, C3670: 4, C2761: 2, C3973: 2, C3581: 1.5, I6513: 1.5, C4028: 1.5 },
    districts: { 洪山区: 3, 江夏区: 2.5, 东西湖区: 2.5, 蔡甸区: 1.5, 汉阳区: 1.5, 武昌区: 1.5, 汉南区: 0.7 },
  },
  {
    code: '341700',
    name: '池州市',
    short: '池州',
    weight: 2.5,
    tilt: { C3973: 2, C3011: 6, C3099: 5, C2614: 2, C3240: 2 },
    districts: { 贵池区: 3, 青阳县: 1.5, 东至县: 1.5, 石台县: 0.5 },
  },
  {
    code: '510100',
    name: '成都市',
    short: '成都',
    weight: 13,
    tilt: { I6513: 3, I6520: 2.5, I6572: 3, C2720: 2, C2761: 2, C3921: 1.5 },
    districts: {
      双流区: 2.5,
      龙泉驿区: 2.5,
      武侯区: 2,
      郫都区: 2,
      新都区: 2,
      温江区: 1.5,
      青羊区: 1.5,
      锦江区: 1.5,
      金牛区: 1.5,
      成华区: 1.5,
    },
  },
  {
    code: '630100',
    name: '西宁市',
    short: '西宁',
    weight: 3,
    tilt: { C3841: 6, C3252: 4, C3240: 5, C3825: 3, C2614: 2, C1495: 2 },
    districts: { 城北区: 1.5, 城东区: 1.5, 湟中区: 1.5, 大通回族土族自治县: 1.5, 湟源县: 0.5 },
  },
];

export interface DemoCounty {
  code: string;
  name: string;
  weight: number;
}

/**
 * The county-level units under a city that firms are registered in: every county code of the table
 * except the 01 市辖区 rows and the 71–79 statistical development zones; a city without counties
 * (中山) is its own unit.
 */
export function countiesOf(city: DemoCity): DemoCounty[] {
  const codes = regionsUnder(city.code).filter((c) => {
    if (regionLevel(c) !== 'county') return false;
    const tail = Number(c.slice(4));
    return tail !== 1 && !(tail >= 71 && tail <= 79);
  });
  const units = codes.length > 0 ? codes : [city.code];
  return units.map((code) => {
    const name = regionName(code)!;
    return { code, name, weight: city.districts[name] ?? 1 };
  });
}
