/** How values read in the UI: money in 万元 with thousands separators, dates as YYYY-MM-DD. */
const wan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** Yuan as 万元: 85000000 → "8,500.00". */
export const formatWan = (yuan: number | null | undefined): string =>
  yuan === null || yuan === undefined ? '—' : wan.format(yuan / 10_000);

export const formatNumber = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : plain.format(n);

export const formatPercent = (ratio: number | null | undefined): string =>
  ratio === null || ratio === undefined ? '—' : `${plain.format(ratio * 100)}%`;

/** An ISO timestamp or date as YYYY-MM-DD. */
export const formatDate = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '—');
