/**
 * Who may call what: every route of the API × every role, for a firm inside the Wuxi reviewers'
 * region (A) and one outside it (B), against the answer the service layer should give; and the
 * audit entries reads and writes leave behind.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { gt, max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushListReads } from '../platform/audit.ts';
import { auditLog } from '../platform/schema.ts';
import { AS_OF, deliveryFixtures, recognitionFixtures, uploadAsFirm, XINWU } from './test-fixtures.ts';
import {
  FIRM_A,
  FIRM_B,
  PASSWORD,
  ROLES,
  testApp,
  usccFor,
  type Send,
  type TestApp,
  type TestRole,
  answer,
} from './test-app.ts';

const POLICY = 'cn.most.tech-sme';
/** A well-formed code no firm on the platform has, registered in firm A's district. */
const UNKNOWN_FIRM = usccFor('320211', 999);

/** Whose data a row is about: firm A (Wuxi), firm B (Shanghai), or a firm that does not exist. */
type Subject = 'A' | 'B' | 'unknown';
const SUBJECT = {
  A: { uscc: FIRM_A.uscc, region: FIRM_A.regionCode },
  B: { uscc: FIRM_B.uscc, region: FIRM_B.regionCode },
  unknown: { uscc: UNKNOWN_FIRM, region: '320211' },
};

type Outcome = 200 | 201 | 202 | 204 | 400 | 401 | 403 | 404 | 409 | 422;
/** One answer per role, in the order of ROLES. */
type Outcomes = readonly [
  anonymous: Outcome,
  firm: Outcome,
  reviewer: Outcome,
  districtReviewer: Outcome,
  otherReviewer: Outcome,
  bank: Outcome,
  provider: Outcome,
  chamber: Outcome,
  admin: Outcome,
];

interface Row {
  /** Method and path as the OpenAPI document writes them. */
  route: string;
  subject?: Subject;
  expect: Outcomes;
}

const row = (route: string, subject: Subject | null, expect: Outcomes): Row => ({
  route,
  ...(subject ? { subject } : {}),
  expect,
});

const PUBLIC: Outcomes = [200, 200, 200, 200, 200, 200, 200, 200, 200];
const ANY_LOGIN = (ok: Outcome): Outcomes => [401, ok, ok, ok, ok, ok, ok, ok, ok];
/** A firm's data: the firm itself (firm A's account), reviewers of its region, administrators. */
// prettier-ignore
const FIRM_DATA: Record<Subject, Outcomes> = {
  //        anon firm  rev  dist other bank prov cham admin
  A:       [401, 200, 200, 200, 403, 403, 403, 403, 200],
  B:       [401, 403, 403, 403, 200, 403, 403, 403, 200],
  // Refused alike whether or not the firm exists, to whoever could not read it if it did.
  unknown: [401, 403, 404, 404, 404, 403, 403, 403, 404],
};
/**
 * An object by id about a firm (a decision record, an application, its file, a claim): read as the
 * firm's data, except that whoever could read such objects but not this one (another firm, a
 * reviewer elsewhere) is answered 404, as if it did not exist; roles that read none get 403.
 */
// prettier-ignore
const FIRM_OBJECT: Record<'A' | 'B', Outcomes> = {
  //        anon firm  rev  dist other bank prov cham admin
  A:       [401, 200, 200, 200, 404, 403, 403, 403, 200],
  B:       [401, 404, 404, 404, 200, 403, 403, 403, 200],
};
/** Reviewers and administrators only, confined to the reviewer's region (all of it, or A's or B's). */
// prettier-ignore
const REGION_ONLY: Record<'all' | 'A' | 'B', Outcomes> = {
  //        anon firm  rev  dist other bank prov cham admin
  all:     [401, 403, 200, 200, 200, 403, 403, 403, 200],
  A:       [401, 403, 200, 200, 403, 403, 403, 403, 200],
  B:       [401, 403, 403, 403, 200, 403, 403, 403, 200],
};

