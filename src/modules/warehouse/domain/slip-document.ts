/**
 * A confirmed issue slip (stock out for a ticket) or a return as plain data:
 * what the printed slip and the POHODA "výdejka" export show. The warehouse
 * builds it from the stored slip; renderers and exporters only read it.
 */
import type { IsoDate } from '../../../shared/calendar/index.ts';
import type { Language } from '../../../shared/language.ts';
import type { CurrencyCode, MinorUnits } from '../../../shared/money.ts';
import type { QuantityMilli } from '../../../shared/quantity.ts';
import type { PostalAddress } from '../../billing/index.ts';

export interface SlipDocumentLine {
  readonly position: number;
  readonly itemCode: string;
  readonly itemName: string;
  /** As printed in the slip's language ('ks' for the stored 'pcs'). */
  readonly unit: string;
  /** Negative on a return. */
  readonly quantityMilli: QuantityMilli;
  readonly serials: readonly string[];
  /** Weighted-average cost per unit at the moment of issue, in the slip's costCurrency. */
  readonly unitCostMinor: MinorUnits;
  readonly costMinor: MinorUnits;
  /** Sale price per unit as priced on the ticket's material record, in the slip's currency; null when not priced. */
  readonly unitPriceMinor: MinorUnits | null;
  readonly priceMinor: MinorUnits | null;
  readonly vatRateBp: number;
}

export interface SlipDocument {
  readonly kind: 'issue' | 'return';
  readonly id: string;
  readonly number: string;
  readonly date: IsoDate;
  /** The sale prices' currency. */
  readonly currency: CurrencyCode;
  /** The costs' currency (unit costs, costs, their total): the material records', which need not be the sale currency. */
  readonly costCurrency: CurrencyCode;
  /** The country whose VAT rates the lines carry (the provider's when the slip was issued), e.g. 'CZ' or 'SK'. */
  readonly vatCountry: string;
  readonly language: Language;
  readonly warehouse: { readonly code: string; readonly name: string };
  readonly ticket: { readonly number: string; readonly subject: string } | null;
  /** The client as invoices name it: the billing address when it has one, else the registered one (parts left empty when unknown). */
  readonly client: { readonly name: string; readonly companyId: string | null; readonly vatId: string | null; readonly address: PostalAddress } | null;
  readonly supplierName: string;
  readonly issuedBy: string;
  /** On a return: the number of the slip it reverses. */
  readonly returnsSlipNumber: string | null;
  readonly lines: readonly SlipDocumentLine[];
  readonly totalCostMinor: MinorUnits;
  readonly totalPriceMinor: MinorUnits | null;
  readonly note: string | null;
}
