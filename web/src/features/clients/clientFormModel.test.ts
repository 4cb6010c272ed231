// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Client } from './api';
import { clientToValues, emptyClientValues, paymentTermsDaysProblem, taxIdFields, valuesToPayload, vatIdWithoutPrefix } from './clientFormModel';

const client: Client = {
  id: 1, name: 'Strojírny Brno a.s.', companyId: '25596641', vatId: 'CZ25596641', taxId: null, country: 'CZ',
  registeredAddress: { street: 'Hybešova 12', city: 'Brno', postalCode: '602 00', country: 'CZ' },
  billingAddress: null, email: null, phone: null, language: 'cs', currency: 'CZK', paymentTermsDays: 14,
  notes: null, active: true, version: 3, createdAt: '', updatedAt: '',
};

describe('client form model', () => {
  it('round-trips a client', () => {
    const payload = valuesToPayload(clientToValues(client));
    const { id, version, createdAt, updatedAt, ...rest } = client;
    void [id, version, createdAt, updatedAt];
    expect(payload).toEqual(rest);
  });

  it('refuses payment terms typed as text that is no number, or left empty, instead of sending NaN or 0 days', () => {
    const v = clientToValues(client);
    expect(paymentTermsDaysProblem('3O')).toBe('notNumber');
    expect(paymentTermsDaysProblem('')).toBe('required');
    expect(paymentTermsDaysProblem(30)).toBeNull();
    expect(paymentTermsDaysProblem(0)).toBeNull();
    // Before, "3O" was sent as NaN (null in JSON) and an emptied field as 0 days.
    expect(() => valuesToPayload({ ...v, paymentTermsDays: '3O' })).toThrow(/no number/);
    expect(() => valuesToPayload({ ...v, paymentTermsDays: '' })).toThrow(/no number/);
    expect(valuesToPayload({ ...v, paymentTermsDays: 30 }).paymentTermsDays).toBe(30);
  });

  it('sends empty texts as null, an address with no text as null, and normalises ids', () => {
    const v = emptyClientValues('sk');
    expect(v.country).toBe('SK');
    expect(v.currency).toBe('EUR');
    const payload = valuesToPayload({ ...v, name: ' ACME ', companyId: '257 82 871', vatId: 'sk 2020 317068', billingSameAsRegistered: false });
    expect(payload).toMatchObject({ name: 'ACME', companyId: '25782871', vatId: 'SK2020317068', email: null, registeredAddress: null, billingAddress: null });
  });

  it("starts a new client in the company's default country, with its currency and address country", () => {
    const v = emptyClientValues('cs', 'SK');
    expect([v.country, v.currency, v.registeredAddress.country, v.billingAddress.country]).toEqual(['SK', 'EUR', 'SK', 'SK']);
    expect(emptyClientValues('sk', 'AT').country).toBe('AT');
    // A country the form does not offer, or none known: the user's own.
    expect(emptyClientValues('sk', 'JP').country).toBe('SK');
    expect(emptyClientValues('cs', null).country).toBe('CZ');
  });

  it('round-trips a Slovak client\'s DIČ and sends it without spaces, an empty one as null', () => {
    const slovak: Client = { ...client, country: 'SK', companyId: '35697270', vatId: null, taxId: '2020317068', currency: 'EUR', language: 'sk' };
    expect(valuesToPayload(clientToValues(slovak)).taxId).toBe('2020317068');
    expect(valuesToPayload({ ...clientToValues(slovak), taxId: ' 2020 317 068 ' }).taxId).toBe('2020317068');
    expect(valuesToPayload({ ...clientToValues(slovak), taxId: '  ' }).taxId).toBeNull();
  });

  it('sends a separate billing address only when it differs', () => {
    const v = clientToValues({ ...client, billingAddress: { street: 'P.O. Box 5', city: 'Brno', postalCode: '601 00', country: 'CZ' } });
    expect(v.billingSameAsRegistered).toBe(false);
    expect(valuesToPayload(v).billingAddress).toEqual({ street: 'P.O. Box 5', city: 'Brno', postalCode: '601 00', country: 'CZ' });
    expect(valuesToPayload({ ...v, billingSameAsRegistered: true }).billingAddress).toBeNull();
  });
});

describe('VAT id without its country prefix', () => {
  it('suggests the prefix of the client country for digits only, and leaves prefixed ids alone', () => {
    expect(vatIdWithoutPrefix('2020317068', 'SK')).toBe('SK2020317068');
    expect(vatIdWithoutPrefix('255 966 41', 'CZ')).toBe('CZ25596641');
    expect(vatIdWithoutPrefix('094014298', 'GR')).toBe('EL094014298');
    expect(vatIdWithoutPrefix('SK2020317068', 'SK')).toBeNull();
    expect(vatIdWithoutPrefix('', 'CZ')).toBeNull();
  });
});

describe('tax id fields', () => {
  it('a Slovak client: the VAT id is the IČ DPH and the DIČ has its own field', () => {
    expect(taxIdFields('SK', null)).toEqual({ vatIdKey: 'vatIdSk', showTaxId: true });
    expect(taxIdFields('SK', '2020317068')).toEqual({ vatIdKey: 'vatIdSk', showTaxId: true });
  });
  it('a Czech client keeps its VAT id label, and sees a tax id only when one is stored', () => {
    expect(taxIdFields('CZ', null)).toEqual({ vatIdKey: 'vatId', showTaxId: false });
    expect(taxIdFields('CZ', '')).toEqual({ vatIdKey: 'vatId', showTaxId: false });
    expect(taxIdFields('CZ', '2020317068')).toEqual({ vatIdKey: 'vatId', showTaxId: true });
  });
});