// prettier-ignore
const TABLE: Row[] = [
  //  route                                           subject     anon firm  rev  dist other bank prov cham admin
  row('GET /api/v1/health',                           null,       PUBLIC),
  row('POST /api/v1/auth/login',                      null,       ANY_LOGIN(200)), // anonymous: unknown account
  row('POST /api/v1/auth/logout',                     null,       [204, 204, 204, 204, 204, 204, 204, 204, 204]),
  row('GET /api/v1/auth/me',                          null,       ANY_LOGIN(200)),
  row('POST /api/v1/auth/tokens',                     null,       ANY_LOGIN(201)),
  row('GET /api/v1/auth/tokens',                      null,       ANY_LOGIN(200)),
  // Each caller revokes a token of its own.
  row('DELETE /api/v1/auth/tokens/{id}',              null,       ANY_LOGIN(204)),
  row('GET /api/v1/audit',                            null,       [401, 200, 200, 200, 200, 403, 403, 403, 200]),
  row('GET /api/v1/enterprises',                      null,       [401, 200, 200, 200, 200, 403, 403, 403, 200]),
  row('GET /api/v1/enterprises',                      'A',        [401, 200, 200, 200, 403, 403, 403, 403, 200]),
  row('GET /api/v1/enterprises',                      'B',        [401, 200, 403, 403, 200, 403, 403, 403, 200]),
  row('GET /api/v1/enterprises/export.xlsx',          null,       [401, 200, 200, 200, 200, 403, 403, 403, 200]),
  row('GET /api/v1/enterprises/export.xlsx',          'A',        [401, 200, 200, 200, 403, 403, 403, 403, 200]),
  row('GET /api/v1/enterprises/export.xlsx',          'B',        [401, 200, 403, 403, 200, 403, 403, 403, 200]),
  row('GET /api/v1/enterprises/{uscc}',               'A',        FIRM_DATA.A),
  row('GET /api/v1/enterprises/{uscc}',               'B',        FIRM_DATA.B),
  row('GET /api/v1/enterprises/{uscc}',               'unknown',  FIRM_DATA.unknown),
  row('GET /api/v1/enterprises/{uscc}/profile',       'A',        FIRM_DATA.A),
  row('GET /api/v1/enterprises/{uscc}/profile',       'B',        FIRM_DATA.B),
  row('GET /api/v1/enterprises/{uscc}/facts',         'A',        FIRM_DATA.A),
  row('GET /api/v1/enterprises/{uscc}/facts',         'B',        FIRM_DATA.B),
  row('POST /api/v1/enterprises/{uscc}/facts',        'A',        FIRM_DATA.A),
  row('POST /api/v1/enterprises/{uscc}/facts',        'B',        FIRM_DATA.B),
  // Verifies what firm A declared in the row above; firm B declared nothing, so there is nothing to verify.
  row('POST /api/v1/enterprises/{uscc}/facts/verify', 'A',        [401, 403, 200, 200, 403, 403, 403, 403, 200]),
  row('POST /api/v1/enterprises/{uscc}/facts/verify', 'B',        [401, 403, 403, 403, 400, 403, 403, 403, 400]),
  row('POST /api/v1/enterprises/{uscc}/facts/verify', 'unknown',  [401, 403, 404, 404, 404, 403, 403, 403, 404]),
  row('GET /api/v1/enterprises/{uscc}/decisions',     'A',        FIRM_DATA.A),
  row('GET /api/v1/enterprises/{uscc}/decisions',     'B',        FIRM_DATA.B),
  row('POST /api/v1/enterprises/{uscc}/evaluate',     'A',        FIRM_DATA.A),
  row('POST /api/v1/enterprises/{uscc}/evaluate',     'B',        FIRM_DATA.B),
  row('POST /api/v1/enterprises/evaluate',            null,       REGION_ONLY.all),
  row('POST /api/v1/enterprises/evaluate',            'A',        REGION_ONLY.A),
  row('POST /api/v1/enterprises/evaluate',            'B',        REGION_ONLY.B),
  row('GET /api/v1/stats',                            null,       REGION_ONLY.all),
  row('GET /api/v1/stats',                            'A',        REGION_ONLY.A),
  row('GET /api/v1/stats',                            'B',        REGION_ONLY.B),
  row('GET /api/v1/stats/trends',                     null,       REGION_ONLY.all),
  row('GET /api/v1/stats/trends',                     'A',        REGION_ONLY.A),
  row('GET /api/v1/stats/trends',                     'B',        REGION_ONLY.B),
  row('GET /api/v1/facts',                            null,       PUBLIC),
  row('GET /api/v1/policies',                         null,       PUBLIC),
  row('GET /api/v1/policies/{id}',                    null,       PUBLIC),
  row('POST /api/v1/policies/{id}/evaluate',          null,       PUBLIC),
  row('POST /api/v1/imports',                         null,       [401, 403, 202, 202, 202, 403, 403, 403, 202]),
  // An import the Wuxi city reviewer submitted: only they and administrators read it; to other reviewers it does not exist.
  row('GET /api/v1/imports/{id}',                     null,       [401, 403, 200, 404, 404, 403, 403, 403, 200]),
  row('GET /api/v1/imports/{id}/rejects.xlsx',        null,       [401, 403, 200, 404, 404, 403, 403, 403, 200]),
  // A decision record about the subject firm, made by an administrator.
  row('GET /api/v1/decisions/{id}',                   'A',        FIRM_OBJECT.A),
  row('GET /api/v1/decisions/{id}',                   'B',        FIRM_OBJECT.B),
  row('POST /api/v1/decisions/{id}/replay',           'A',        FIRM_OBJECT.A),
  row('POST /api/v1/decisions/{id}/replay',           'B',        FIRM_OBJECT.B),
  // The recognition workflow. Its fixtures: an open 创新型 batch of 江苏 (district → city → province)
  // with firm A's draft and a file on it, and a 上海 batch with firm B on a running notice, an open
  // objection and a title. Changes name a stale version, so whoever passes the gate gets 409.
  row('GET /api/v1/batches',                          null,       PUBLIC),
  row('GET /api/v1/batches/{id}',                     null,       PUBLIC),
  // Only the deciding (province) level opens a batch: the 上海 reviewer, for 上海.
  row('POST /api/v1/batches',                         null,       [401, 403, 403, 403, 201, 403, 403, 403, 403]),
  // Firm A has applied already.
  row('POST /api/v1/batches/{id}/applications',       null,       [401, 409, 403, 403, 403, 403, 403, 403, 403]),
  // Firm A's batch (江苏): no account here decides it, the deciding level of 上海 neither.
  row('POST /api/v1/batches/{id}/notices',            'A',        [401, 403, 403, 403, 403, 403, 403, 403, 403]),
  // Firm B's batch (上海): its deciding level passes the gate and finds nothing approved to publish.
  row('POST /api/v1/batches/{id}/notices',            'B',        [401, 403, 403, 403, 409, 403, 403, 403, 403]),
  row('GET /api/v1/applications',                     null,       [401, 200, 200, 200, 200, 403, 403, 403, 200]),
  row('GET /api/v1/applications/{id}',                'A',        FIRM_OBJECT.A),
  row('POST /api/v1/applications/{id}/submit',        'A',        [401, 409, 403, 403, 404, 403, 403, 403, 403]),
  row('POST /api/v1/applications/{id}/resubmit',      'A',        [401, 409, 403, 403, 404, 403, 403, 403, 403]),
  row('POST /api/v1/applications/{id}/withdraw',      'A',        [401, 409, 403, 403, 404, 403, 403, 403, 403]),
  row('POST /api/v1/applications/{id}/review',        'A',        [401, 403, 409, 409, 404, 403, 403, 403, 403]),
  row('POST /api/v1/applications/{id}/overrides',     'A',        [401, 403, 409, 409, 404, 403, 403, 403, 403]),
  // A draft cannot be spot-checked: the batch's reviewers of the region pass the gate and get 409.
  row('POST /api/v1/applications/{id}/spot-checks',   'A',        [401, 403, 409, 409, 404, 403, 403, 403, 403]),
  row('POST /api/v1/applications/{id}/evidence',      'A',        [401, 201, 403, 403, 404, 403, 403, 403, 403]),
  row('GET /api/v1/evidence/{id}',                    'A',        FIRM_OBJECT.A),
  row('DELETE /api/v1/evidence/{id}',                 'A',        [401, 204, 403, 403, 404, 403, 403, 403, 403]),
  row('GET /api/v1/notices',                          null,       PUBLIC),
  row('GET /api/v1/notices/{id}',                     null,       PUBLIC),
  row('POST /api/v1/notices/{id}/objections',         null,       [201, 201, 201, 201, 201, 201, 201, 201, 201]),
  // Firm B's notice, published by 上海: its authority and administrators read the objections.
  row('GET /api/v1/notices/{id}/objections',          'B',        [401, 403, 403, 403, 200, 403, 403, 403, 200]),
  // Firm B's notice is still running; its decider passes the gate.
  row('POST /api/v1/notices/{id}/decide',             'B',        [401, 403, 403, 403, 409, 403, 403, 403, 403]),
  // With an empty resolution: the decider passes the gate and is told what is missing.
  row('POST /api/v1/objections/{id}/resolve',         'B',        [401, 403, 404, 404, 400, 403, 403, 403, 403]),
  row('GET /api/v1/titles',                           null,       PUBLIC),
  row('GET /api/v1/titles/{id}',                      null,       PUBLIC),
  row('GET /api/v1/titles/{id}/certificate.pdf',      null,       PUBLIC),
  // With a ground the terms do not name.
  row('POST /api/v1/titles/{id}/revoke',              'B',        [401, 403, 403, 403, 400, 403, 403, 403, 403]),
  row('GET /api/v1/inbox',                            null,       ANY_LOGIN(200)),
  row('POST /api/v1/policies/reload',                 null,       [401, 403, 403, 403, 403, 403, 403, 403, 200]),
  // 新吴's reward: 无锡 screens it (cut to the zone), 滨湖 and 上海 are outside it; the administrator screens 杭州's.
  row('POST /api/v1/screenings',                      null,       [401, 403, 202, 422, 422, 403, 403, 403, 202]),
  row('GET /api/v1/screenings',                       null,       REGION_ONLY.all),
  // A screening of 无锡 (firm A) and one of 黄浦 (firm B), both still running.
  row('GET /api/v1/screenings/{id}',                  'A',        [401, 403, 200, 404, 404, 403, 403, 403, 200]),
  row('GET /api/v1/screenings/{id}',                  'B',        [401, 403, 404, 404, 200, 403, 403, 403, 200]),
  row('GET /api/v1/screenings/{id}/results',          'A',        [401, 403, 200, 404, 404, 403, 403, 403, 200]),
  row('GET /api/v1/screenings/{id}/results/{uscc}/replay', 'A',   [401, 403, 200, 404, 404, 403, 403, 403, 200]),
  row('GET /api/v1/screenings/{id}/results/{uscc}/replay', 'B',   [401, 403, 404, 404, 200, 403, 403, 403, 200]),
  row('POST /api/v1/screenings/{id}/publish',         'A',        [401, 403, 409, 404, 404, 403, 403, 403, 409]),
  row('GET /api/v1/claims',                           null,       [401, 200, 200, 200, 200, 403, 403, 403, 200]),
  // Firm A's offer: only the firm confirms or declines (a stale version stops it at the lock).
  row('GET /api/v1/claims/{id}',                      'A',        FIRM_OBJECT.A),
  row('POST /api/v1/claims/{id}/confirm',             'A',        [401, 409, 403, 403, 404, 403, 403, 403, 403]),
  row('POST /api/v1/claims/{id}/decline',             'A',        [401, 409, 403, 403, 404, 403, 403, 403, 403]),
  // An offer is not rechecked: those who may recheck are told so.
  row('POST /api/v1/claims/{id}/recheck',             'A',        [401, 409, 409, 409, 404, 403, 403, 403, 409]),
  row('POST /api/v1/policies/{id}/payments/export',   null,       REGION_ONLY.all),
  row('POST /api/v1/policies/{id}/payments',          null,       REGION_ONLY.all),
  // Not a spreadsheet: reviewers are told so.
  row('POST /api/v1/policies/{id}/payments/sheet',    null,       [401, 403, 422, 422, 422, 403, 403, 403, 422]),
  row('GET /api/v1/policies/{id}/delivery',           null,       REGION_ONLY.all),
  row('POST /api/v1/policies/{id}/sandbox',           null,       [401, 403, 200, 422, 422, 403, 403, 403, 200]),
  // Served beside the API, outside its OpenAPI document.
  row('GET /api/v1/openapi.json',                     null,       PUBLIC),
  row('GET /api/docs',                                null,       PUBLIC),
];
const OUTSIDE_OPENAPI = new Set(['GET /api/v1/openapi.json', 'GET /api/docs']);

