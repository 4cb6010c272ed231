/**
 * An issued invoice or credit note as complete legal data (§29 of the Czech VAT
 * act and its Slovak equivalent): everything a PDF, an e-mail or an accounting
 * export needs, and nothing they would have to look up. Billing builds it once
 * from the stored invoice; renderers and exporters only read it, so every output
 * shows the same numbers to the minor unit.
 */
import type { IsoDate } from '../../../shared/calendar/index.ts';
import type { Language } from '../../../shared/language.ts';
import type { CurrencyCode, MinorUnits } from '../../../shared/money.ts';
import type { QuantityMilli } from '../../../shared/quantity.ts';
import type { VatGroup, VatRateBp } from './vat.ts';

export interface PostalAddress {
  readonly street: string;
  readonly city: string;
  readonly postalCode: string;
  /** ISO 3166-1 alpha-2, e.g. 'CZ', 'SK'. */
  readonly country: string;
}

export interface BankAccount {
  /** Domestic form, e.g. '19-2000145399/0800' (CZ) — optional abroad. */
  readonly accountNumber: string | null;
  readonly iban: string | null;
  readonly bic: string | null;
}

export interface Party {
  readonly name: string;
  /** IČO / company registration number. */
  readonly companyId: string | null;
  /** VAT id with its country prefix (DIČ / IČ DPH), e.g. 'CZ12345678', 'SK2020123456'. */
  readonly vatId: string | null;
  /** Slovak DIČ (tax id without prefix), printed beside IČ DPH on Slovak documents. */
  readonly taxId: string | null;
  readonly vatPayer: boolean;
  readonly address: PostalAddress;
  readonly email: string | null;
  readonly phone: string | null;
}

export interface Supplier extends Party {
  readonly bankAccount: BankAccount | null;
  /** Entry in the commercial register, e.g. 'C 12345 vedená u Městského soudu v Praze'. */
  readonly registration: string | null;
  /** Absolute path of a PNG/JPEG logo, or null. */
  readonly logoPath: string | null;
  readonly footerText: string | null;
}

export type DocumentLineKind = 'work' | 'travel' | 'unit_fee' | 'item' | 'contract_fee' | 'overage' | 'manual';

export interface DocumentLine {
  /** 1-based, in the order printed. */
  readonly position: number;
  readonly kind: DocumentLineKind;
  readonly description: string;
  /** Thousandths of the unit (1 h = 1000 with unit 'h'). */
  readonly quantityMilli: QuantityMilli;
  /** 'h', 'km', 'pcs', 'month', … as printed (already in the document's language). */
  readonly unit: string;
  /** Net unit price; netMinor is authoritative when rounding makes quantity × unit price differ. */
  readonly unitPriceMinor: MinorUnits;
  readonly netMinor: MinorUnits;
  readonly vatRateBp: VatRateBp;
  /** Item code (SKU) for material lines, null otherwise. */
  readonly itemCode: string | null;
}

export interface CorrectedDocument {
  readonly number: string;
  readonly issueDate: IsoDate;
  readonly taxableSupplyDate: IsoDate;
  readonly reason: string;
}

export interface InvoiceDocument {
  readonly kind: 'invoice' | 'credit_note';
  readonly id: string;
  readonly number: string;
  readonly variableSymbol: string;
  readonly issueDate: IsoDate;
  readonly taxableSupplyDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly currency: CurrencyCode;
  readonly language: Language;
  /** Billing period the document covers, e.g. '2026-10'; null for manual documents. */
  readonly period: string | null;
  readonly contractNumber: string | null;
  readonly supplier: Supplier;
  readonly customer: Party;
  readonly lines: readonly DocumentLine[];
  /**
   * Lines summed per VAT rate, highest first; VAT rounded once per rate.
   * Credit notes carry negative amounts everywhere.
   */
  readonly vatRecap: readonly VatGroup[];
  readonly netMinor: MinorUnits;
  readonly vatMinor: MinorUnits;
  /** The rounding line (no VAT); 0 when not rounding. */
  readonly roundingMinor: MinorUnits;
  /** What the client pays (credit note: what is refunded, negative). */
  readonly totalMinor: MinorUnits;
  readonly reverseCharge: boolean;
  /** Only on credit notes. */
  readonly corrects: CorrectedDocument | null;
  readonly note: string | null;
  /** True for a draft (not a tax document yet: no number; dates as if issued today). Absent = issued. */
  readonly draft?: boolean;
  /** The legal sentence the document must print (reverse charge), in its language; absent or null = none. */
  readonly legalNote?: string | null;
  /**
   * A document in a currency other than the supplier's own (e.g. EUR from a Czech VAT
   * payer) must state its VAT in the supplier's currency too (§29 of the Czech VAT act,
   * §71 of the Slovak one). Absent or null: the document is in the supplier's currency,
   * or it charges no VAT.
   */
  readonly homeCurrencyVat?: HomeCurrencyVat | null;
}

export interface HomeCurrencyVat {
  /** The supplier's currency: 'CZK' for a Czech supplier, 'EUR' for a Slovak one. */
  readonly currency: CurrencyCode;
  /** Units of the home currency for ONE unit of the document's currency, exact decimal text as fixed at issue (e.g. '24.335'). */
  readonly rate: string;
  /** The day the rate is of (the central bank's rate of that day). */
  readonly rateDate: IsoDate;
  /** Per VAT rate, as in vatRecap: base and VAT each converted once, round(amount × rate) half away from zero. */
  readonly groups: readonly { readonly vatRateBp: VatRateBp; readonly baseMinor: MinorUnits; readonly vatMinor: MinorUnits }[];
  readonly baseMinor: MinorUnits;
  readonly vatMinor: MinorUnits;
}
