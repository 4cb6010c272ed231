// @vitest-environment node
import { describe, expect, it } from 'vitest';
import i18n from '../../../i18n';
import { transitionLabel } from './processNames';

describe('names of the default transitions', () => {
  it('translates a default name while it is unchanged and keeps any other as given', async () => {
    await i18n.changeLanguage('cs');
    const t = i18n.t.bind(i18n);
    expect(transitionLabel(t, 'Start work')).toBe('Začít řešit');
    expect(transitionLabel(t, 'Wait for third party')).toBe('Čekat na třetí stranu');
    expect(transitionLabel(t, 'Vyřešit hned')).toBe('Vyřešit hned');
    expect(transitionLabel(t, 'start work')).toBe('start work');
    await i18n.changeLanguage('sk');
    expect(transitionLabel(i18n.t.bind(i18n), 'Resolve')).toBe('Vyriešiť');
  });
});