/** What the rows need that only exists once the app runs. */
interface Fixtures {
  decision: Record<'A' | 'B', number>;
  /** An import by the Wuxi city reviewer, finished, with a rejected row. */
  importId: string;
  /** The recognition workflow's records (see the table). */
  batch: number;
  /** The 上海 batch with firm B on its notice. */
  shanghaiBatch: number;
  application: number;
  evidence: number;
  notice: number;
  objectedApplication: number;
  objection: number;
  title: number;
  /** Screenings still running: 新吴's reward over 无锡 with firm A's result, 闵行's over 黄浦 with firm B's. */
  screening: Record<'A' | 'B', number>;
  /** Firm A's offer of 新吴's reward. */
  claim: number;
}

interface CallContext {
  t: TestApp;
  role: TestRole;
  send: Send;
  subject: Subject | undefined;
  uscc: string;
  fx: Fixtures;
}

const form = (csv: string, name = 'list.csv') => {
  const f = new FormData();
  f.append('file', new File([csv], name, { type: 'text/csv' }));
  f.append('year', '2025');
  return f;
};
const IMPORT_CSV = `统一社会信用代码,企业名称,从业人员（人）\n${FIRM_A.uscc},${FIRM_A.name},120\n`;
const IMPORT_WITH_REJECT = `${IMPORT_CSV}913202110000000999,校验位错误的企业,5\n`;

/** A version no application has: changes stop at the version check once past the gate. */
const STALE = 999;
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

const HANGZHOU = 'local.330100.rd-subsidy';
const screeningOf = (c: CallContext) => c.fx.screening[c.subject === 'B' ? 'B' : 'A'];
const decisionOf = (c: CallContext) => c.fx.decision[c.subject === 'B' ? 'B' : 'A'];
const regionQuery = (c: CallContext) => (c.subject ? `region=${SUBJECT[c.subject].region}` : '');

