// @vitest-environment node
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { assigneeName, stateLabel, typeLabel } from './labels';

describe('names of states and types', () => {
  it('shows a built-in name in the reader language while it is the seeded default, and a renamed one as given', async () => {
    await i18n.changeLanguage('cs');
    const t = i18n.t.bind(i18n);
    expect(stateLabel(t, { code: 'waiting_for_client', name: 'Waiting for client' })).toBe(t('tickets.states.waiting_for_client'));
    expect(stateLabel(t, { code: 'waiting_for_client', name: 'Waiting for client' })).not.toBe('Waiting for client');
    expect(stateLabel(t, { code: 'waiting_for_client', name: 'Čeká na zákazníka' })).toBe('Čeká na zákazníka');
    expect(typeLabel(t, { code: 'incident', name: 'Incident' })).toBe(t('tickets.types.incident'));
    expect(typeLabel(t, { code: 'incident', name: 'Porucha' })).toBe('Porucha');
    expect(stateLabel(t, { code: 'on_site_visit', name: 'Výjezd' })).toBe('Výjezd');
    expect(stateLabel(t, { code: 'resolved' })).toBe(t('tickets.states.resolved'));
  });

  it('marks an assignee who is not among the active staff, in each language; nobody while the staff is unknown', async () => {
    const petr = { id: 7, name: 'Petr Nový' };
    const marked = { cs: 'Petr Nový (neaktivní)', sk: 'Petr Nový (neaktívny)', en: 'Petr Nový (inactive)' };
    for (const [language, text] of Object.entries(marked)) {
      await i18n.changeLanguage(language);
      const t = i18n.t.bind(i18n);
      expect(assigneeName(t, petr, new Set([2, 3]))).toBe(text);
      expect(assigneeName(t, petr, new Set([2, 7]))).toBe('Petr Nový');
      expect(assigneeName(t, petr, null)).toBe('Petr Nový');
    }
  });

});
