/**
 * Payment QR payloads printed on invoices:
 * - QR Platba (Short Payment Descriptor, SPAYD 1.0, Czech Banking Association):
 *   `SPD*1.0*ACC:<IBAN>[+<BIC>]*AM:<amount>*CC:<currency>*X-VS:<vs>*DT:<YYYYMMDD>*MSG:<text>`.
 * - PAY by square (Slovak Banking Association), encoded by the `bysquare` package.
 * Which one a document gets is decided here too (`paymentQrFor`), so the PDF,
 * the preview and any e-mail agree.
 */
import { encode as encodePayBySquare, CurrencyCode, PaymentOptions } from 'bysquare/pay';
import { isoDateProblem } from '../../../shared/calendar/index.ts';
import { minorToDecimal } from '../../../shared/money.ts';

export interface PaymentRequest {
  /** IBAN, spaces allowed. */
  readonly iban: string;
  readonly bic?: string | null;
  /** Positive amount in minor units (2 decimals). */
  readonly amountMinor: number;
  readonly currency: string;
  /** Up to 10 digits. */
  readonly variableSymbol?: string | null;
  /** 'YYYY-MM-DD'. */
  readonly dueDate?: string | null;
  readonly message?: string | null;
  /** Who receives the money: required by PAY by square 1.2, ignored by SPAYD. */
  readonly beneficiaryName?: string | null;
}

export class PaymentQrError extends Error {}

const SPAYD_MESSAGE_MAX = 60;

/** Two decimals with a dot, no grouping: 48050 → "480.50" (SPAYD AM allows at most 10 characters). */
export function decimalAmount(minor: number): string {
  if (!Number.isSafeInteger(minor) || minor <= 0) throw new PaymentQrError(`the amount must be a positive whole number of minor units, got ${minor}`);
  const text = minorToDecimal(minor);
  if (text.length > 10) throw new PaymentQrError(`the amount ${text} is longer than 10 characters`);
  return text;
}

export function normalizeIban(iban: string): string {
  return iban.replace(/\s+/g, '').toUpperCase();
}

/** Latin letters without diacritics, so every banking app reads the message the same. */
function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * A SPAYD value: the specification reserves '*' as the separator, so it is
 * written as %2A; '%' itself as %25 so decoding is unambiguous. Messages are
 * upper-cased and stripped of diacritics (the specification recommends upper
 * case: it lets the QR code use its compact alphanumeric mode).
 */
function spaydText(text: string, max: number): string {
  const plain = withoutDiacritics(text).toUpperCase().replace(/[^\x20-\x7e]/g, '').trim().slice(0, max);
  return plain.replace(/%/g, '%25').replace(/\*/g, '%2A');
}

/** The QR Platba (SPAYD 1.0) string of a payment. */
export function spaydPayload(request: PaymentRequest): string {
  const iban = normalizeIban(request.iban);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(iban)) throw new PaymentQrError(`'${request.iban}' is not an IBAN`);
  const currency = request.currency.toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new PaymentQrError(`'${request.currency}' is not a currency code`);
  const parts = ['SPD', '1.0'];
  const bic = request.bic?.replace(/\s+/g, '').toUpperCase();
  parts.push(`ACC:${iban}${bic ? `+${bic}` : ''}`);
  parts.push(`AM:${decimalAmount(request.amountMinor)}`);
  parts.push(`CC:${currency}`);
  if (request.variableSymbol) {
    if (!/^\d{1,10}$/.test(request.variableSymbol)) throw new PaymentQrError(`the variable symbol '${request.variableSymbol}' must be 1 to 10 digits`);
    parts.push(`X-VS:${request.variableSymbol}`);
  }
  if (request.dueDate) parts.push(`DT:${compactDate(request.dueDate)}`);
  const message = request.message ? spaydText(request.message, SPAYD_MESSAGE_MAX) : '';
  if (message) parts.push(`MSG:${message}`);
  return parts.join('*');
}

function compactDate(iso: string): string {
  const problem = isoDateProblem(iso);
  if (problem !== null) throw new PaymentQrError(problem);
  return iso.replace(/-/g, '');
}

/** The PAY by square string of a single payment order (bysquare validates the IBAN checksum and BIC). */
export function payBySquarePayload(request: PaymentRequest): string {
  const currency = request.currency.toUpperCase();
  if (!(currency in CurrencyCode)) throw new PaymentQrError(`'${request.currency}' is not a currency PAY by square knows`);
  if (!request.beneficiaryName) throw new PaymentQrError('PAY by square needs the beneficiary name');
  decimalAmount(request.amountMinor);
  try {
    return encodePayBySquare({
      payments: [
        {
          type: PaymentOptions.PaymentOrder,
          // Minor units / 100 is exact to two decimals in a double, and bysquare prints it as such.
          amount: request.amountMinor / 100,
          currencyCode: currency as CurrencyCode,
          ...(request.variableSymbol ? { variableSymbol: request.variableSymbol } : {}),
          ...(request.dueDate ? { paymentDueDate: compactDate(request.dueDate) } : {}),
          ...(request.message ? { paymentNote: request.message.slice(0, 140) } : {}),
          beneficiary: { name: request.beneficiaryName.slice(0, 70) },
          bankAccounts: [{ iban: normalizeIban(request.iban), ...(request.bic ? { bic: request.bic.replace(/\s+/g, '').toUpperCase() } : {}) }],
        },
      ],
    });
  } catch (error) {
    throw new PaymentQrError(`PAY by square refused the payment: ${(error as Error).message}`);
  }
}

export interface PaymentQrSource {
  readonly kind: 'invoice' | 'credit_note';
  readonly number: string;
  readonly currency: string;
  readonly totalMinor: number;
  readonly variableSymbol: string;
  readonly dueDate: string;
  readonly supplier: { readonly name: string; readonly bankAccount: { readonly iban: string | null; readonly bic: string | null } | null };
  readonly customer: { readonly address: { readonly country: string } };
}

export type PaymentQr = { readonly kind: 'spayd' | 'pay_by_square'; readonly payload: string };

/**
 * The QR code an invoice carries: QR Platba on CZK invoices, PAY by square on
 * EUR invoices to Slovak clients; none on credit notes (money flows back), on
 * zero totals, or without the supplier's IBAN. It asks for the document's total, or
 * for `amountMinor` when less is due (an invoice mailed again after a part payment),
 * and is left out when nothing is due: a scanned code must never ask for money paid.
 */
export function paymentQrFor(doc: PaymentQrSource, amountMinor: number = doc.totalMinor): PaymentQr | null {
  const iban = doc.supplier.bankAccount?.iban;
  if (doc.kind !== 'invoice' || amountMinor <= 0 || !iban) return null;
  const request: PaymentRequest = {
    iban,
    bic: doc.supplier.bankAccount?.bic ?? null,
    amountMinor,
    currency: doc.currency,
    variableSymbol: /^\d{1,10}$/.test(doc.variableSymbol) ? doc.variableSymbol : null,
    dueDate: doc.dueDate,
    message: `${doc.number}`,
    beneficiaryName: doc.supplier.name,
  };
  if (doc.currency === 'CZK') return { kind: 'spayd', payload: spaydPayload(request) };
  if (doc.currency === 'EUR' && doc.customer.address.country === 'SK') return { kind: 'pay_by_square', payload: payBySquarePayload(request) };
  return null;
}