/** How each route is called. */
const CALLS: Record<string, (c: CallContext) => Promise<Response>> = {
  'GET /api/v1/health': (c) => c.send('/api/v1/health'),
  'POST /api/v1/auth/login': (c) =>
    c.t.request('/api/v1/auth/login', {
      method: 'POST',
      json:
        c.role === 'anonymous'
          ? { username: 'no-such-user', password: 'not-the-password' }
          : { username: c.role, password: PASSWORD },
    }),
  // A session of its own, so the shared one stays logged in.
  'POST /api/v1/auth/logout': async (c) =>
    (c.role === 'anonymous' ? c.send : (await c.t.login(c.role)).send)('/api/v1/auth/logout', { method: 'POST' }),
  'GET /api/v1/auth/me': (c) => c.send('/api/v1/auth/me'),
  'POST /api/v1/auth/tokens': (c) =>
    c.send('/api/v1/auth/tokens', { method: 'POST', json: { name: `table ${c.role}`, days: 1 } }),
  'GET /api/v1/auth/tokens': (c) => c.send('/api/v1/auth/tokens'),
  'DELETE /api/v1/auth/tokens/{id}': async (c) => {
    if (c.role === 'anonymous') return c.send('/api/v1/auth/tokens/1', { method: 'DELETE' });
    const issued = await c.send('/api/v1/auth/tokens', { method: 'POST', json: { name: `revoke ${c.role}` } });
    const { id } = (await issued.json()) as { id: number };
    return c.send(`/api/v1/auth/tokens/${id}`, { method: 'DELETE' });
  },
  'GET /api/v1/audit': (c) => c.send('/api/v1/audit?limit=5'),
  'GET /api/v1/enterprises': (c) => c.send(`/api/v1/enterprises?${regionQuery(c)}`),
  'GET /api/v1/enterprises/export.xlsx': (c) => c.send(`/api/v1/enterprises/export.xlsx?${regionQuery(c)}`),
  'GET /api/v1/enterprises/{uscc}': (c) => c.send(`/api/v1/enterprises/${c.uscc}`),
  'GET /api/v1/enterprises/{uscc}/profile': (c) => c.send(`/api/v1/enterprises/${c.uscc}/profile`),
  'GET /api/v1/enterprises/{uscc}/facts': (c) => c.send(`/api/v1/enterprises/${c.uscc}/facts`),
  'POST /api/v1/enterprises/{uscc}/facts': (c) =>
    c.send(`/api/v1/enterprises/${c.uscc}/facts`, {
      method: 'POST',
      json: { facts: { years: { '2025': { rdStaff: 20 + ROLES.indexOf(c.role) } } }, reason: '核对研发人员数' },
    }),
  'POST /api/v1/enterprises/{uscc}/facts/verify': (c) =>
    c.send(`/api/v1/enterprises/${c.uscc}/facts/verify`, {
      method: 'POST',
      json: { paths: ['years.2025.rdStaff'], reason: '核对研发人员名单' },
    }),
  'GET /api/v1/enterprises/{uscc}/decisions': (c) => c.send(`/api/v1/enterprises/${c.uscc}/decisions?pageSize=5`),
  'POST /api/v1/enterprises/{uscc}/evaluate': (c) =>
    c.send(`/api/v1/enterprises/${c.uscc}/evaluate?policy=${POLICY}&asOf=${AS_OF}`, { method: 'POST' }),
  'POST /api/v1/enterprises/evaluate': (c) =>
    c.send(`/api/v1/enterprises/evaluate?policy=${POLICY}&asOf=${AS_OF}&${regionQuery(c)}`, { method: 'POST' }),
  'GET /api/v1/stats': (c) => c.send(`/api/v1/stats?${regionQuery(c)}`),
  'GET /api/v1/stats/trends': (c) => c.send(`/api/v1/stats/trends?${regionQuery(c)}`),
  'GET /api/v1/facts': (c) => c.send('/api/v1/facts'),
  'GET /api/v1/policies': (c) => c.send('/api/v1/policies'),
  'GET /api/v1/policies/{id}': (c) => c.send(`/api/v1/policies/${POLICY}`),
  'POST /api/v1/policies/{id}/evaluate': (c) =>
    c.send(`/api/v1/policies/${POLICY}/evaluate?asOf=${AS_OF}`, {
      method: 'POST',
      json: { regionCode: '320211', years: { '2025': { employees: 80 } } },
    }),
  'POST /api/v1/imports': (c) => c.send('/api/v1/imports', { method: 'POST', body: form(IMPORT_CSV) }),
  'GET /api/v1/imports/{id}': (c) => c.send(`/api/v1/imports/${c.fx.importId}`),
  'GET /api/v1/imports/{id}/rejects.xlsx': (c) => c.send(`/api/v1/imports/${c.fx.importId}/rejects.xlsx`),
  'GET /api/v1/decisions/{id}': (c) => c.send(`/api/v1/decisions/${decisionOf(c)}`),
  'POST /api/v1/decisions/{id}/replay': (c) => c.send(`/api/v1/decisions/${decisionOf(c)}/replay`, { method: 'POST' }),
  'GET /api/v1/batches': (c) => c.send('/api/v1/batches?open=true'),
  'GET /api/v1/batches/{id}': (c) => c.send(`/api/v1/batches/${c.fx.batch}`),
  'POST /api/v1/batches': (c) =>
    c.send('/api/v1/batches', {
      method: 'POST',
      json: {
        policyId: 'cn.miit.innovative-sme',
        title: `表格测试批次 ${c.role}`,
        levels: ['district', 'province'],
        opensOn: '2026-07-01',
        closesOn: '2026-07-31',
      },
    }),
  'POST /api/v1/batches/{id}/applications': (c) =>
    c.send(`/api/v1/batches/${c.fx.batch}/applications`, { method: 'POST' }),
  'POST /api/v1/batches/{id}/notices': (c) =>
    c.send(`/api/v1/batches/${c.subject === 'B' ? c.fx.shanghaiBatch : c.fx.batch}/notices`, {
      method: 'POST',
      json: {},
    }),
  'GET /api/v1/applications': (c) => c.send('/api/v1/applications?queue=false'),
  'GET /api/v1/applications/{id}': (c) => c.send(`/api/v1/applications/${c.fx.application}`),
  'POST /api/v1/applications/{id}/submit': (c) =>
    c.send(`/api/v1/applications/${c.fx.application}/submit`, {
      method: 'POST',
      json: { version: STALE, pledge: { accepted: true, signer: '张三' } },
    }),
  'POST /api/v1/applications/{id}/resubmit': (c) =>
    c.send(`/api/v1/applications/${c.fx.application}/resubmit`, { method: 'POST', json: { version: STALE } }),
  'POST /api/v1/applications/{id}/withdraw': (c) =>
    c.send(`/api/v1/applications/${c.fx.application}/withdraw`, { method: 'POST', json: { version: STALE } }),
  'POST /api/v1/applications/{id}/review': (c) =>
    c.send(`/api/v1/applications/${c.fx.application}/review`, {
      method: 'POST',
      json: { action: 'approve', version: STALE },
    }),
  'POST /api/v1/applications/{id}/overrides': (c) =>
    c.send(`/api/v1/applications/${c.fx.application}/overrides`, {
      method: 'POST',
      json: { version: STALE, facts: { years: { '2025': { rdStaff: 12 } } }, reason: '核对' },
    }),
  'POST /api/v1/applications/{id}/spot-checks': (c) =>
    c.send(`/api/v1/applications/${c.fx.application}/spot-checks`, {
      method: 'POST',
      json: { on: '2026-01-05', result: 'passed', inspectors: '李四', findings: '正常' },
    }),
  'POST /api/v1/applications/{id}/evidence': (c) => {
    const f = new FormData();
    f.append('claim', 'other');
    f.append('file', new File([PDF], '说明.pdf', { type: 'application/pdf' }));
    return c.send(`/api/v1/applications/${c.fx.application}/evidence`, { method: 'POST', body: f });
  },
  'GET /api/v1/evidence/{id}': (c) => c.send(`/api/v1/evidence/${c.fx.evidence}`),
  // A file of its own for each caller, so the firm's removal leaves the others something to be refused.
  'DELETE /api/v1/evidence/{id}': async (c) => {
    const evidence = await uploadAsFirm(c.t, c.fx.application, `删除测试 ${c.role}`);
    return c.send(`/api/v1/evidence/${evidence}`, { method: 'DELETE' });
  },
  'GET /api/v1/notices': (c) => c.send('/api/v1/notices'),
  'GET /api/v1/notices/{id}': (c) => c.send(`/api/v1/notices/${c.fx.notice}`),
  'POST /api/v1/notices/{id}/objections': (c) =>
    c.send(`/api/v1/notices/${c.fx.notice}/objections`, {
      method: 'POST',
      json: {
        applicationId: c.fx.objectedApplication,
        text: '请核实该企业的研发投入数据。',
        contactName: '赵六',
        contact: 'zhao@example.com',
      },
    }),
  'GET /api/v1/notices/{id}/objections': (c) => c.send(`/api/v1/notices/${c.fx.notice}/objections`),
  'POST /api/v1/notices/{id}/decide': (c) => c.send(`/api/v1/notices/${c.fx.notice}/decide`, { method: 'POST' }),
  'POST /api/v1/objections/{id}/resolve': (c) =>
    c.send(`/api/v1/objections/${c.fx.objection}/resolve`, {
      method: 'POST',
      json: { outcome: 'dismissed', resolution: '' },
    }),
  'GET /api/v1/titles': (c) => c.send('/api/v1/titles?q=测试'),
  'GET /api/v1/titles/{id}': (c) => c.send(`/api/v1/titles/${c.fx.title}`),
  'GET /api/v1/titles/{id}/certificate.pdf': (c) => c.send(`/api/v1/titles/${c.fx.title}/certificate.pdf`),
  'POST /api/v1/titles/{id}/revoke': (c) =>
    c.send(`/api/v1/titles/${c.fx.title}/revoke`, { method: 'POST', json: { reason: 'bad_luck', note: '测试' } }),
  'GET /api/v1/inbox': (c) => c.send('/api/v1/inbox'),
  'POST /api/v1/policies/reload': (c) => c.send('/api/v1/policies/reload', { method: 'POST', json: {} }),
  'POST /api/v1/screenings': (c) =>
    c.send('/api/v1/screenings', {
      method: 'POST',
      json: { policyId: c.role === 'admin' ? HANGZHOU : XINWU, asOf: AS_OF },
    }),
  'GET /api/v1/screenings': (c) => c.send('/api/v1/screenings'),
  'GET /api/v1/screenings/{id}': (c) => c.send(`/api/v1/screenings/${screeningOf(c)}`),
  'GET /api/v1/screenings/{id}/results': (c) =>
    c.send(`/api/v1/screenings/${screeningOf(c)}/results?verdict=not_qualified`),
  'GET /api/v1/screenings/{id}/results/{uscc}/replay': (c) =>
    c.send(`/api/v1/screenings/${screeningOf(c)}/results/${c.uscc}/replay`),
  'POST /api/v1/screenings/{id}/publish': (c) =>
    c.send(`/api/v1/screenings/${screeningOf(c)}/publish`, { method: 'POST', json: {} }),
  'GET /api/v1/claims': (c) => c.send('/api/v1/claims'),
  'GET /api/v1/claims/{id}': (c) => c.send(`/api/v1/claims/${c.fx.claim}`),
  'POST /api/v1/claims/{id}/confirm': (c) =>
    c.send(`/api/v1/claims/${c.fx.claim}/confirm`, {
      method: 'POST',
      json: { version: STALE, bankName: '测试银行', accountName: FIRM_A.name, accountNo: '1234567890123' },
    }),
  'POST /api/v1/claims/{id}/decline': (c) =>
    c.send(`/api/v1/claims/${c.fx.claim}/decline`, { method: 'POST', json: { version: STALE } }),
  'POST /api/v1/claims/{id}/recheck': (c) =>
    c.send(`/api/v1/claims/${c.fx.claim}/recheck`, { method: 'POST', json: { version: STALE } }),
  'POST /api/v1/policies/{id}/payments/export': (c) =>
    c.send(`/api/v1/policies/${XINWU}/payments/export`, { method: 'POST' }),
  'POST /api/v1/policies/{id}/payments': (c) =>
    c.send(`/api/v1/policies/${XINWU}/payments`, {
      method: 'POST',
      json: { items: [{ claimId: c.fx.claim, status: 'paid', paidOn: '2026-06-01', reference: 'T-1' }] },
    }),
  'POST /api/v1/policies/{id}/payments/sheet': (c) => {
    const f = new FormData();
    f.append('file', new File(['not a spreadsheet'], 'back.xlsx'));
    return c.send(`/api/v1/policies/${XINWU}/payments/sheet`, { method: 'POST', body: f });
  },
  'GET /api/v1/policies/{id}/delivery': (c) => c.send(`/api/v1/policies/${XINWU}/delivery`),
  'POST /api/v1/policies/{id}/sandbox': (c) =>
    c.send(`/api/v1/policies/${XINWU}/sandbox`, {
      method: 'POST',
      json: { asOf: AS_OF, parameters: { withinYears: 2 } },
    }),
  'GET /api/v1/openapi.json': (c) => c.send('/api/v1/openapi.json'),
  'GET /api/docs': (c) => c.send('/api/docs'),
};

