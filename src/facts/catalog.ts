/**
 * The fact catalog: every enterprise fact the platform knows, in the shape of the public profile
 * contract (see README). One catalog drives the rules engine (names, types, domains for reasoning
 * about unknowns, gap directions), profile validation, and later the forms and the import mapping.
 *
 * Units: money in yuan, ratios as fractions, headcounts in persons.
 */

export type Unit = 'yuan' | 'ratio' | 'persons' | 'points' | 'items' | 'years' | 'rank' | 'level';
export type FactType = 'number' | 'integer' | 'boolean' | 'string' | 'date' | 'enum';
/** Which way a firm could realistically move a fact to qualify; `none` = history, not advice. */
export type GapDirection = 'up' | 'down' | 'none';

export interface Label {
  zh: string;
  en: string;
}

export interface FactDef {
  type: FactType;
  label: Label;
  unit?: Unit;
  min?: number;
  max?: number;
  values?: readonly string[];
  /** Value when absent. Absent adverse-record flags mean "none declared". */
  absentAs?: number | boolean | string;
  gap?: GapDirection;
  /** Smallest meaningful change, for gap search (e.g. 1 person, 10,000 yuan). */
  step?: number;
  required?: boolean;
  /** The longest a string fact may be (its `min`/`max` bound numbers). */
  maxLength?: number;
  /** Other names a spreadsheet header may use (the label's own words always match). */
  aliases?: readonly string[];
}

/** A field of a list item computed from other fields by the engine, never by each policy. */
export type DerivedItemField =
  | { type: 'number' | 'string'; label: Label; from: string; map: Readonly<Record<string, number | string>> }
  | { type: 'boolean'; label: Label; validFrom: string; validTo: string };

export interface ListDef {
  label: Label;
  /** What one item is called, for gap texts ("one more …"). */
  itemLabel: Label;
  item: Readonly<Record<string, FactDef>>;
  derived?: Readonly<Record<string, DerivedItemField>>;
}

export interface FactCatalog {
  scalars: Readonly<Record<string, FactDef>>;
  yearly: Readonly<Record<string, FactDef>>;
  lists: Readonly<Record<string, ListDef>>;
  /** Adverse-record flags under `compliance`; absent means none declared. */
  compliance: Readonly<Record<string, FactDef>>;
}

/**
 * Plausible ranges, so that a slip such as 1e308 revenue is refused rather than kept: no firm has
 * ten trillion yuan (10^13) of anything, ten million staff, a rank past a million, a year past 2100.
 */
export const MONEY_MAX = 1e13;
export const PERSONS_MAX = 10_000_000;
export const RANK_MAX = 1_000_000;
export const YEAR_MAX = 2100;

const L = (zh: string, en: string): Label => ({ zh, en });
const yuan = (zh: string, en: string, gap: GapDirection = 'up', aliases: string[] = []): FactDef => ({
  type: 'number',
  unit: 'yuan',
  label: L(zh, en),
  min: 0,
  max: MONEY_MAX,
  gap,
  step: 10_000,
  aliases,
});
const persons = (zh: string, en: string, gap: GapDirection = 'up', aliases: string[] = []): FactDef => ({
  type: 'integer',
  unit: 'persons',
  label: L(zh, en),
  min: 0,
  max: PERSONS_MAX,
  gap,
  step: 1,
  aliases,
});
const flag = (zh: string, en: string): FactDef => ({ type: 'boolean', label: L(zh, en), absentAs: false, gap: 'none' });

export const IP_KINDS = [
  'invention_patent',
  'defense_patent',
  'plant_variety',
  'national_crop_variety',
  'national_new_drug',
  'tcm_protected_grade1',
  'ic_layout_design',
  'utility_model_patent',
  'design_patent',
  'software_copyright',
  'trademark',
] as const;

