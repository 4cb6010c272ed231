// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { relationProblem } from './relations';

const ticket = { id: 10, parentId: 4, childIds: [11, 12], linkedIds: [20] };

describe('tying a ticket to another', () => {
  it('is refused with itself, whatever the kind', () => {
    for (const kind of ['related', 'parent', 'child'] as const) expect(relationProblem(ticket, kind, 10)).toBe('self');
  });

  it('is refused when the tie is already there', () => {
    expect(relationProblem(ticket, 'related', 20)).toBe('already');
    expect(relationProblem(ticket, 'parent', 4)).toBe('already');
    expect(relationProblem(ticket, 'child', 11)).toBe('already');
  });

  it('is refused when each ticket would become the other one\'s parent', () => {
    expect(relationProblem(ticket, 'parent', 12)).toBe('cycle');
    expect(relationProblem(ticket, 'child', 4)).toBe('cycle');
  });

  it('is allowed otherwise, also a link to the parent or a sub-ticket', () => {
    expect(relationProblem(ticket, 'related', 4)).toBeNull();
    expect(relationProblem(ticket, 'related', 11)).toBeNull();
    expect(relationProblem(ticket, 'parent', 30)).toBeNull();
    expect(relationProblem(ticket, 'child', 30)).toBeNull();
  });
});
