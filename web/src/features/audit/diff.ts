// Flattens before/after snapshots into paths and compares them.

/** A step of a field's path: a field name, or a position in a list (0-based). */
export type PathPart = string | number;

export interface DiffRow {
  /** The parts joined by dots (lines.0.itemId): the row's key and the field as recorded. */
  path: string;
  parts: PathPart[];
  before: unknown;
  after: unknown;
  kind: 'added' | 'removed' | 'changed' | 'same';
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const REFERENCE_KEYS = new Set(['id', 'name', 'path', 'email']);

/**
 * A reference recorded with its name, e.g. a ticket's assignee `{ id: 17, name: 'Jana' }`
 * or category `{ id: 3, path: 'Hardware / Tiskárny' }`: one value, not an id row and a
 * name row.
 */
export function isRecordedReference(value: unknown): value is { id: number; name?: string; path?: string; email?: string | null } {
  return (
    isPlainObject(value) &&
    typeof value.id === 'number' &&
    (typeof value.name === 'string' || typeof value.path === 'string') &&
    Object.keys(value).every((k) => REFERENCE_KEYS.has(k))
  );
}

/**
 * What a value is compared by: an object by its fields, a list of records (a
 * document's lines, a price list's rates) line by line; a list of plain values
 * (members, roles) and a recorded reference are one value.
 */
function partsOf(value: unknown, atTop: boolean): Array<[PathPart, unknown]> | null {
  if (!atTop && isRecordedReference(value)) return null;
  if (isPlainObject(value) && Object.keys(value).length > 0) return Object.entries(value);
  if (Array.isArray(value) && value.length > 0 && value.every(isPlainObject)) return value.map((v, i) => [i, v]);
  return null;
}

function flatten(value: unknown, parts: PathPart[], out: Map<string, { parts: PathPart[]; value: unknown }>): void {
  const children = partsOf(value, parts.length === 0);
  if (children) {
    for (const [key, child] of children) flatten(child, [...parts, key], out);
  } else if (parts.length > 0) {
    out.set(parts.join('.'), { parts, value });
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffSnapshots(before: object | null, after: object | null): DiffRow[] {
  const b = new Map<string, { parts: PathPart[]; value: unknown }>();
  const a = new Map<string, { parts: PathPart[]; value: unknown }>();
  flatten(before, [], b);
  flatten(after, [], a);
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  return paths.map((path) => {
    const was = b.get(path);
    const is = a.get(path);
    const kind: DiffRow['kind'] = !was ? 'added' : !is ? 'removed' : same(was.value, is.value) ? 'same' : 'changed';
    return { path, parts: (was ?? is)!.parts, before: was?.value, after: is?.value, kind };
  });
}

/**
 * The record's own bookkeeping, which every change moves (the time of the last change, the
 * version counter): not what the change was about.
 */
const BOOKKEEPING = new Set(['updatedAt', 'updated_at', 'version']);

export function isBookkeeping(row: Pick<DiffRow, 'parts'>): boolean {
  return row.parts.length === 1 && typeof row.parts[0] === 'string' && BOOKKEEPING.has(row.parts[0]);
}

/** The rows in reading order: what the entry is about first, the bookkeeping last (in its recorded order). */
export function bookkeepingLast<T extends Pick<DiffRow, 'parts'>>(rows: readonly T[]): T[] {
  return [...rows.filter((r) => !isBookkeeping(r)), ...rows.filter(isBookkeeping)];
}

export function formatValue(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
