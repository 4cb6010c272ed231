import { describe, expect, it } from 'vitest';
import { CURRENCIES } from '../src/shared/currencies.ts';
import { CURRENCIES as WEB_CURRENCIES } from '../web/src/app/currencies.ts';

// The web app offers Kontor's currencies as choices (clients, contracts, price lists) and the
// API refuses any other with 400 unsupported_currency: the two lists must be one and the same.
describe('the currencies the web app offers', () => {
  it('are exactly those the server takes', () => {
    expect([...WEB_CURRENCIES]).toEqual([...CURRENCIES]);
  });
});
