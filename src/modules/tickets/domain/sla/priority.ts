/**
 * Ticket priority from impact × urgency (ITIL / ISO/IEC 20000 practice): the
 * operator judges how many are affected (impact) and how soon it hurts
 * (urgency); the matrix, not the operator, decides the priority, so the same
 * situation always gets the same SLA.
 */
import type { ErrorDetail } from '../../../../shared/errors.ts';

export type Priority = 'P1' | 'P2' | 'P3' | 'P4';
export type Level = 'high' | 'medium' | 'low';

export const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];
export const LEVELS: readonly Level[] = ['high', 'medium', 'low'];

/** matrix[impact][urgency] → priority. */
export type PriorityMatrix = Readonly<Record<Level, Readonly<Record<Level, Priority>>>>;

export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P4' },
  low: { high: 'P3', medium: 'P4', low: 'P4' },
};

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}

export function priorityFrom(impact: Level, urgency: Level, matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX): Priority {
  const priority = matrix[impact]?.[urgency];
  if (!isPriority(priority)) throw new RangeError(`no priority for impact '${String(impact)}', urgency '${String(urgency)}'`);
  return priority;
}

/** P1 → 1 … P4 → 4: a lower rank is more urgent. */
const rank = (priority: Priority): number => PRIORITIES.indexOf(priority) + 1;

/**
 * Problems of an administrator's matrix; empty when it can be used. Besides all
 * nine cells holding P1..P4, the matrix must be monotonic: raising impact or
 * urgency may never lower the priority — a matrix that does is a typo, and it
 * would silently give a worse SLA to a worse situation.
 */
export function validatePriorityMatrix(input: unknown): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (typeof input !== 'object' || input === null) {
    return [{ path: '', code: 'invalid_matrix', message: 'the matrix must map impact → urgency → priority' }];
  }
  const rows = input as Record<string, unknown>;
  for (const impact of LEVELS) {
    const row = rows[impact] as Record<string, unknown> | undefined;
    for (const urgency of LEVELS) {
      const cell = typeof row === 'object' && row !== null ? row[urgency] : undefined;
      if (!isPriority(cell)) {
        problems.push({ path: `${impact}.${urgency}`, code: 'invalid_priority', message: 'each cell must be P1, P2, P3 or P4' });
      }
    }
  }
  if (problems.length > 0) return problems;
  const matrix = input as PriorityMatrix;
  // LEVELS run from high to low, so the rank may only grow along rows and columns.
  for (let i = 0; i < LEVELS.length; i++) {
    for (let j = 0; j < LEVELS.length; j++) {
      const here = rank(matrix[LEVELS[i]!][LEVELS[j]!]);
      if (i > 0 && here < rank(matrix[LEVELS[i - 1]!][LEVELS[j]!])) {
        problems.push({
          path: `${LEVELS[i]}.${LEVELS[j]}`,
          code: 'not_monotonic',
          message: `lower impact gives a higher priority than ${LEVELS[i - 1]} impact`,
        });
      }
      if (j > 0 && here < rank(matrix[LEVELS[i]!][LEVELS[j - 1]!])) {
        problems.push({
          path: `${LEVELS[i]}.${LEVELS[j]}`,
          code: 'not_monotonic',
          message: `lower urgency gives a higher priority than ${LEVELS[j - 1]} urgency`,
        });
      }
    }
  }
  return problems;
}
