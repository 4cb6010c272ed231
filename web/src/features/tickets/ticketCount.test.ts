// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n';
import { countQueryOf, ticketCountLabel } from './ticketCount';
import { DEFAULT_FILTERS, filtersToQuery } from './filters';

describe('dashboard ticket counts', () => {
  afterAll(() => setLanguage('cs'));

  it('shows the count in the language\'s digits, with "+" when the server stopped counting', async () => {
    await setLanguage('cs');
    expect(ticketCountLabel({ count: 7, capped: false })).toBe('7');
    expect(ticketCountLabel({ count: 1234, capped: false })).toBe('1\u00a0234');
    expect(ticketCountLabel({ count: 10_000, capped: true })).toBe('10\u00a0000+');
    await setLanguage('sk');
    expect(ticketCountLabel({ count: 10_000, capped: true })).toBe('10\u00a0000+');
    await setLanguage('en');
    expect(ticketCountLabel({ count: 10_000, capped: true })).toBe('10,000+');
    expect(ticketCountLabel({ count: 0, capped: false })).toBe('0');
  });

  it('asks the count with the card\'s filters, without the list\'s order and paging', () => {
    const query = filtersToQuery({ ...DEFAULT_FILTERS, view: 'mine' });
    expect(query.sort).toBeDefined();
    const counted = countQueryOf({ ...query, limit: 50, cursor: 'x' });
    expect(counted).toEqual(Object.fromEntries(Object.entries(query).filter(([k]) => k !== 'sort')));
    expect(Object.keys(counted)).not.toContain('sort');
    expect(counted.view).toBe('mine');
  });
});
