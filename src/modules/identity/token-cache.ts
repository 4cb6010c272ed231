/**
 * A short-lived, per-process cache of API-token look-ups. The token → user → roles
 * join ran on every API request and cost as much as the request's own work; a
 * token used by an integration is looked up thousands of times a second.
 *
 * Safety: any change in this process that can affect who a token acts as (token
 * revoked, user changed, deactivated, roles or password changed) clears the whole
 * cache at once, so it takes effect on the next request here. Other server
 * processes (several against one PostgreSQL) see it within TOKEN_CACHE_MS.
 */
const TOKEN_CACHE_MS = 1_000;
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  value: T;
  until: number;
}

export function createTokenCache<T>() {
  const entries = new Map<string, Entry<T>>();
  return {
    get(key: string): T | undefined {
      const hit = entries.get(key);
      if (hit === undefined) return undefined;
      if (performance.now() < hit.until) return hit.value;
      entries.delete(key);
      return undefined;
    },
    set(key: string, value: T): void {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, { value, until: performance.now() + TOKEN_CACHE_MS });
    },
    clear(): void {
      entries.clear();
    },
  };
}

/** Every token cache of this process, so that identity changes clear them all. */
const caches = new Set<{ clear(): void }>();

export function registerTokenCache(cache: { clear(): void }): void {
  caches.add(cache);
}

/** Call after any change to tokens, users or roles (before the response is sent). */
export function forgetCachedTokens(): void {
  for (const cache of caches) cache.clear();
}
