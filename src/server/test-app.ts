/**
 * The HTTP application on a test database, for tests that call the API in-process
 * (`app.request`, no socket): the platform is put together the way `huiqi serve` does it (job
 * queue, import worker), then two firms and one account per role are seeded.
 *
 *   firm A  无锡市滨湖区 (320211), inside the Wuxi reviewers' region
 *   firm B  上海市黄浦区 (310101), inside the Shanghai reviewer's region only
 *
 * `as(role)` logs in through POST /api/v1/auth/login and gives a request function that sends the
 * session cookie and the x-csrf-token header; `bearer(role)` one that sends an API token issued by
 * POST /api/v1/auth/tokens instead.
 */
import { isIP } from 'node:net';
import { expect } from 'vitest';
import { recordFacts } from '../enterprises/ledger.ts';
import { projector } from '../enterprises/tags.ts';
import type { Profile } from '../facts/profile.ts';
import { checkCharacter } from '../facts/uscc.ts';
import { createUser, type NewUser } from '../platform/auth.ts';
import type { Platform } from '../platform/context.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../platform/http.ts';
import { testDatabase } from '../platform/test-database.ts';
import { createApp } from './app.ts';
import { closePlatform, platformOn } from './start.ts';

/** Who is calling: nobody, or one of the seeded accounts. */
export const ROLES = [
  'anonymous',
  'firm',
  'reviewer',
  'districtReviewer',
  'otherReviewer',
  'bank',
  'provider',
  'chamber',
  'admin',
] as const;
export type TestRole = (typeof ROLES)[number];
export type AccountRole = Exclude<TestRole, 'anonymous'>;

/** Every seeded account has this password. */
export const PASSWORD = 'test-password-2026';

/** A valid 统一社会信用代码 registered in `region`: 91 (enterprise), the region, a serial, the check character. */
export function usccFor(region: string, serial: number): string {
  const first17 = `91${region}${String(serial).padStart(9, '0')}`;
  return first17 + checkCharacter(first17);
}

export const FIRM_A = {
  uscc: usccFor('320211', 1),
  name: '无锡滨湖测试精密机械有限公司',
  regionCode: '320211',
} as const;
export const FIRM_B = {
  uscc: usccFor('310101', 2),
  name: '上海黄浦测试信息技术有限公司',
  regionCode: '310101',
} as const;

const year = (employees: number, revenue: number) => ({
  employees,
  techStaff: Math.round(employees / 9),
  rdStaff: Math.round(employees / 11),
  revenue,
  mainRevenue: Math.round(revenue * 0.94),
  totalAssets: Math.round(revenue * 0.7),
  totalLiabilities: Math.round(revenue * 0.35),
  totalCosts: Math.round(revenue * 0.82),
  rdExpense: Math.round(revenue * 0.024),
  netProfit: Math.round(revenue * 0.07),
});

const PROFILES: Profile[] = [
  {
    uscc: FIRM_A.uscc,
    name: FIRM_A.name,
    regionCode: FIRM_A.regionCode,
    industryCode: 'C3562',
    establishedOn: '2016-05-01',
    years: { '2025': year(120, 85_000_000) },
    compliance: { abnormalOperationList: false, seriousDishonesty: false },
  },
  {
    uscc: FIRM_B.uscc,
    name: FIRM_B.name,
    regionCode: FIRM_B.regionCode,
    industryCode: 'I6513',
    establishedOn: '2019-09-01',
    years: { '2025': year(60, 32_000_000) },
    compliance: { abnormalOperationList: false, seriousDishonesty: false },
  },
];

/** The seeded accounts; the username is the role's name. */
export const ACCOUNTS: Record<AccountRole, Omit<NewUser, 'username' | 'password'>> = {
  firm: { role: 'enterprise', displayName: FIRM_A.name, uscc: FIRM_A.uscc },
  reviewer: { role: 'reviewer', displayName: '无锡市工业和信息化局', regionCode: '320200', level: 'city' },
  districtReviewer: {
    role: 'reviewer',
    displayName: '无锡市滨湖区工业和信息化局',
    regionCode: '320211',
    level: 'district',
  },
  otherReviewer: { role: 'reviewer', displayName: '上海市经济和信息化委员会', regionCode: '310000', level: 'province' },
  bank: { role: 'bank', displayName: '测试银行无锡分行', organization: '测试银行' },
  provider: { role: 'provider', displayName: '测试服务商', organization: '测试服务商' },
  chamber: { role: 'chamber', displayName: '测试商会', organization: '测试商会' },
  admin: { role: 'admin', displayName: '平台管理员' },
};

export interface RequestOptions {
  method?: string;
  /** Sent as the body with content-type application/json. */
  json?: unknown;
  body?: RequestInit['body'];
  headers?: Record<string, string>;
  /** The address the request comes from, as a socket would give it (none by default). */
  from?: string;
}

