// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { loadErrorKind } from './loadErrorKind';

describe('loadErrorKind', () => {
  it('a 404 is "not found": nothing a retry would change', () => {
    expect(loadErrorKind(new ApiError(404, 'not_found', 'Ticket not found'))).toBe('not_found');
  });

  it('no answer, a server error or "come back later" may be retried', () => {
    expect(loadErrorKind(new ApiError(0, 'network_error', 'Network error'))).toBe('retryable');
    expect(loadErrorKind(new ApiError(500, 'internal_error', 'HTTP 500'))).toBe('retryable');
    expect(loadErrorKind(new ApiError(503, 'unavailable', 'Service unavailable'))).toBe('retryable');
    expect(loadErrorKind(new ApiError(429, 'too_many_attempts', 'Slow down'))).toBe('retryable');
    expect(loadErrorKind(new Error('boom'))).toBe('retryable');
  });

  it('another refusal of the request stays as it is', () => {
    expect(loadErrorKind(new ApiError(403, 'forbidden', 'Forbidden'))).toBe('final');
    expect(loadErrorKind(new ApiError(400, 'validation_failed', 'Bad'))).toBe('final');
  });
});