/** Ⅰ类 / Ⅱ类 intellectual property (国科发政〔2017〕115号 附件; 工信部企业〔2022〕63号 说明). 0 = neither. */
export const IP_CLASS: Readonly<Record<(typeof IP_KINDS)[number], number>> = {
  invention_patent: 1,
  defense_patent: 1,
  plant_variety: 1,
  national_crop_variety: 1,
  national_new_drug: 1,
  tcm_protected_grade1: 1,
  ic_layout_design: 1,
  utility_model_patent: 2,
  design_patent: 2,
  software_copyright: 2,
  trademark: 0,
};

export const HONOR_KINDS = [
  'high_tech_enterprise',
  'tech_sme',
  'innovative_sme',
  'specialized_sme',
  'little_giant',
  'single_champion',
  'tech_innovation_demo',
  'ip_advantage',
  'ip_demo',
] as const;

export const LEVELS = ['national', 'provincial', 'municipal', 'other'] as const;

export const catalog: FactCatalog = {
  scalars: {
    uscc: {
      type: 'string',
      label: L('统一社会信用代码', 'Unified social credit code'),
      gap: 'none',
      aliases: ['信用代码', 'USCC', '社会信用代码'],
    },
    name: {
      type: 'string',
      label: L('企业名称', 'Enterprise name'),
      maxLength: 200,
      gap: 'none',
      aliases: ['单位名称', '企业（单位）名称', 'name'],
    },
    regionCode: {
      type: 'string',
      label: L('所在地区（GB/T 2260）', 'Region (GB/T 2260)'),
      gap: 'none',
      aliases: ['行政区划代码', '区划代码', '地区代码', 'region code'],
    },
    industryCode: {
      type: 'string',
      label: L('所属行业（GB/T 4754-2017）', 'Industry (GB/T 4754-2017)'),
      gap: 'none',
      aliases: ['行业代码', '所属行业代码', '国民经济行业代码', 'industry code'],
    },
    establishedOn: { type: 'date', label: L('成立日期', 'Date established'), gap: 'none' },
    nicheSince: { type: 'date', label: L('进入细分市场时间', 'In its niche market since'), gap: 'none' },
    mainProductStrategicEmerging: {
      type: 'boolean',
      label: L('主导产品属于战略性新兴产业', 'Main product in a strategic emerging industry'),
      gap: 'none',
    },
    mainProductChainRole: {
      type: 'enum',
      values: ['key_link', 'foundation', 'none'],
      label: L('主导产品在产业链中的作用', 'Role of the main product in its industrial chain'),
      gap: 'none',
    },
    mainProductKeyField: {
      type: 'boolean',
      label: L('主导产品属于重点领域（六基、制造强国、网络强国等）', 'Main product in a key field'),
      gap: 'none',
    },
    digitalLevel: {
      type: 'integer',
      unit: 'level',
      min: 0,
      max: 4,
      label: L('数字化水平等级', 'Digital maturity level'),
      gap: 'up',
      step: 1,
    },
    featurePoints: {
      type: 'number',
      unit: 'points',
      min: 0,
      max: 15,
      label: L('特色化指标得分（省级）', 'Provincial feature points'),
      gap: 'none',
    },
    marketShareDomestic: {
      type: 'number',
      unit: 'ratio',
      min: 0,
      max: 1,
      label: L('主导产品国内细分市场占有率', 'Domestic niche market share'),
      gap: 'up',
      step: 0.001,
    },
    marketShareGlobal: {
      type: 'number',
      unit: 'ratio',
      min: 0,
      max: 1,
      label: L('主导产品国际细分市场占有率', 'International niche market share'),
      gap: 'up',
      step: 0.001,
    },
    marketRankChina: {
      type: 'integer',
      unit: 'rank',
      min: 1,
      max: RANK_MAX,
      label: L('主导产品国内市场排名', 'Rank in China'),
      gap: 'down',
      step: 1,
    },
    marketRankGlobal: {
      type: 'integer',
      unit: 'rank',
      min: 1,
      max: RANK_MAX,
      label: L('主导产品全球市场排名', 'Global rank'),
      gap: 'down',
      step: 1,
    },
    qualityCertified: {
      type: 'boolean',
      label: L('通过质量管理体系认证', 'Quality management system certified'),
      gap: 'none',
    },
    productCertifiedAbroad: {
      type: 'boolean',
      label: L('产品获发达国家或地区认证', 'Product certified in a developed market'),
      gap: 'none',
    },
    ownBrand: { type: 'boolean', label: L('拥有自主品牌', 'Has its own brand'), gap: 'none' },
    mainProductNew: {
      type: 'boolean',
      label: L('主导产品为新产品', 'Main product is a new product'),
      gap: 'none',
    },
    marketShareRecognized: {
      type: 'boolean',
      label: L(
        '主导产品细分市场占有率较高、具有一定知名度',
        'Main product has a relatively high, recognised niche share',
      ),
      gap: 'none',
    },
    groupHasLittleGiant: {
      type: 'boolean',
      label: L(
        '与已认定"小巨人"企业存在控股关系或同属集团且主导产品相近',
        'Controlled by or grouped with an existing little giant',
      ),
      absentAs: false,
      gap: 'none',
    },
    coreBusinessOnInfoSystem: {
      type: 'boolean',
      label: L('至少一项核心业务采用信息系统支撑', 'A core business runs on an information system'),
      gap: 'none',
    },
    digitalScoreFoundation: {
      type: 'number',
      unit: 'points',
      min: 0,
      max: 100,
      label: L('数字化基础得分', 'Digital foundation score'),
      gap: 'up',
      step: 0.5,
    },
    digitalScoreOperation: {
      type: 'number',
      unit: 'points',
      min: 0,
      max: 100,
      label: L('数字化经营得分', 'Digital operation score'),
      gap: 'up',
      step: 0.5,
    },
    digitalScoreManagement: {
      type: 'number',
      unit: 'points',
      min: 0,
      max: 100,
      label: L('数字化管理得分', 'Digital management score'),
      gap: 'up',
      step: 0.5,
    },
    digitalScoreEffect: {
      type: 'number',
      unit: 'points',
      min: 0,
      max: 100,
      label: L('数字化成效得分', 'Digital effect score'),
      gap: 'up',
      step: 0.5,
    },
  },
  yearly: {
    employees: persons('职工总数（从业人员）', 'Employees', 'none', ['从业人员', '职工总数', '从业人员数', '职工人数']),
    techStaff: persons('科技人员数', 'Technology staff', 'up', ['科技人员']),
    rdStaff: persons('研发人员数', 'R&D staff', 'up', ['研发人员']),
    revenue: yuan('营业收入', 'Operating revenue', 'up', ['销售收入', '营业总收入']),
    mainRevenue: yuan('主营业务收入', 'Main business revenue'),
    totalAssets: yuan('资产总额', 'Total assets', 'none', ['资产总计']),
    totalLiabilities: yuan('负债总额', 'Total liabilities', 'down', ['负债合计', '负债总计']),
    totalCosts: yuan('成本费用支出总额', 'Total costs and expenses', 'none'),
    rdExpense: yuan('研发费用', 'R&D expense', 'up', ['研发投入', '研发经费', '研究开发费用']),
    netProfit: {
      type: 'number',
      unit: 'yuan',
      label: L('净利润', 'Net profit'),
      min: -MONEY_MAX,
      max: MONEY_MAX,
      gap: 'up',
      step: 10_000,
    },
    developmentScore: {
      type: 'number',
      unit: 'points',
      min: 0,
      max: 100,
      label: L('专精特新发展评价得分', 'Specialised-SME development score'),
      gap: 'up',
      step: 1,
    },
  },
  lists: {
    ip: {
      label: L('知识产权', 'Intellectual property'),
      itemLabel: L('项知识产权', 'IP item'),
      item: {
        kind: { type: 'enum', values: IP_KINDS, label: L('类型', 'Kind'), required: true },
        grantedOn: { type: 'date', label: L('授权日期', 'Granted on') },
        mainProduct: { type: 'boolean', label: L('与主导产品相关', 'Related to the main product') },
        selfDeveloped: { type: 'boolean', label: L('自主研发', 'Self-developed') },
        highValue: { type: 'boolean', label: L('高价值', 'High-value') },
      },
      derived: {
        class: {
          type: 'number',
          label: L('类别（Ⅰ类=1，Ⅱ类=2）', 'Class (I = 1, II = 2)'),
          from: 'kind',
          map: IP_CLASS,
        },
      },
    },
    honors: {
      label: L('资质荣誉', 'Titles and certificates'),
      itemLabel: L('项资质', 'title'),
      item: {
        kind: { type: 'enum', values: HONOR_KINDS, label: L('类型', 'Kind'), required: true },
        validFrom: { type: 'date', label: L('有效期起', 'Valid from') },
        validTo: { type: 'date', label: L('有效期止', 'Valid to') },
        certificateNo: { type: 'string', label: L('证书编号', 'Certificate number'), maxLength: 100 },
      },
      derived: {
        valid: { type: 'boolean', label: L('在有效期内', 'Valid'), validFrom: 'validFrom', validTo: 'validTo' },
      },
    },
    awards: {
      label: L('获奖', 'Awards'),
      itemLabel: L('项奖励', 'award'),
      item: {
        kind: {
          type: 'enum',
          values: ['science_technology', 'quality', 'maker_china'],
          label: L('类型（科技奖/质量奖/创客中国）', 'Kind'),
          absentAs: 'science_technology',
        },
        level: { type: 'enum', values: LEVELS, label: L('级别', 'Level'), required: true },
        year: { type: 'integer', label: L('年度', 'Year'), min: 1949, max: YEAR_MAX, required: true },
        rank: { type: 'integer', label: L('排名', 'Rank'), min: 1, max: RANK_MAX },
      },
    },
    rdInstitutions: {
      label: L('研发机构', 'R&D institutions'),
      itemLabel: L('个研发机构', 'R&D institution'),
      item: { level: { type: 'enum', values: LEVELS, label: L('级别', 'Level'), required: true } },
    },
    standards: {
      label: L('标准制定', 'Standards'),
      itemLabel: L('项标准', 'standard'),
      item: {
        level: {
          type: 'enum',
          values: ['international', 'national', 'industry', 'local', 'group'],
          label: L('级别', 'Level'),
          required: true,
        },
        role: { type: 'enum', values: ['lead', 'participant'], label: L('角色', 'Role'), required: true },
        year: { type: 'integer', label: L('年度', 'Year'), min: 1949, max: YEAR_MAX, required: true },
      },
    },
    equityFinancing: {
      label: L('股权融资', 'Equity financing'),
      itemLabel: L('笔股权融资', 'equity round'),
      item: {
        date: { type: 'date', label: L('到账日期', 'Date paid in'), required: true },
        amount: {
          type: 'number',
          unit: 'yuan',
          label: L('实缴金额', 'Amount paid in'),
          min: 0,
          max: MONEY_MAX,
          required: true,
        },
        qualifiedInvestor: { type: 'boolean', label: L('合格机构投资者', 'Qualified institutional investor') },
      },
    },
  },
  compliance: {
    abnormalOperationList: flag('列入经营异常名录', 'On the abnormal-operation list'),
    seriousDishonesty: flag('列入严重失信主体名单', 'On the serious-dishonesty list'),
    majorAccident: flag('近三年发生重大安全、质量、环境事故', 'Major safety, quality or environmental accident'),
    taxEvasion: flag('近三年存在偷税漏税', 'Tax evasion'),
    dataFraud: flag('近三年存在数据造假', 'Data fraud'),
    researchMisconduct: flag('严重科研失信行为', 'Serious research misconduct'),
    prohibitedProducts: flag('产品属于禁止、限制或淘汰类', 'Products prohibited, restricted or eliminated'),
  },
};
