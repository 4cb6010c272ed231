/**
 * The e-mail that carries an invoice or credit note to the client, in the
 * document's language: what it is, the amount, the due date and how to pay.
 * Plain text; the PDF attached is the document itself.
 */
import { formatDate, formatMoney } from './format.ts';
import type { DocumentLanguage } from './labels.ts';

export interface InvoiceMailSource {
  readonly kind: 'invoice' | 'credit_note';
  readonly number: string;
  readonly language: DocumentLanguage;
  readonly currency: string;
  readonly totalMinor: number;
  readonly dueDate: string;
  readonly variableSymbol: string;
  readonly supplier: { readonly name: string; readonly email: string | null; readonly phone: string | null; readonly bankAccount: { readonly accountNumber: string | null; readonly iban: string | null } | null };
  readonly customer: { readonly name: string };
}

const TEXTS = {
  cs: {
    invoice: 'Faktura', credit_note: 'Opravný daňový doklad',
    greeting: 'Dobrý den,',
    intro: { invoice: 'v příloze posíláme fakturu č.', credit_note: 'v příloze posíláme opravný daňový doklad č.' },
    amount: 'Částka k úhradě', refund: 'Hodnota dobropisu', due: 'Splatnost', vs: 'Variabilní symbol', account: 'Účet',
    qr: 'Platbu můžete zadat i naskenováním QR kódu na faktuře.',
    thanks: 'Děkujeme a přejeme hezký den.',
  },
  sk: {
    invoice: 'Faktúra', credit_note: 'Opravná faktúra',
    greeting: 'Dobrý deň,',
    intro: { invoice: 'v prílohe posielame faktúru č.', credit_note: 'v prílohe posielame opravnú faktúru č.' },
    amount: 'Suma na úhradu', refund: 'Hodnota dobropisu', due: 'Splatnosť', vs: 'Variabilný symbol', account: 'Účet',
    qr: 'Platbu môžete zadať aj naskenovaním QR kódu na faktúre.',
    thanks: 'Ďakujeme a prajeme pekný deň.',
  },
  en: {
    invoice: 'Invoice', credit_note: 'Credit note',
    greeting: 'Hello,',
    intro: { invoice: 'please find attached invoice No.', credit_note: 'please find attached credit note No.' },
    amount: 'Amount due', refund: 'Credit note value', due: 'Due date', vs: 'Payment reference (VS)', account: 'Account',
    qr: 'You can also pay by scanning the QR code on the invoice.',
    thanks: 'Thank you.',
  },
} as const;

export interface InvoiceMailText {
  readonly subject: string;
  readonly text: string;
  readonly filename: string;
}

/** Subject, body and attachment name of the mail for a document. */
export function invoiceMail(doc: InvoiceMailSource, options: { hasQr: boolean }): InvoiceMailText {
  const t = TEXTS[doc.language] ?? TEXTS.en;
  const what = t[doc.kind];
  const money = formatMoney(doc.totalMinor, doc.currency, doc.language);
  const lines = [t.greeting, '', `${t.intro[doc.kind]} ${doc.number}.`, ''];
  if (doc.kind === 'invoice') {
    lines.push(`${t.amount}: ${money}`, `${t.due}: ${formatDate(doc.dueDate, doc.language)}`, `${t.vs}: ${doc.variableSymbol}`);
    const account = doc.supplier.bankAccount?.accountNumber ?? doc.supplier.bankAccount?.iban;
    if (account) lines.push(`${t.account}: ${account}`);
    if (options.hasQr) lines.push('', t.qr);
  } else {
    lines.push(`${t.refund}: ${money}`);
  }
  lines.push('', t.thanks, '', doc.supplier.name, ...[doc.supplier.email, doc.supplier.phone].filter((v): v is string => Boolean(v)));
  const safeNumber = doc.number.replace(/[^A-Za-z0-9._-]+/g, '-');
  return { subject: `${what} ${doc.number} – ${doc.supplier.name}`, text: lines.join('\n').replace(/\u00a0/g, ' '), filename: `${safeNumber}.pdf` };
}
