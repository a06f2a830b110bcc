/**
 * Business errors are values with a code and a bilingual message. The HTTP layer answers them as
 * 4xx with this body; anything else is a fault of ours and becomes a 500 without details.
 */
export interface Message {
  zh: string;
  en: string;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    readonly text: Message,
    /** Which fields are wrong and why, for a form to show beside each field. */
    readonly details?: { field: string; message: string }[],
    /** A 429's wait, in seconds: the error answer sends it as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(text.en);
    this.name = 'AppError';
  }

  toJSON(): { error: { code: string; message: Message; details?: { field: string; message: string }[] } } {
    return { error: { code: this.code, message: this.text, ...(this.details ? { details: this.details } : {}) } };
  }
}

export const notFound = (what: Message): AppError =>
  new AppError(404, 'not_found', { zh: `未找到${what.zh}`, en: `${what.en} not found` });

export const forbidden = (why: Message): AppError => new AppError(403, 'forbidden', why);

export const unauthenticated = (): AppError =>
  new AppError(401, 'unauthenticated', { zh: '请先登录', en: 'Log in first' });

export const invalid = (details: { field: string; message: string }[]): AppError =>
  new AppError(400, 'invalid_request', { zh: '请求内容有误', en: 'The request is not valid' }, details);

/**
 * An object looked up by id that the caller may not see answers exactly as one that does not
 * exist, so ids cannot be walked to learn what exists. (A role refused the whole route, or a
 * caller who sees the object but may not act on it, still gets 403.)
 */
export const hidden = (what: Message): AppError =>
  new AppError(404, 'not_found', {
    zh: `${what.zh} 不存在或无权查看`,
    en: `${what.en} does not exist or is not yours to see`,
  });

/** The row when there is one and the caller may see it; the same 404 otherwise. */
export function visibleTo<T>(row: T | null | undefined, maySee: (row: T) => boolean, what: Message): T {
  if (row === null || row === undefined || !maySee(row)) throw hidden(what);
  return row;
}

/** Too many requests: come back after `seconds` (the answer says so in `Retry-After`). */
export const tooManyRequests = (code: string, text: Message, seconds: number): AppError =>
  new AppError(429, code, text, undefined, Math.max(1, Math.ceil(seconds)));
