/** PATCH semantics: the fields the request names replace the stored ones; undefined leaves a field as it is. */
export function merged<T extends object>(before: T, patch: Partial<T>): T {
  return { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as T;
}

/** Booleans are stored as 0/1 on both engines. */
export const flag = (value: boolean): number => (value ? 1 : 0);
