// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { throttleMessage } from './throttle';

describe('sign-in throttle message', () => {
  it('counts seconds under a minute', () => {
    expect(throttleMessage(42)).toEqual({ key: 'auth.throttled', params: { seconds: 42 } });
    expect(throttleMessage(59.2)).toEqual({ key: 'auth.throttledMinutes', params: { minutes: 1 } });
  });

  it('shows longer waits in whole minutes, rounded up', () => {
    expect(throttleMessage(893)).toEqual({ key: 'auth.throttledMinutes', params: { minutes: 15 } });
    expect(throttleMessage(60)).toEqual({ key: 'auth.throttledMinutes', params: { minutes: 1 } });
    expect(throttleMessage(61)).toEqual({ key: 'auth.throttledMinutes', params: { minutes: 2 } });
  });
});
