/**
 * Recognises a unique-constraint violation on either engine and names the
 * index, so the HTTP layer can answer 409 saying which value is taken.
 */
export function uniqueViolationIndex(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e.code === '23505') return e.constraint ?? 'unique';
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    // SQLite names columns, not the index: "UNIQUE constraint failed: users.email"
    return e.message?.replace(/^UNIQUE constraint failed: /, '') ?? 'unique';
  }
  return null;
}

export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
