/**
 * Talking to the platform's API: JSON in and out, the session cookie sent by the browser, the CSRF
 * token (from the readable cookie the login sets) sent back with every change, and errors turned
 * into ApiError with the server's code and bilingual message.
 */
export interface Message {
  zh: string;
  en: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Message,
    readonly details: { field: string; message: string }[] = [],
  ) {
    super(text.en);
  }
}

/** The browser could not reach the server at all. */
export class NetworkError extends Error {}

/** The token every change sends back in `x-csrf-token`. */
export function csrfToken(): string | undefined {
  const m = /(?:^|; )huiqi_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; form?: FormData } = {},
): Promise<T> {
  const method = init.method ?? (init.body !== undefined || init.form ? 'POST' : 'GET');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw new NetworkError((e as Error).message);
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data as { error?: { code: string; message: Message; details?: { field: string; message: string }[] } })
      ?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'http_error',
      err?.message ?? { zh: `请求失败（${res.status}）`, en: `Request failed (${res.status})` },
      err?.details,
    );
  }
  return data as T;
}