/** Calls the app in-process as someone. */
export type Send = (path: string, options?: RequestOptions) => Promise<Response>;

export interface Session {
  send: Send;
  /** The login answer (its set-cookie headers, its body already read into `csrfToken`). */
  response: Response;
  sessionId: string;
  csrfToken: string;
  /** The Cookie header the session sends. */
  cookie: string;
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  platform: Platform;
  /** Stops the job worker and closes (on PostgreSQL: drops) the database. */
  close(): Promise<void>;
  /** A request function for the role, logged in once and kept (anonymous sends no credentials). */
  as(role: TestRole): Promise<Send>;
  /** Calls the app with no credentials but the headers given. */
  request: Send;
  /** Logs in afresh (a new session, for tests that log out or inspect the cookie); any account with PASSWORD. */
  login(username: string): Promise<Session>;
  /** A request function sending a new API token of the role as `Authorization: Bearer`. */
  bearer(role: AccountRole): Promise<Send>;
}

function cookieValue(res: Response, name: string): string | undefined {
  for (const c of res.headers.getSetCookie()) {
    const m = new RegExp(`^${name}=([^;]*)`).exec(c);
    if (m) return decodeURIComponent(m[1]!);
  }
  return undefined;
}

/** What @hono/node-server gives a handler about the socket, for a request from `address`. */
const peer = (address: string) => ({
  incoming: {
    socket: { remoteAddress: address, remoteFamily: isIP(address) === 6 ? 'IPv6' : 'IPv4', remotePort: 40000 },
  },
});

export async function testApp(): Promise<TestApp> {
  const database = await testDatabase();
  let platform: Platform;
  try {
    platform = await platformOn(database);
  } catch (e) {
    await database.close();
    throw e;
  }
  const app = createApp(platform);
  try {
    const project = projector(platform.policies, platform.today());
    for (const { uscc, ...facts } of PROFILES)
      await recordFacts(platform.db, uscc!, facts, { source: 'registry', actor: 'test' }, project);
    for (const [username, account] of Object.entries(ACCOUNTS))
      await createUser(platform.db, { username, password: PASSWORD, ...account });
  } catch (e) {
    await closePlatform(platform);
    throw e;
  }

  const call =
    (credentials: Record<string, string>): Send =>
    (path, o = {}) => {
      const headers: Record<string, string> = { ...credentials };
      let body = o.body;
      if (o.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(o.json);
      }
      Object.assign(headers, o.headers);
      return Promise.resolve(
        app.request(path, { method: o.method ?? 'GET', headers, body }, o.from ? peer(o.from) : undefined),
      );
    };
  const request = call({});

  async function login(username: string): Promise<Session> {
    const response = await request('/api/v1/auth/login', {
      method: 'POST',
      json: { username, password: PASSWORD },
    });
    if (response.status !== 200)
      throw new Error(`logging in as ${username}: ${response.status} ${await response.text()}`);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const sessionId = cookieValue(response, SESSION_COOKIE);
    if (!sessionId) throw new Error(`logging in as ${username}: no ${SESSION_COOKIE} cookie`);
    const cookie = `${SESSION_COOKIE}=${sessionId}; ${CSRF_COOKIE}=${csrfToken}`;
    return { send: call({ cookie, [CSRF_HEADER]: csrfToken }), response, sessionId, csrfToken, cookie };
  }

  const sessions = new Map<TestRole, Promise<Send>>();
  const as = (role: TestRole): Promise<Send> => {
    let s = sessions.get(role);
    if (!s) {
      s = role === 'anonymous' ? Promise.resolve(request) : login(role).then((x) => x.send);
      sessions.set(role, s);
    }
    return s;
  };

  async function bearer(role: AccountRole): Promise<Send> {
    const send = await as(role);
    const res = await send('/api/v1/auth/tokens', { method: 'POST', json: { name: `test ${role}` } });
    if (res.status !== 201) throw new Error(`a token for ${role}: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    return call({ authorization: `Bearer ${token}` });
  }

  return { app, platform, close: () => closePlatform(platform), as, request, login, bearer };
}

/** The JSON body of an answer, after checking its status (the body is shown when it differs). */
export async function answer<T = Record<string, unknown>>(
  res: Response | Promise<Response>,
  status: number,
): Promise<T> {
  const r = await res;
  const text = await r.text();
  expect(r.status, `${r.status} ${text.slice(0, 400)}`).toBe(status);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A screening once its job has finished (done or failed), polled the way the console polls it. */
export async function screeningDone(send: Send, id: number) {
  for (let i = 0; i < 100; i++) {
    const s = await answer<{ status: string }>(send(`/api/v1/screenings/${id}`), 200);
    if (s.status === 'done' || s.status === 'failed') return s as Record<string, unknown> & { status: string };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`screening ${id} did not finish`);
}
