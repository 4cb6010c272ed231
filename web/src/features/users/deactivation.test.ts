// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { deactivates, openTicketsPlan } from './deactivation';

describe('deactivates', () => {
  it('is a save that turns an active user inactive, and only that', () => {
    expect(deactivates({ active: true }, false)).toBe(true);
    expect(deactivates({ active: true }, true)).toBe(false);
    // Saving an inactive user again (name, roles) deactivates nobody: the server would refuse openTickets.
    expect(deactivates({ active: false }, false)).toBe(false);
    expect(deactivates({ active: false }, true)).toBe(false);
  });
});

describe('openTicketsPlan', () => {
  it('says what becomes of the open tickets when there are any', () => {
    expect(openTicketsPlan(3, 'return')).toEqual({ patch: { openTickets: 'return' }, returning: true });
    expect(openTicketsPlan(1, 'keep')).toEqual({ patch: { openTickets: 'keep' }, returning: false });
  });

  it('says nothing of them without any (or without knowing them)', () => {
    expect(openTicketsPlan(0, 'return')).toEqual({ patch: {}, returning: false });
    expect(openTicketsPlan(0, 'keep')).toEqual({ patch: {}, returning: false });
  });
});
