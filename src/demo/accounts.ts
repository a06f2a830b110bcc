/**
 * The demo's accounts, one or more per role, so whoever starts the platform can log in as an
 * officer of a district, a city or a province, as a firm, a bank, a provider or a chamber.
 */
import type { NewUser } from '../platform/auth.ts';

/** Printed at start; the demo is for trying the platform, never for real data. */
export const DEMO_PASSWORD = 'huiqi-demo-2026';

export function demoAccounts(firms: { uscc: string; name: string; regionCode: string }[]): NewUser[] {
  const inWuxi = firms.filter((f) => f.regionCode.startsWith('3202'));
  const inNanjing = firms.filter((f) => f.regionCode.startsWith('3201'));
  const reviewer = (username: string, displayName: string, regionCode: string, level: NewUser['level']): NewUser => ({
    username,
    displayName,
    role: 'reviewer',
    regionCode,
    level,
    password: DEMO_PASSWORD,
  });
  const firmUser = (username: string, f: { uscc: string; name: string }): NewUser => ({
    username,
    displayName: f.name,
    role: 'enterprise',
    uscc: f.uscc,
    password: DEMO_PASSWORD,
  });
  return [
    reviewer('wuxi', '无锡市工业和信息化局', '320200', 'city'),
    reviewer('binhu', '无锡市滨湖区工业和信息化局', '320211', 'district'),
    reviewer('jiangsu', '江苏省工业和信息化厅', '320000', 'province'),
    reviewer('nanjing', '南京市工业和信息化局', '320100', 'city'),
    reviewer('shanghai', '上海市经济和信息化委员会', '310000', 'province'),
    reviewer('foshan', '佛山市工业和信息化局', '440600', 'city'),
    reviewer('wuhan', '武汉市经济和信息化局', '420100', 'city'),
    reviewer('chengdu', '成都市经济和信息化局', '510100', 'city'),
    reviewer('miit', '工业和信息化部中小企业局', '000000', 'national'),
    ...(inWuxi[0] ? [firmUser('firm-wuxi', inWuxi[0])] : []),
    ...(inNanjing[0] ? [firmUser('firm-nanjing', inNanjing[0])] : []),
    {
      username: 'bank',
      displayName: '江苏银行无锡分行',
      role: 'bank',
      organization: '江苏银行',
      password: DEMO_PASSWORD,
    },
    {
      username: 'provider',
      displayName: '数字化转型服务商（示例）',
      role: 'provider',
      organization: '示例服务商',
      password: DEMO_PASSWORD,
    },
    {
      username: 'chamber',
      displayName: '无锡市总商会',
      role: 'chamber',
      organization: '无锡市总商会',
      password: DEMO_PASSWORD,
    },
  ];
}
