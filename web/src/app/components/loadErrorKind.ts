import { isApiError } from '../api/client';

/**
 * What a failed load calls for: `not_found` (nothing to retry: say it is not there or
 * not visible, offer a way back), `retryable` (the network or the server failed, or it
 * asked to wait: trying again may help), `final` (the server refused the request itself,
 * e.g. 403: the same request gets the same answer).
 */
export type LoadErrorKind = 'not_found' | 'retryable' | 'final';

export function loadErrorKind(error: unknown): LoadErrorKind {
  if (!isApiError(error)) return 'retryable';
  if (error.status === 404) return 'not_found';
  // 0: no answer at all (ApiError of a failed fetch); 408, 429: come back later.
  if (error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429) return 'retryable';
  return 'final';
}
