/**
 * The GB/T 4754-2017 classes (小类, 4 digits) demo enterprises are drawn from, with words for their
 * names and how they behave: `kind` picks the size-table row and typical ratios, `tech` (0–1) how
 * research-intensive firms of the class tend to be, `consumer` that design patents and brands are
 * common. Every code is a class of GB/T 4754-2017 (checked by the tests against the validator).
 */

export type IndustryKind = 'mfg' | 'software' | 'internet' | 'research' | 'wholesale' | 'retail' | 'construction';

export interface DemoIndustry {
  code: string;
  /** The class title in GB/T 4754-2017. */
  title: string;
  /** Words that stand before 有限公司 in a firm's name. */
  words: readonly string[];
  kind: IndustryKind;
  tech: number;
  consumer?: boolean;
  /** Relative frequency before the city's own tilt. */
  weight: number;
}

const mfg = (code: string, title: string, words: string[], tech: number, consumer = false): DemoIndustry => ({
  code: `C${code}`,
  title,
  words,
  kind: 'mfg',
  tech,
  consumer,
  weight: 1,
});

export const DEMO_INDUSTRIES: readonly DemoIndustry[] = [
  mfg('1495', '食品及饲料添加剂制造', ['生物科技', '食品配料'], 0.4),
  mfg('1713', '棉印染精加工', ['印染', '纺织'], 0.15),
  mfg('1829', '其他针织或钩针编织服装制造', ['针织服饰', '服饰'], 0.1, true),
  mfg('2110', '木质家具制造', ['家具', '家居'], 0.15, true),
  mfg('2231', '纸和纸板容器制造', ['包装', '纸品包装'], 0.1),
  mfg('2614', '有机化学原料制造', ['化工', '化学'], 0.35),
  mfg('2641', '涂料制造', ['涂料', '新材料'], 0.35),
  mfg('2662', '专项化学用品制造', ['精细化工', '化学品'], 0.45),
  mfg('2669', '其他专用化学产品制造', ['新材料', '化学科技'], 0.45),
  mfg('2710', '化学药品原料药制造', ['药业', '医药化工'], 0.6),
  mfg('2720', '化学药品制剂制造', ['制药', '药业'], 0.65),
  mfg('2761', '生物药品制造', ['生物制药', '生物医药'], 0.8),
  mfg('2770', '卫生材料及医药用品制造', ['医疗用品', '医用材料'], 0.4),
  mfg('2927', '日用塑料制品制造', ['塑料制品', '日用品'], 0.15, true),
  mfg('2929', '塑料零件及其他塑料制品制造', ['塑胶', '塑料制品'], 0.25),
  mfg('3011', '水泥制造', ['水泥', '建材'], 0.1),
  mfg('3071', '建筑陶瓷制品制造', ['陶瓷', '建陶'], 0.2, true),
  mfg('3099', '其他非金属矿物制品制造', ['新材料', '矿业新材料'], 0.3),
  mfg('3130', '钢压延加工', ['特钢', '钢业'], 0.2),
  mfg('3240', '有色金属合金制造', ['合金材料', '新材料'], 0.35),
  mfg('3252', '铝压延加工', ['铝业', '铝材'], 0.25),
  mfg('3311', '金属结构制造', ['钢结构', '重工'], 0.2),
  mfg('3351', '建筑、家具用金属配件制造', ['五金', '金属制品'], 0.2, true),
  mfg('3360', '金属表面处理及热处理加工', ['表面处理', '热处理'], 0.2),
  mfg('3391', '黑色金属铸造', ['铸造', '铸业'], 0.15),
  mfg('3441', '泵及真空设备制造', ['泵业', '流体设备'], 0.4),
  mfg('3443', '阀门和旋塞制造', ['阀门', '流体控制'], 0.35),
  mfg('3451', '滚动轴承制造', ['轴承', '精工'], 0.35),
  mfg('3484', '机械零部件加工', ['精密机械', '机械', '精密制造'], 0.35),
  mfg('3491', '工业机器人制造', ['机器人', '智能装备'], 0.8),
  mfg('3493', '增材制造装备制造', ['增材制造', '三维科技'], 0.85),
  mfg('3521', '炼油、化工生产专用设备制造', ['化工装备', '石化设备'], 0.4),
  mfg('3531', '食品、酒、饮料及茶生产专用设备制造', ['食品机械', '饮料机械'], 0.35),
  mfg('3562', '半导体器件专用设备制造', ['半导体设备', '微电子装备'], 0.9),
  mfg('3581', '医疗诊断、监护及治疗设备制造', ['医疗科技', '医疗器械'], 0.75),
  mfg('3589', '其他医疗设备及器械制造', ['医疗器械', '医用设备'], 0.6),
  mfg('3670', '汽车零部件及配件制造', ['汽车零部件', '汽车部件'], 0.4),
  mfg('3812', '电动机制造', ['电机', '电机科技'], 0.45),
  mfg('3824', '电力电子元器件制造', ['电力电子', '功率器件'], 0.7),
  mfg('3825', '光伏设备及元器件制造', ['光伏科技', '新能源'], 0.6),
  mfg('3841', '锂离子电池制造', ['锂电', '新能源科技'], 0.65),
  mfg('3851', '家用制冷电器具制造', ['制冷电器', '电器'], 0.35, true),
  mfg('3854', '家用厨房电器具制造', ['电器', '厨具电器'], 0.35, true),
  mfg('3872', '照明灯具制造', ['照明', '灯饰'], 0.25, true),
  mfg('3914', '工业控制计算机及系统制造', ['工控科技', '自动化'], 0.75),
  mfg('3921', '通信系统设备制造', ['通信', '通信技术'], 0.75),
  mfg('3961', '可穿戴智能设备制造', ['智能科技', '智能穿戴'], 0.7, true),
  mfg('3973', '集成电路制造', ['微电子', '半导体'], 0.9),
  mfg('3976', '光电子器件制造', ['光电', '光电子'], 0.8),
  mfg('3982', '电子电路制造', ['电路科技', '电子'], 0.45),
  mfg('3983', '敏感元件及传感器制造', ['传感', '传感技术'], 0.8),
  mfg('3985', '电子专用材料制造', ['电子材料', '电子新材料'], 0.7),
  mfg('4011', '工业自动控制系统装置制造', ['自动化', '智能控制'], 0.7),
  mfg('4014', '实验分析仪器制造', ['仪器', '分析仪器'], 0.75),
  mfg('4021', '环境监测专用仪器仪表制造', ['环境科技', '环保仪器'], 0.65),
  mfg('4028', '电子测量仪器制造', ['测控', '电子测量'], 0.7),

  { code: 'I6511', title: '基础软件开发', words: ['软件', '计算机技术'], kind: 'software', tech: 0.85, weight: 1 },
  {
    code: 'I6513',
    title: '应用软件开发',
    words: ['软件', '信息技术', '数字科技', '网络科技'],
    kind: 'software',
    tech: 0.7,
    weight: 3,
  },
  {
    code: 'I6520',
    title: '集成电路设计',
    words: ['微电子', '芯片设计', '集成电路'],
    kind: 'software',
    tech: 0.95,
    weight: 1,
  },
  { code: 'I6531', title: '信息系统集成服务', words: ['信息技术', '系统集成'], kind: 'software', tech: 0.5, weight: 1 },
  {
    code: 'I6532',
    title: '物联网技术服务',
    words: ['物联网科技', '智联科技'],
    kind: 'software',
    tech: 0.65,
    weight: 1,
  },
  {
    code: 'I6550',
    title: '信息处理和存储支持服务',
    words: ['数据科技', '云计算'],
    kind: 'software',
    tech: 0.55,
    weight: 1,
  },
  { code: 'I6560', title: '信息技术咨询服务', words: ['信息咨询', '数字技术'], kind: 'software', tech: 0.4, weight: 1 },
  {
    code: 'I6572',
    title: '动漫、游戏数字内容服务',
    words: ['网络科技', '数字娱乐'],
    kind: 'software',
    tech: 0.45,
    weight: 0.7,
  },
  { code: 'I6450', title: '互联网数据服务', words: ['大数据', '数据服务'], kind: 'internet', tech: 0.6, weight: 0.7 },

  {
    code: 'M7320',
    title: '工程和技术研究和试验发展',
    words: ['科技', '工程技术', '技术研究院'],
    kind: 'research',
    tech: 0.8,
    weight: 1.5,
  },
  {
    code: 'M7340',
    title: '医学研究和试验发展',
    words: ['医药科技', '生物科技'],
    kind: 'research',
    tech: 0.85,
    weight: 1,
  },
  { code: 'M7452', title: '检测服务', words: ['检测', '检测技术'], kind: 'research', tech: 0.4, weight: 1 },
  { code: 'M7484', title: '工程设计活动', words: ['工程设计', '建筑设计'], kind: 'research', tech: 0.35, weight: 1 },
  { code: 'M7491', title: '工业设计服务', words: ['工业设计', '设计'], kind: 'research', tech: 0.4, weight: 0.8 },
  {
    code: 'M7513',
    title: '新材料技术推广服务',
    words: ['新材料科技', '材料科技'],
    kind: 'research',
    tech: 0.6,
    weight: 1,
  },
  { code: 'M7514', title: '节能技术推广服务', words: ['节能科技', '能源科技'], kind: 'research', tech: 0.5, weight: 1 },
  { code: 'M7516', title: '环保技术推广服务', words: ['环保科技', '环境技术'], kind: 'research', tech: 0.5, weight: 1 },

  { code: 'F5164', title: '金属及金属矿批发', words: ['金属材料', '物资'], kind: 'wholesale', tech: 0, weight: 1 },
  { code: 'F5169', title: '其他化工产品批发', words: ['化工贸易', '化工'], kind: 'wholesale', tech: 0, weight: 1 },
  { code: 'F5174', title: '五金产品批发', words: ['五金', '五金贸易'], kind: 'wholesale', tech: 0, weight: 1 },
  {
    code: 'F5176',
    title: '计算机、软件及辅助设备批发',
    words: ['电子科技', '计算机'],
    kind: 'wholesale',
    tech: 0.05,
    weight: 1,
  },
  {
    code: 'F5179',
    title: '其他机械设备及电子产品批发',
    words: ['机电设备', '机电'],
    kind: 'wholesale',
    tech: 0.03,
    weight: 1,
  },
  { code: 'F5211', title: '百货零售', words: ['商贸', '百货'], kind: 'retail', tech: 0, weight: 0.7 },
  { code: 'F5292', title: '互联网零售', words: ['电子商务', '电商'], kind: 'retail', tech: 0.05, weight: 1 },

  { code: 'E4790', title: '其他房屋建筑业', words: ['建设', '建筑工程'], kind: 'construction', tech: 0.05, weight: 1 },
  { code: 'E4910', title: '电气安装', words: ['电力工程', '机电工程'], kind: 'construction', tech: 0.1, weight: 1 },
  {
    code: 'E5011',
    title: '公共建筑装饰和装修',
    words: ['装饰工程', '建筑装饰'],
    kind: 'construction',
    tech: 0.05,
    weight: 1,
  },
];