const label = (r: Row) => (r.subject ? `${r.route} (firm ${r.subject})` : r.route);

let t: TestApp;
let fx: Fixtures;

async function waitForImport(send: Send, id: string): Promise<{ status: string; rejected: number }> {
  for (let i = 0; i < 100; i++) {
    const got = (await (await send(`/api/v1/imports/${id}`)).json()) as { status: string; rejected: number };
    if (got.status === 'done' || got.status === 'failed') return got;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import ${id} did not finish`);
}

beforeAll(async () => {
  t = await testApp();
  for (const role of ROLES) await t.as(role);
  const admin = await t.as('admin');
  const decision = async (uscc: string) => {
    const res = await admin(`/api/v1/enterprises/${uscc}/evaluate?policy=${POLICY}&asOf=${AS_OF}`, { method: 'POST' });
    if (res.status !== 200) throw new Error(`evaluating ${uscc}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { decisionId: number }).decisionId;
  };
  const reviewer = await t.as('reviewer');
  const submitted = await reviewer('/api/v1/imports', { method: 'POST', body: form(IMPORT_WITH_REJECT) });
  if (submitted.status !== 202) throw new Error(`import: ${submitted.status} ${await submitted.text()}`);
  const { id } = (await submitted.json()) as { id: string };
  fx = {
    decision: { A: await decision(FIRM_A.uscc), B: await decision(FIRM_B.uscc) },
    importId: id,
    ...(await recognitionFixtures(t)),
    ...(await deliveryFixtures(t)),
  };
  const finished = await waitForImport(reviewer, id);
  if (finished.status !== 'done' || finished.rejected !== 1)
    throw new Error(`import: ${JSON.stringify(finished)} (expected done with 1 rejected row)`);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe(`the route × role table on ${process.env.HUIQI_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('has a row, and a way to call it, for every operation in the OpenAPI document', () => {
    const doc = t.app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Huiqi', version: 'v1' } });
    const documented = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item ?? {})
        .filter((m) => ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const tabled = new Set(TABLE.map((r) => r.route));
    expect(
      documented.filter((r) => !tabled.has(r)),
      'operations in the OpenAPI document without a row',
    ).toEqual([]);
    expect(
      [...tabled].filter((r) => !documented.includes(r) && !OUTSIDE_OPENAPI.has(r)),
      'rows for operations the OpenAPI document does not have',
    ).toEqual([]);
    expect(
      [...tabled].filter((r) => !CALLS[r]),
      'rows without a way to call them',
    ).toEqual([]);
    // Every operation on one firm's data is walked for a firm inside the region and one outside.
    const perFirm = documented.filter((r) => r.includes('{uscc}') || r.includes('/decisions/'));
    expect(perFirm.length).toBeGreaterThan(0);
    for (const r of perFirm)
      for (const s of ['A', 'B'] as const)
        expect(
          TABLE.some((row) => row.route === r && row.subject === s),
          `${r} has no row for firm ${s}`,
        ).toBe(true);
  });

  it.each(TABLE.map((row) => [label(row), row] as const))('%s', async (_name, row) => {
    const mismatches: string[] = [];
    for (const [i, role] of ROLES.entries()) {
      const expected = row.expect[i]!;
      const subject = row.subject;
      const res = await CALLS[row.route]!({
        t,
        role,
        send: await t.as(role),
        subject,
        uscc: SUBJECT[subject ?? 'A'].uscc,
        fx,
      });
      const text = await res.text();
      let code: string | undefined;
      if (res.status >= 400) {
        try {
          code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
        } catch {
          code = undefined;
        }
      }
      const got = `${res.status}${code ? ` ${code}` : ''}`;
      if (res.status !== expected) mismatches.push(`${label(row)} as ${role}: expected ${expected}, got ${got}`);
      else if (res.status >= 400 && !code)
        mismatches.push(`${label(row)} as ${role}: ${res.status} without an error code: ${text.slice(0, 120)}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('what each role sees', () => {
  it('answers an object hidden from the caller exactly as one that does not exist', async () => {
    const cases: [TestRole, string, string | number, string | number][] = [
      ['otherReviewer', '/api/v1/applications/', fx.application, 987654],
      ['otherReviewer', '/api/v1/evidence/', fx.evidence, 987654],
      ['otherReviewer', '/api/v1/claims/', fx.claim, 987654],
      ['firm', '/api/v1/decisions/', fx.decision.B, 987654],
      ['reviewer', '/api/v1/screenings/', fx.screening.B, 987654],
      ['districtReviewer', '/api/v1/imports/', fx.importId, randomUUID()],
    ];
    for (const [role, path, hiddenId, missingId] of cases) {
      const send = await t.as(role);
      const body = async (id: string | number) =>
        JSON.stringify(await answer(send(`${path}${id}`), 404)).replaceAll(String(id), '{id}');
      const hidden = await body(hiddenId);
      expect(hidden, `${path} as ${role}`).toBe(await body(missingId));
      expect(hidden).toContain('{id} 不存在或无权查看');
    }
  });

  const listed = async (role: TestRole) => {
    const res = await (await t.as(role))('/api/v1/enterprises?pageSize=200');
    expect(res.status, `GET /api/v1/enterprises as ${role}`).toBe(200);
    const body = (await res.json()) as { items: { uscc: string }[]; total: number };
    expect(body.total, `the total for ${role}`).toBe(body.items.length);
    return body.items.map((f) => f.uscc).sort();
  };

  it('lists the firms of the caller’s region, all for an administrator, just itself for a firm', async () => {
    expect(await listed('reviewer')).toEqual([FIRM_A.uscc]);
    expect(await listed('districtReviewer')).toEqual([FIRM_A.uscc]);
    expect(await listed('otherReviewer')).toEqual([FIRM_B.uscc]);
    expect(await listed('firm')).toEqual([FIRM_A.uscc]);
    expect(await listed('admin')).toEqual([FIRM_A.uscc, FIRM_B.uscc].sort());
  });

  it('counts only the firms of the reviewer’s region in the statistics', async () => {
    const total = async (role: TestRole) => {
      const res = await (await t.as(role))('/api/v1/stats');
      expect(res.status, `GET /api/v1/stats as ${role}`).toBe(200);
      return ((await res.json()) as { total: number }).total;
    };
    expect(await total('reviewer')).toBe(1);
    expect(await total('otherReviewer')).toBe(1);
    expect(await total('admin')).toBe(2);
  });

  it('shows a reviewer the audit entries of their region and a firm those about itself', async () => {
    const entries = async (role: TestRole) => {
      const res = await (await t.as(role))('/api/v1/audit?limit=500');
      expect(res.status, `GET /api/v1/audit as ${role}`).toBe(200);
      return ((await res.json()) as { items: { regionCode: string | null; subjectId: string | null }[] }).items;
    };
    const wuxi = await entries('reviewer');
    expect(wuxi.length).toBeGreaterThan(0);
    expect(wuxi.filter((e) => !e.regionCode?.startsWith('3202'))).toEqual([]);
    const shanghai = await entries('otherReviewer');
    expect(shanghai.length).toBeGreaterThan(0);
    expect(shanghai.filter((e) => !e.regionCode?.startsWith('31'))).toEqual([]);
    const own = await entries('firm');
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((e) => e.subjectId !== FIRM_A.uscc)).toEqual([]);
  });

  it('takes a firm’s own facts without a reason, and an override only with one, within the region', async () => {
    const write = async (role: TestRole, uscc: string, facts: Record<string, unknown>, reason?: string) => {
      const res = await (
        await t.as(role)
      )(`/api/v1/enterprises/${uscc}/facts`, {
        method: 'POST',
        json: reason === undefined ? { facts } : { facts, reason },
      });
      const body = (await res.json()) as { error?: { code: string; details?: { field: string }[] } };
      return { status: res.status, fields: body.error?.details?.map((d) => d.field) };
    };
    const staff = { years: { '2025': { techStaff: 13 } } };
    expect(await write('firm', FIRM_A.uscc, staff)).toEqual({ status: 200, fields: undefined });
    expect(await write('reviewer', FIRM_A.uscc, staff)).toEqual({ status: 400, fields: ['reason'] });
    expect(await write('admin', FIRM_B.uscc, staff, '  ')).toEqual({ status: 400, fields: ['reason'] });
    // A reviewer may not move a firm of their region out of it.
    expect((await write('reviewer', FIRM_A.uscc, { regionCode: '310101' }, '迁址')).status).toBe(403);
    expect((await (await t.as('admin'))(`/api/v1/enterprises/${FIRM_A.uscc}`)).status).toBe(200);
    const a = (await (await (await t.as('admin'))(`/api/v1/enterprises/${FIRM_A.uscc}`)).json()) as {
      regionCode: string;
    };
    expect(a.regionCode).toBe(FIRM_A.regionCode);
  });

  it('lists a firm’s decision records newest first, its own only', async () => {
    const firm = await t.as('firm');
    const made = (await (
      await firm(`/api/v1/enterprises/${FIRM_A.uscc}/evaluate?policy=${POLICY}&asOf=${AS_OF}`, { method: 'POST' })
    ).json()) as { decisionId: number };
    const res = await firm(`/api/v1/enterprises/${FIRM_A.uscc}/decisions?policy=${POLICY}&pageSize=200`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: { id: number; policyId: string }[]; total: number };
    const ids = page.items.map((d) => d.id);
    expect(ids[0]).toBe(made.decisionId);
    expect(ids).toContain(fx.decision.A);
    expect(ids).not.toContain(fx.decision.B);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(page.total).toBe(ids.length);
    expect(new Set(page.items.map((d) => d.policyId))).toEqual(new Set([POLICY]));
  });

  it('leaves out firms with any of the notTag tags, with or without tag', async () => {
    const admin = await t.as('admin');
    const all = (await (await admin('/api/v1/enterprises?pageSize=200')).json()) as {
      items: { uscc: string; tags: string[] }[];
    };
    const a = all.items.find((f) => f.uscc === FIRM_A.uscc)!;
    expect(a.tags.length).toBeGreaterThan(0);
    const without = async (q: string) =>
      ((await (await admin(`/api/v1/enterprises?${q}`)).json()) as { items: { uscc: string }[] }).items.map(
        (f) => f.uscc,
      );
    const tag = encodeURIComponent(a.tags[0]!);
    expect(await without(`notTag=${tag}`)).not.toContain(FIRM_A.uscc);
    expect(await without(`notTag=${tag}&notTag=no:such-tag`)).not.toContain(FIRM_A.uscc);
    expect(await without(`notTag=no:such-tag`)).toContain(FIRM_A.uscc);
    expect(await without(`tag=${tag}&notTag=${tag}`)).toEqual([]);
  });

  it('exports the filtered list as an .xlsx with the same scope as the list', async () => {
    const rowsOf = async (role: TestRole, q = '') => {
      const res = await (await t.as(role))(`/api/v1/enterprises/export.xlsx${q}`);
      expect(res.status, `export as ${role}`).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename\*=UTF-8''/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('企业名录')!;
      expect(sheet.getRow(1).getCell(1).value).toBe('统一社会信用代码');
      const codes: string[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) codes.push(String(row.getCell(1).value));
      });
      expect(res.headers.get('x-exported-count')).toBe(String(codes.length));
      expect(book.getWorksheet('说明')).toBeDefined();
      return codes.sort();
    };
    expect(await rowsOf('reviewer')).toEqual([FIRM_A.uscc]);
    expect(await rowsOf('otherReviewer')).toEqual([FIRM_B.uscc]);
    expect(await rowsOf('firm')).toEqual([FIRM_A.uscc]);
    expect(await rowsOf('admin')).toEqual([FIRM_A.uscc, FIRM_B.uscc].sort());
    expect(await rowsOf('admin', `?region=${FIRM_B.regionCode}`)).toEqual([FIRM_B.uscc]);
    expect(await rowsOf('admin', '?q=no-such-firm-name')).toEqual([]);
  });

  it('runs a submitted import through the worker and keeps its rejected rows', async () => {
    const res = await (await t.as('reviewer'))(`/api/v1/imports/${fx.importId}`);
    expect(await res.json()).toMatchObject({
      status: 'done',
      total: 2,
      imported: 1,
      rejected: 1,
      errors: [{ row: 3, column: '统一社会信用代码' }],
      rejectsUrl: `/api/v1/imports/${fx.importId}/rejects.xlsx`,
    });
    const rejects = await (await t.as('admin'))(`/api/v1/imports/${fx.importId}/rejects.xlsx`);
    expect(rejects.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(
      Buffer.from(await rejects.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });
});

describe('the audit trail', () => {
  /** The audit entries appended while `act` runs. */
  async function logged(act: () => Promise<Response>, expectStatus: number) {
    const { db } = t.platform;
    await flushListReads(db); // list reads gathered earlier are not this act's
    const [last] = await db.select({ id: max(auditLog.id) }).from(auditLog);
    const res = await act();
    expect(res.status, await res.clone().text()).toBe(expectStatus);
    await flushListReads(db);
    return db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, last?.id ?? 0))
      .orderBy(auditLog.id);
  }

  const FIRM_READS: [string, string, (s: Send, uscc: string) => Promise<Response>][] = [
    ['GET /api/v1/enterprises/{uscc}', 'enterprise.read', (s, u) => s(`/api/v1/enterprises/${u}`)],
    ['GET /api/v1/enterprises/{uscc}/profile', 'enterprise.read', (s, u) => s(`/api/v1/enterprises/${u}/profile`)],
    ['GET /api/v1/enterprises/{uscc}/facts', 'facts.read', (s, u) => s(`/api/v1/enterprises/${u}/facts`)],
    ['GET /api/v1/enterprises/{uscc}/decisions', 'decision.list', (s, u) => s(`/api/v1/enterprises/${u}/decisions`)],
    ['GET /api/v1/decisions/{id}', 'decision.read', (s) => s(`/api/v1/decisions/${fx.decision.A}`)],
    [
      'POST /api/v1/decisions/{id}/replay',
      'decision.read',
      (s) => s(`/api/v1/decisions/${fx.decision.A}/replay`, { method: 'POST' }),
    ],
  ];

  it('records a reviewer reading firm A as enterprise.read by the reviewer about firm A', async () => {
    const entries = await logged(async () => (await t.as('reviewer'))(`/api/v1/enterprises/${FIRM_A.uscc}`), 200);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'enterprise.read',
      username: 'reviewer',
      role: 'reviewer',
      subjectType: 'enterprise',
      subjectId: FIRM_A.uscc,
      regionCode: FIRM_A.regionCode,
    });
  });

  it.each(FIRM_READS)('records %s of firm A by a reviewer or an administrator as %s', async (_r, action, read) => {
    for (const role of ['districtReviewer', 'admin'] as const) {
      const entries = await logged(async () => read(await t.as(role), FIRM_A.uscc), 200);
      expect(
        entries.map((e) => [e.action, e.username, e.subjectId]),
        `${_r} as ${role}`,
      ).toEqual([[action, role, FIRM_A.uscc]]);
    }
  });

  it.each(FIRM_READS)('records nothing when the firm itself calls %s', async (_r, _a, read) => {
    const entries = await logged(async () => read(await t.as('firm'), FIRM_A.uscc), 200);
    expect(entries).toEqual([]);
  });

  it('records a reviewer listing and screening their region', async () => {
    const reviewer = await t.as('reviewer');
    const list = await logged(() => reviewer('/api/v1/enterprises'), 200);
    expect(list).toEqual([
      expect.objectContaining({ action: 'enterprise.list', username: 'reviewer', regionCode: '320200' }),
    ]);
    expect(list[0]!.detail).toMatchObject({ reads: 1, read: [expect.objectContaining({ returned: 1 })] });
    const screen = await logged(
      () => reviewer(`/api/v1/enterprises/evaluate?policy=${POLICY}&asOf=${AS_OF}&region=320211`, { method: 'POST' }),
      200,
    );
    expect(screen).toEqual([
      expect.objectContaining({ action: 'enterprise.evaluate_region', username: 'reviewer', regionCode: '320211' }),
    ]);
  });

  it('sums up many list reads in a few rows, counting every read and keeping the filters', async () => {
    const reviewer = await t.as('reviewer');
    const entries = await logged(async () => {
      for (let i = 0; i < 99; i++) await reviewer(`/api/v1/enterprises?page=${(i % 3) + 1}`);
      return reviewer('/api/v1/enterprises?size=small');
    }, 200);
    // One row a minute for the same list: two if a minute turned while reading.
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries.length).toBeLessThanOrEqual(2);
    expect(entries.every((e) => e.action === 'enterprise.list' && e.username === 'reviewer')).toBe(true);
    const reads = entries.map((e) => e.detail as { reads: number; read: { filter: Record<string, unknown> }[] });
    expect(reads.reduce((n, d) => n + d.reads, 0)).toBe(100);
    expect(reads.flatMap((d) => d.read.map((r) => r.filter.size ?? null))).toContain('small');
  });

  it('records a reviewer exporting the list, with the filter', async () => {
    const reviewer = await t.as('reviewer');
    const entries = await logged(() => reviewer('/api/v1/enterprises/export.xlsx?region=320211&size=small'), 200);
    expect(entries).toEqual([
      expect.objectContaining({ action: 'enterprise.export', username: 'reviewer', regionCode: '320211' }),
    ]);
    expect(entries[0]!.detail).toMatchObject({ filter: { region: '320211', size: 'small' } });
  });

  it('records no read when the read is refused', async () => {
    const entries = await logged(async () => (await t.as('reviewer'))(`/api/v1/enterprises/${FIRM_B.uscc}`), 403);
    expect(entries.filter((e) => e.action === 'enterprise.read')).toEqual([]);
  });

  it('records every write with who wrote, what and about whom', async () => {
    const writes: [TestRole, number, () => Promise<Response>, Record<string, unknown>][] = [
      [
        'firm',
        200,
        async () =>
          (await t.as('firm'))(`/api/v1/enterprises/${FIRM_A.uscc}/facts`, {
            method: 'POST',
            json: { facts: { years: { '2025': { techStaff: 14 } } } },
          }),
        { action: 'facts.write', subjectId: FIRM_A.uscc, regionCode: FIRM_A.regionCode },
      ],
      [
        'reviewer',
        200,
        async () =>
          (await t.as('reviewer'))(`/api/v1/enterprises/${FIRM_A.uscc}/facts`, {
            method: 'POST',
            json: { facts: { years: { '2025': { techStaff: 15 } } }, reason: '以社保数据为准' },
          }),
        {
          action: 'facts.write',
          subjectId: FIRM_A.uscc,
          detail: expect.objectContaining({ reason: '以社保数据为准' }),
        },
      ],
      [
        'admin',
        200,
        async () =>
          (await t.as('admin'))(`/api/v1/enterprises/${FIRM_B.uscc}/facts`, {
            method: 'POST',
            json: { facts: { years: { '2025': { techStaff: 8 } } }, reason: '更正' },
          }),
        { action: 'facts.write', subjectId: FIRM_B.uscc, regionCode: FIRM_B.regionCode },
      ],
      [
        'reviewer',
        200,
        async () =>
          (await t.as('reviewer'))(`/api/v1/enterprises/${FIRM_A.uscc}/evaluate?policy=${POLICY}&asOf=${AS_OF}`, {
            method: 'POST',
          }),
        { action: 'enterprise.evaluate', subjectId: FIRM_A.uscc },
      ],
      [
        'districtReviewer',
        202,
        async () => (await t.as('districtReviewer'))('/api/v1/imports', { method: 'POST', body: form(IMPORT_CSV) }),
        { action: 'import.submit', subjectType: 'import', regionCode: '320211' },
      ],
      [
        'bank',
        201,
        async () => (await t.as('bank'))('/api/v1/auth/tokens', { method: 'POST', json: { name: 'audit check' } }),
        { action: 'auth.token_issued', subjectId: 'bank' },
      ],
    ];
    for (const [role, status, write, entry] of writes) {
      const entries = await logged(write, status);
      expect(entries, `${entry.action} by ${role}`).toEqual([expect.objectContaining({ username: role, ...entry })]);
    }
  });

  it('records logins, failed ones too', async () => {
    const ok = await logged(
      () => t.request('/api/v1/auth/login', { method: 'POST', json: { username: 'chamber', password: PASSWORD } }),
      200,
    );
    expect(ok).toEqual([expect.objectContaining({ action: 'auth.login', username: 'chamber', subjectId: 'chamber' })]);
    const failed = await logged(
      () => t.request('/api/v1/auth/login', { method: 'POST', json: { username: 'chamber', password: 'wrong-one' } }),
      401,
    );
    expect(failed).toEqual([
      expect.objectContaining({ action: 'auth.login_failed', username: null, subjectId: 'chamber' }),
    ]);
  });
});
