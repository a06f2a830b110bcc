/**
 * Payment: the confirmed claims of a policy as the .xlsx a finance office pays from, and each
 * payment's outcome recorded back — as JSON, or as that same sheet with its status columns filled
 * in. Good rows are recorded and bad ones reported by row; nothing recorded is lost.
 */
import ExcelJS from 'exceljs';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { isRealDate } from '../facts/profile.ts';
import { regionName } from '../facts/regions.ts';
import { reviewerCovers, reviewerPrefix, type Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Platform } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import type { Upload } from '../platform/http.ts';
import { MAX_ID } from '../platform/openapi.ts';
import { readSheet } from '../platform/read-sheet.ts';
import type { Cell } from '../platform/sheets.ts';
import { paymentBasis } from './basis.ts';
import { auditClaim, changeClaim } from './claims.ts';
import { rewardEdition } from './rewards.ts';
import { claims } from './schema.ts';

/** A payment list sent back: the exported sheet of at most a few thousand rows. */
export const PAYMENT_SHEET_MAX_BYTES = 10 * 1024 * 1024;

/** Reviewers and administrators handle the payments of a policy the platform has (404 for another). */
function requirePaymentOfficer(p: Platform, actor: Actor, policyId: string): void {
  if (actor.role !== 'reviewer' && actor.role !== 'admin')
    throw forbidden({ zh: '只有审核人员可以办理支付', en: 'Only reviewers handle payments' });
  if (!p.policies.has(policyId)) throw notFound({ zh: `政策 ${policyId}`, en: `Policy ${policyId}` });
}

/** The sheet's columns; 支付结果 to 备注 are for the finance office to fill in and send back. */
const COLUMNS = [
  { header: '事项编号', key: 'id', width: 10 },
  { header: '统一社会信用代码', key: 'uscc', width: 22 },
  { header: '企业名称', key: 'firmName', width: 34 },
  { header: '所在地区', key: 'region', width: 14 },
  { header: '金额（元）', key: 'amount', width: 14 },
  { header: '开户行', key: 'bankName', width: 28 },
  { header: '户名', key: 'accountName', width: 34 },
  { header: '账号', key: 'accountNo', width: 26 },
  { header: '确认时间（北京时间）', key: 'confirmedAt', width: 20 },
  { header: '支付结果（已支付/支付失败）', key: 'result', width: 16 },
  { header: '支付日期', key: 'paidOn', width: 12 },
  { header: '支付凭证号', key: 'reference', width: 20 },
  { header: '备注', key: 'note', width: 24 },
  /** Last, so the columns the finance office fills keep their places. */
  { header: '认定依据（事实：来源）', key: 'basis', width: 48 },
] as const;

const beijing = (d: Date | null) =>
  d
    ? new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(d)
    : null;

/**
 * The confirmed, unpaid claims of a policy in the actor's region, as an .xlsx. The export is
 * recorded on each claim and audited: it is the list the finance office's sheet is reconciled against.
 */
export async function exportPayments(p: Platform, actor: Actor, policyId: string) {
  requirePaymentOfficer(p, actor, policyId);
  const { edition } = rewardEdition(p, policyId, p.today());
  const scope = actor.role === 'reviewer' ? sql`${claims.regionCode} like ${reviewerPrefix(actor) + '%'}` : undefined;
  const rows = await p.db
    .select()
    .from(claims)
    .where(and(eq(claims.policyId, policyId), inArray(claims.status, ['confirmed', 'payment_failed']), scope))
    .orderBy(asc(claims.id));
  const basis = await paymentBasis(p, p.policies.screener(policyId, p.today()), rows);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('支付清单');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const c of rows) {
    sheet.addRow({
      id: c.id,
      uscc: c.uscc,
      firmName: c.firmName,
      region: regionName(c.regionCode) ?? c.regionCode,
      amount: c.amount,
      bankName: c.bankName,
      accountName: c.accountName,
      accountNo: c.accountNo, // text, so a long number keeps every digit
      confirmedAt: beijing(c.confirmedAt),
      basis: basis.get(c.id),
      result: c.status === 'payment_failed' ? '支付失败' : null,
      note: c.note,
    });
  }
  sheet.getColumn('amount').numFmt = '#,##0.00';
  const total = rows.reduce((a, c) => a + (c.amount ?? 0), 0);
  const about = book.addWorksheet('说明');
  about.columns = [{ width: 20 }, { width: 70 }];
  about.addRows([
    ['政策', `${edition.title.zh}（${policyId}，${edition.edition} 版）`],
    ['导出时间（北京时间）', beijing(new Date())],
    ['企业数', rows.length],
    ['金额合计（元）', total],
    ['回填说明', '在“支付结果”填写 已支付 或 支付失败，填写支付日期（YYYY-MM-DD）与凭证号后，上传本表即可登记支付结果'],
  ]);
  about.getColumn(1).font = { bold: true };
  if (rows.length)
    await p.db
      .update(claims)
      .set({ exportedAt: new Date() })
      .where(
        inArray(
          claims.id,
          rows.map((r) => r.id),
        ),
      );
  // Each firm's bank account leaves the platform here: one audit entry per firm.
  for (const c of rows) await auditClaim(p, actor, 'export', c, { claim: c.id, policyId });
  await recordAudit(p.db, actor, {
    action: 'delivery.payments.export',
    regionCode: actor.regionCode,
    detail: { policyId, firms: rows.length, total },
  });
  return {
    name: `支付清单-${policyId}-${p.today().replaceAll('-', '')}.xlsx`,
    data: Buffer.from(await book.xlsx.writeBuffer()),
    firms: rows.length,
  };
}

