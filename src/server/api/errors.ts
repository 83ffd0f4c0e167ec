// API errors: one class, one JSON shape ({ error, message }), plain words.
// Nothing else ever reaches the client: no stack traces, no internal details.
import { API_ERROR_STATUS, type ApiErrorCode, type QuotaProblem } from '../../shared/protocol/api-types';

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** Extra response headers, e.g. Retry-After or Allow. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = API_ERROR_STATUS[code];
  }

  toJSON(): { error: ApiErrorCode; message: string } {
    return { error: this.code, message: this.message };
  }
}

/** 409 connection_full, with the limits (QuotaProblem). */
export class QuotaError extends ApiError {
  constructor(private readonly problem: Omit<QuotaProblem, 'error' | 'message'>) {
    super(
      'connection_full',
      problem.limit === 'items'
        ? `This connection already holds ${problem.maxItems} items, the most the relay keeps. More can be sent once your adviser has seen them and they are deleted.`
        : `This connection already holds ${Math.round(problem.maxBytes / (1024 * 1024))} MB, the most the relay keeps. More can be sent once your adviser has seen them and they are deleted.`,
    );
  }
  override toJSON(): QuotaProblem {
    return { error: 'connection_full', message: this.message, ...this.problem };
  }
}

export const badRequest = (message: string) => new ApiError('bad_request', message);
export const unauthorized = (message = 'Sign in again: this device is not recognised.') => new ApiError('unauthorized', message);
export const forbidden = (message = 'You cannot do that with this account.') => new ApiError('forbidden', message);
export const notFound = (message = 'There is nothing at this address.') => new ApiError('not_found', message);
export const gone = (message: string) => new ApiError('gone', message);
export const conflict = (message: string) => new ApiError('conflict', message);
export const tooLarge = (message = 'That is too big to send. The limit is 2 MB.') => new ApiError('too_large', message);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new ApiError('too_many_requests', 'Too many tries. Wait a little and try again.', {
    'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
export const methodNotAllowed = (allow: string[]) => new ApiError('method_not_allowed', `Use ${allow.join(' or ')} here.`, { Allow: allow.join(', ') });

/** Turns anything thrown into a response-safe ApiError; the caller logs unknown errors (without request data). */
export function toApiError(error: unknown): { apiError: ApiError; unexpected: boolean } {
  if (error instanceof ApiError) return { apiError: error, unexpected: false };
  return { apiError: new ApiError('server_error', 'Something went wrong on the relay. Try again later.'), unexpected: true };
}
