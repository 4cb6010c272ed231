/**
 * A complete customer for a tax document. Issuing refuses a draft whose client
 * has no address (409 buyer_address_missing), so clients that tests invoice are
 * created with this one: spread it into the clients API's body or the customers
 * service's input.
 */
export const BUYER_ADDRESS = { street: 'Nádražní 5', city: 'Brno', postalCode: '602 00', country: 'CZ' } as const;

export const invoiceableClient = { registeredAddress: { ...BUYER_ADDRESS } };
