// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { helpSections, shortcutFor, type KeyPress } from '../../app/components/shortcuts';
import i18n from '../../i18n';
import { APPROVAL_SHORTCUTS } from './approvalKeys';

const press = (key: string): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, defaultPrevented: false, target: { closest: () => null } });

describe('the approval queue\'s keys', () => {
  it('"/" goes to the client filter, and the help says so in every language, not "search the list"', () => {
    expect(shortcutFor(APPROVAL_SHORTCUTS, { clientFilter: () => {} }, press('/'))).toBe('clientFilter');
    const [section] = helpSections([{ group: APPROVAL_SHORTCUTS, actions: ['clientFilter'] }]);
    expect(section?.shortcuts.map((s) => [s.keys, s.label])).toEqual([[['/'], 'records.approvals.clientFilterKey']]);
    const said = (['cs', 'sk', 'en'] as const).map((lang) => i18n.getFixedT(lang)('records.approvals.clientFilterKey'));
    expect(said).toEqual(['Filtrovat podle klienta', 'Filtrovať podľa klienta', 'Filter by client']);
    for (const lang of ['cs', 'sk', 'en'] as const) expect(said).not.toContain(i18n.getFixedT(lang)('shortcuts.search'));
  });
});