export interface PaymentRecord {
  claimId: number;
  status: 'paid' | 'payment_failed';
  paidOn?: string | undefined;
  reference?: string | undefined;
  note?: string | undefined;
  /** Where the record came from, for the error list: `items[3]` or `row 5`. */
  at?: string | undefined;
}

/** Records payment outcomes; each bad record is reported with why, the others are saved. */
export async function recordPayments(p: Platform, actor: Actor, policyId: string, records: PaymentRecord[]) {
  requirePaymentOfficer(p, actor, policyId);
  const today = p.today();
  const errors: { at: string; claimId: number | null; message: string }[] = [];
  let recorded = 0;
  const found = records.length
    ? await p.db
        .select()
        .from(claims)
        .where(
          inArray(
            claims.id,
            records.map((r) => r.claimId),
          ),
        )
    : [];
  const byId = new Map(found.map((c) => [c.id, c]));
  for (const [i, r] of records.entries()) {
    const at = r.at ?? `items[${i}]`;
    const c = byId.get(r.claimId);
    const fail = (message: string) => errors.push({ at, claimId: r.claimId, message });
    if (!c || c.policyId !== policyId) {
      fail(`claim ${r.claimId} is not a claim of ${policyId}`);
      continue;
    }
    if (actor.role === 'reviewer' && !reviewerCovers(actor, c.regionCode)) {
      fail(`claim ${r.claimId} is outside your region`);
      continue;
    }
    if (c.status !== 'confirmed' && c.status !== 'payment_failed') {
      fail(`claim ${r.claimId} is ${c.status}: only confirmed claims are paid`);
      continue;
    }
    if (r.status === 'paid') {
      if (!r.paidOn || !isRealDate(r.paidOn)) {
        fail('paidOn: the payment date is required, written YYYY-MM-DD');
        continue;
      }
      if (r.paidOn > today) {
        fail(`paidOn: ${r.paidOn} is after today (${today})`);
        continue;
      }
      if (!r.reference?.trim()) {
        fail('reference: the payment reference (支付凭证号) is required');
        continue;
      }
    }
    const updated = await changeClaim(p, c, c.version, {
      status: r.status,
      paidOn: r.status === 'paid' ? r.paidOn! : null,
      paymentRef: r.reference?.trim() || null,
      note: r.note?.trim() || c.note,
    });
    await auditClaim(p, actor, r.status === 'paid' ? 'pay' : 'payment_failed', c, {
      claim: c.id,
      paidOn: updated.paidOn,
      reference: updated.paymentRef,
    });
    byId.set(c.id, updated);
    recorded++;
  }
  await recordAudit(p.db, actor, {
    action: 'delivery.payments.record',
    regionCode: actor.regionCode,
    detail: { policyId, recorded, rejected: errors.length },
  });
  return { recorded, rejected: errors.length, errors };
}

const RESULTS: Record<string, PaymentRecord['status']> = {
  已支付: 'paid',
  支付成功: 'paid',
  paid: 'paid',
  支付失败: 'payment_failed',
  failed: 'payment_failed',
  payment_failed: 'payment_failed',
};

const cellText = (v: Cell | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

/** Records payments from the exported sheet sent back filled in: the sheet's bad rows and the refused ones listed together. */
export async function recordPaymentSheet(p: Platform, actor: Actor, policyId: string, file: Upload) {
  requirePaymentOfficer(p, actor, policyId);
  const sheet = await paymentsFromSheet(file);
  const done = await recordPayments(p, actor, policyId, sheet.records);
  const errors = [...sheet.errors, ...done.errors];
  return { recorded: done.recorded, rejected: errors.length, errors };
}

/** Reads the exported sheet sent back with its status columns filled in; rows left blank are skipped. */
async function paymentsFromSheet(
  file: Upload,
): Promise<{ records: PaymentRecord[]; errors: { at: string; claimId: number | null; message: string }[] }> {
  const rows = await readSheet(file.data, file.name);
  const header = rows[0]?.number === 1 ? rows[0].cells : [];
  const col = (name: string) => header.findIndex((v) => cellText(v) === name);
  const idCol = col('事项编号');
  const resultCol = col(COLUMNS.find((c) => c.key === 'result')!.header);
  if (idCol < 0 || resultCol < 0)
    throw new AppError(422, 'not_payment_sheet', {
      zh: `「${file.name}」不是导出的支付清单：缺少“事项编号”或“支付结果”列`,
      en: `${file.name} is not an exported payment list: the 事项编号 or 支付结果 column is missing`,
    });
  const dateCol = col('支付日期');
  const refCol = col('支付凭证号');
  const noteCol = col('备注');
  const records: PaymentRecord[] = [];
  const errors: { at: string; claimId: number | null; message: string }[] = [];
  for (const { number: n, cells } of rows) {
    if (n === 1) continue;
    const get = (c: number) => (c < 0 ? '' : cellText(cells[c]));
    const result = get(resultCol);
    if (!result) continue;
    const claimId = Number(get(idCol));
    const at = `row ${n}`;
    if (!Number.isInteger(claimId) || claimId <= 0 || claimId > MAX_ID) {
      errors.push({ at, claimId: null, message: `事项编号 "${get(idCol)}" is not a claim number` });
      continue;
    }
    const status = RESULTS[result];
    if (!status) {
      errors.push({ at, claimId, message: `支付结果 "${result}" must be 已支付 or 支付失败` });
      continue;
    }
    records.push({
      claimId,
      status,
      paidOn: get(dateCol) || undefined,
      reference: get(refCol) || undefined,
      note: get(noteCol) || undefined,
      at,
    });
  }
  return { records, errors };
}
