import { expect } from 'vitest';
import { NO_DUE } from '../src/modules/tickets/tickets.repo.ts';
import type { Auth, TestApp } from './app.ts';

/**
 * What the ticket list's paging tests share: sort keys with few distinct values (so many
 * tickets tie and the ids decide), the list's orders as a plain ORDER BY, three queues with
 * members of different reach, and following a list's cursor to its last page.
 */

/** Due times: many tickets share one, and many have no deadline (NO_DUE, last in SLA order). */
export const TIED_DUES = ['2026-11-03T08:00:00.000Z', '2026-11-03T09:30:00.000Z', '2026-11-04T08:00:00.000Z', NO_DUE, NO_DUE];
/** Creation and update times, two of them a millisecond apart. */
export const TIED_TIMES = ['2026-10-01T08:00:00.000Z', '2026-10-02T08:00:00.000Z', '2026-10-02T08:00:00.001Z', '2026-10-05T12:00:00.000Z'];

/** The list's orders, as the API describes them. */
export const LIST_ORDERS: Record<string, [column: 'priority' | 'sla_due_at' | 'created_at' | 'updated_at' | 'id', dir: 'asc' | 'desc'][]> = {
  sla: [['sla_due_at', 'asc'], ['id', 'asc']],
  created: [['created_at', 'asc'], ['id', 'asc']],
  '-created': [['created_at', 'desc'], ['id', 'desc']],
  priority: [['priority', 'asc'], ['sla_due_at', 'asc'], ['id', 'asc']],
  updated: [['updated_at', 'desc'], ['id', 'desc']],
  newest: [['id', 'desc']],
};
export const LIST_SORTS = Object.keys(LIST_ORDERS);

/**
 * Three queues (big, middle, small; codes `${codePrefix}_0..2`) and their members: an
 * operator of every queue, an operator of the two bigger ones, a technician of the small one.
 */
export async function queuesWithMembers(t: TestApp, admin: Auth, codePrefix: string): Promise<{ queues: number[]; members: { id: number; queues: number[] }[] }> {
  const operators = [await t.userWith(['operator']), await t.userWith(['operator']), await t.userWith(['technician'])];
  const memberships = [[0, 1], [0, 1], [0, 2]];
  const queues: number[] = [];
  for (const [i, name] of ['Velká', 'Střední', 'Malá'].entries()) {
    const res = await t.request(admin, {
      method: 'POST', url: '/api/v1/queues',
      payload: { code: `${codePrefix}_${i}`, name, members: memberships[i]!.map((m) => operators[m]!.id) },
    });
    expect(res.statusCode, res.body).toBe(201);
    queues.push(res.json().id);
  }
  return { queues, members: [{ id: operators[0]!.id, queues }, { id: operators[1]!.id, queues: queues.slice(0, 2) }, { id: operators[2]!.id, queues: queues.slice(2) }] };
}

/**
 * The ids of every page, following the cursor from the first page to the last; each page but
 * the last is full, and there are never more pages than `most` tickets.
 */
export async function idsOfAllPages(
  page: (after: (string | number)[] | null) => Promise<{ items: readonly { toString(): string }[]; more: boolean; last: (string | number)[] | null }>,
  limit: number,
  most: number,
): Promise<number[]> {
  const got: number[] = [];
  let after: (string | number)[] | null = null;
  for (let pages = 0; ; pages++) {
    const p = await page(after);
    got.push(...p.items.map((item) => JSON.parse(item.toString()).id as number));
    expect(p.items.length, 'a page is full unless it is the last').toBe(p.more ? limit : p.items.length);
    if (!p.more) return got;
    expect(pages).toBeLessThan(most);
    after = p.last;
  }
}
