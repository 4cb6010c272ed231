// @vitest-environment node
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { clientNotFoundText } from './ownOrganisation';

const listWay = { title: 'Klient nenalezen', text: 'Takový klient neexistuje…', back: { to: '/clients', label: 'Zpět na seznam klientů' } };

describe("a client's \"not found\": the way back", () => {
  it('staff go back to the client list', () => {
    expect(clientNotFoundText(listWay, { clientOnly: false, id: null }, i18n.getFixedT('cs'))).toBe(listWay);
  });

  it('a client contact, who has no client list, goes back to their own organisation, or home without one', () => {
    expect(clientNotFoundText(listWay, { clientOnly: true, id: 1 }, i18n.getFixedT('cs'))).toEqual({ ...listWay, back: { to: '/clients/1', label: 'Zpět na vaši organizaci' } });
    expect(clientNotFoundText(listWay, { clientOnly: true, id: null }, i18n.getFixedT('cs')).back).toEqual({ to: '/', label: 'Zpět na přehled' });
    expect(clientNotFoundText(listWay, { clientOnly: true, id: 1 }, i18n.getFixedT('sk')).back?.label).toBe('Späť na vašu organizáciu');
    expect(clientNotFoundText(listWay, { clientOnly: true, id: 1 }, i18n.getFixedT('en')).back?.label).toBe('Back to your organisation');
  });
});
