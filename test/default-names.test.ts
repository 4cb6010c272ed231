import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS } from '../src/modules/helpdesk/domain/process.ts';
import { DEFAULT_TYPES } from '../src/modules/helpdesk/seed.ts';
import en from '../web/src/features/tickets/i18n/en.json' with { type: 'json' };

// The web app shows a built-in state or type in the reader's language while its stored
// name is still the seeded English one (web/src/features/tickets/labels.ts): the
// English texts of the web app must be exactly the names the server seeds.
describe('seeded names and the English texts of the web app', () => {
  it('are the same for every default state and ticket type', () => {
    const texts = en as { tickets: { states: Record<string, string>; types: Record<string, string> } };
    for (const s of DEFAULT_PROCESS.states) expect(texts.tickets.states[s.code], s.code).toBe(s.name);
    for (const ty of DEFAULT_TYPES) expect(texts.tickets.types[ty.code], ty.code).toBe(ty.name);
  });
});
