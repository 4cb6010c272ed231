/**
 * Whether an invoice is under the reverse charge (BILLING.md §4): the client is
 * an EU business with a VAT id, in another member state than the supplier.
 */

/** EU member states by their ISO 3166-1 code (Greece's VAT prefix is EL, its ISO code GR). */
export const EU_MEMBER_STATES: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
]);

export function isReverseCharge(supplierCountry: string, client: { readonly country: string; readonly vatId: string | null }): boolean {
  const country = client.country.toUpperCase();
  const hasVatId = client.vatId !== null && client.vatId.trim() !== '';
  return hasVatId && country !== supplierCountry.toUpperCase() && EU_MEMBER_STATES.has(country) && EU_MEMBER_STATES.has(supplierCountry.toUpperCase());
}
