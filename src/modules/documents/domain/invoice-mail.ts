/**
 * The e-mail that carries an invoice or credit note to the client, in the
 * document's language: what it is, the amount, the due date and how to pay.
 * Plain text; the PDF attached is the document itself, as issued. An invoice
 * mailed again after payments or credit notes (a reminder) asks for what is
 * outstanding now, not the document's total: a client paying from the mail
 * must not pay twice.
 */
import type { Language } from '../../../shared/language.ts';
import { formatDate, formatMoney } from './format.ts';

export interface InvoiceMailSource {
  readonly kind: 'invoice' | 'credit_note';
  readonly number: string;
  readonly language: Language;
  readonly currency: string;
  readonly totalMinor: number;
  readonly dueDate: string;
  readonly variableSymbol: string;
  readonly supplier: { readonly name: string; readonly email: string | null; readonly phone: string | null; readonly bankAccount: { readonly accountNumber: string | null; readonly iban: string | null } | null };
  readonly customer: { readonly name: string };
}

/** An invoice's money as it stands now (billing's figures for the invoice page), not as issued. */
export interface InvoiceSettlement {
  readonly paidMinor: number;
  /** Gross taken back by credit notes (positive). */
  readonly creditedMinor: number;
  readonly amountDueMinor: number;
  /** Paid beyond what is left after credit notes: owed back to the client. */
  readonly refundDueMinor: number;
}

const TEXTS = {
  cs: {
    invoice: 'Faktura', credit_note: 'Opravný daňový doklad',
    greeting: 'Dobrý den,',
    intro: { invoice: 'v příloze posíláme fakturu č.', credit_note: 'v příloze posíláme opravný daňový doklad č.' },
    amount: 'Částka k úhradě', refund: 'Hodnota dobropisu', due: 'Splatnost', vs: 'Variabilní symbol', account: 'Účet',
    qr: 'Platbu můžete zadat i naskenováním QR kódu na faktuře.',
    invoiceTotal: 'Částka faktury', paid: 'Uhrazeno', credited: 'Dobropisy', outstanding: 'Zbývá uhradit',
    fullyPaid: 'Faktura je uhrazena, nic k úhradě nezbývá. Děkujeme.',
    nothingDue: 'Faktura je vyrovnána dobropisem, nic k úhradě nezbývá.',
    overpaid: (amount: string) => `Faktura je přeplacena o ${amount}; přeplatek vám vrátíme.`,
    thanks: 'Děkujeme a přejeme hezký den.',
  },
  sk: {
    invoice: 'Faktúra', credit_note: 'Opravná faktúra',
    greeting: 'Dobrý deň,',
    intro: { invoice: 'v prílohe posielame faktúru č.', credit_note: 'v prílohe posielame opravnú faktúru č.' },
    amount: 'Suma na úhradu', refund: 'Hodnota dobropisu', due: 'Splatnosť', vs: 'Variabilný symbol', account: 'Účet',
    qr: 'Platbu môžete zadať aj naskenovaním QR kódu na faktúre.',
    invoiceTotal: 'Suma faktúry', paid: 'Uhradené', credited: 'Dobropisy', outstanding: 'Zostáva uhradiť',
    fullyPaid: 'Faktúra je uhradená, nič na úhradu nezostáva. Ďakujeme.',
    nothingDue: 'Faktúra je vyrovnaná dobropisom, nič na úhradu nezostáva.',
    overpaid: (amount: string) => `Faktúra je preplatená o ${amount}; preplatok vám vrátime.`,
    thanks: 'Ďakujeme a prajeme pekný deň.',
  },
  en: {
    invoice: 'Invoice', credit_note: 'Credit note',
    greeting: 'Hello,',
    intro: { invoice: 'please find attached invoice No.', credit_note: 'please find attached credit note No.' },
    amount: 'Amount due', refund: 'Credit note value', due: 'Due date', vs: 'Payment reference (VS)', account: 'Account',
    qr: 'You can also pay by scanning the QR code on the invoice.',
    invoiceTotal: 'Invoice total', paid: 'Paid', credited: 'Credit notes', outstanding: 'Left to pay',
    fullyPaid: 'The invoice is paid; nothing is left to pay. Thank you.',
    nothingDue: 'The invoice is settled by a credit note; nothing is left to pay.',
    overpaid: (amount: string) => `The invoice is overpaid by ${amount}; we will refund it to you.`,
    thanks: 'Thank you.',
  },
} as const;

export interface InvoiceMailText {
  readonly subject: string;
  readonly text: string;
  readonly filename: string;
}

/**
 * Subject, body and attachment name of the mail for a document. `settlement` is the
 * invoice's money now: without payments or credit notes (or without it) the mail asks
 * for the total; with some it names them and asks for what is left, or says that
 * nothing is (paid, or overpaid and to be refunded) and asks for nothing.
 */
export function invoiceMail(doc: InvoiceMailSource, options: { hasQr: boolean; settlement?: InvoiceSettlement | undefined }): InvoiceMailText {
  const t = TEXTS[doc.language] ?? TEXTS.en;
  const what = t[doc.kind];
  const fmt = (minor: number) => formatMoney(minor, doc.currency, doc.language);
  const money = fmt(doc.totalMinor);
  const lines = [t.greeting, '', `${t.intro[doc.kind]} ${doc.number}.`, ''];
  if (doc.kind === 'invoice') {
    const s = options.settlement;
    const settledSome = s !== undefined && (s.paidMinor !== 0 || s.creditedMinor !== 0);
    const due = settledSome ? s.amountDueMinor : doc.totalMinor;
    if (settledSome) {
      lines.push(`${t.invoiceTotal}: ${money}`);
      if (s.paidMinor !== 0) lines.push(`${t.paid}: ${fmt(s.paidMinor)}`);
      if (s.creditedMinor !== 0) lines.push(`${t.credited}: ${fmt(-s.creditedMinor)}`);
    }
    if (due > 0) {
      lines.push(`${settledSome ? t.outstanding : t.amount}: ${fmt(due)}`, `${t.due}: ${formatDate(doc.dueDate, doc.language)}`, `${t.vs}: ${doc.variableSymbol}`);
      const account = doc.supplier.bankAccount?.accountNumber ?? doc.supplier.bankAccount?.iban;
      if (account) lines.push(`${t.account}: ${account}`);
      // The attached copy's QR code asks for what is due now (documents.invoices.ts).
      if (options.hasQr) lines.push('', t.qr);
    } else {
      lines.push(`${t.vs}: ${doc.variableSymbol}`, '');
      if (s !== undefined && s.refundDueMinor > 0) lines.push(t.overpaid(fmt(s.refundDueMinor)));
      else lines.push(s !== undefined && s.paidMinor > 0 ? t.fullyPaid : t.nothingDue);
    }
  } else {
    lines.push(`${t.refund}: ${money}`);
  }
  lines.push('', t.thanks, '', doc.supplier.name, ...[doc.supplier.email, doc.supplier.phone].filter((v): v is string => Boolean(v)));
  const safeNumber = doc.number.replace(/[^A-Za-z0-9._-]+/g, '-');
  return { subject: `${what} ${doc.number} – ${doc.supplier.name}`, text: lines.join('\n').replace(/\u00a0/g, ' '), filename: `${safeNumber}.pdf` };
}
