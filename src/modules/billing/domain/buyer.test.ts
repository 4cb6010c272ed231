import { describe, expect, it } from 'vitest';
import { buyerAddressMissing } from './buyer.ts';

const address = { street: 'Hybešova 12', city: 'Brno', postalCode: '602 00', country: 'CZ' };

describe('the buyer of a tax document', () => {
  it('needs a complete address: street, city, postal code and country', () => {
    expect(buyerAddressMissing({ address })).toEqual([]);
    expect(buyerAddressMissing({ address: { street: '', city: '', postalCode: '', country: 'CZ' } })).toEqual(['street', 'city', 'postalCode']);
    expect(buyerAddressMissing({ address: { ...address, city: '  ' } })).toEqual(['city']);
    expect(buyerAddressMissing({ address: { ...address, country: '' } })).toEqual(['country']);
  });
});
