/**
 * A Slovak buyer's DIČ on its documents, on SQLite and PostgreSQL: the client's
 * DIČ is snapshotted with the buyer when an invoice or credit note is issued and
 * printed beside the IČ DPH (HTML preview, the document the PDF prints, POHODA's
 * typ:dic, ISDOC's TIN scheme, both valid against the official XSDs); a document
 * issued before keeps what it had, a draft shows the client as it is now.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceDocument } from '../src/modules/billing/index.ts';
import { EXPORTERS } from '../src/modules/exports/domain/adapters.ts';
import { fromWindows1250 } from '../src/modules/exports/domain/encoding.ts';
import { testEngines } from './db.ts';
import { requireXmllint, validate, XSD } from './fixtures/exports/xmllint.ts';
import { invoicingWorld, type InvoicingWorld } from './invoicing.fixture.ts';
import { hasPoppler, pdfText } from './pdf.ts';


describe.each(testEngines())("a Slovak buyer's DIČ on its documents on %s", (engine) => {
  let w: InvoicingWorld;
  let dir: string;
  beforeAll(async () => {
    w = await invoicingWorld(engine);
    requireXmllint();
    dir = mkdtempSync(join(tmpdir(), 'kontor-buyer-dic-'));
  });
  afterAll(async () => {
    await w.t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const client = async () => (await w.req(w.operator.auth, 'GET', `/api/v1/clients/${w.clientId}`)).json();
  async function editClient(changes: object): Promise<void> {
    const res = await w.req(w.operator.auth, 'PATCH', `/api/v1/clients/${w.clientId}`, { ...changes, version: (await client()).version });
    expect(res.statusCode, res.body).toBe(200);
  }
  const line = { kind: 'manual' as const, description: 'Správa serverov', quantity_milli: 1000, unit: 'h', unit_price_minor: 100_00, net_minor: 100_00, vat_rate_bp: 0 };
  const slovakDraft = () => w.draft({ lines: [line], language: 'sk', reverseCharge: true });
  async function issue(id: number): Promise<void> {
    const res = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${id}/issue`);
    expect(res.statusCode, res.body).toBe(200);
  }
  const customer = async (id: number) => (await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${id}/document`)).json().customer;
  const preview = async (id: number) => (await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${id}/preview.html`)).body;

  it('prints the DIČ beside the IČ DPH once the client has one; an invoice issued before keeps what it had', async () => {
    const address = { street: 'Štúrova 27', city: 'Bratislava', postalCode: '811 02', country: 'SK' };
    await editClient({ country: 'SK', companyId: '35697270', vatId: 'SK2020317068', taxId: null, registeredAddress: address, billingAddress: address });
    const before = await slovakDraft();
    await issue(before);
    expect(await customer(before)).toMatchObject({ vatId: 'SK2020317068', taxId: null });

    await editClient({ taxId: '2020317068' });
    // Issued: the snapshot of the buyer at issue, without the DIČ recorded later.
    expect((await customer(before)).taxId).toBeNull();
    expect(await preview(before)).not.toContain('DIČ: 2020317068');

    const draft = await slovakDraft();
    // A draft shows the client as it is now.
    expect(await preview(draft)).toContain('DIČ: 2020317068');
    await issue(draft);
    await editClient({ taxId: '2020317079' });
    expect(await customer(draft)).toMatchObject({ companyId: '35697270', vatId: 'SK2020317068', taxId: '2020317068' });
    const html = await preview(draft);
    expect(html).toContain('<html lang="sk">');
    expect(html).toContain('IČ DPH: SK2020317068');
    expect(html).toContain('DIČ: 2020317068');
    expect(html).not.toContain('2020317079');

    // A credit note snapshots the buyer as it is when the note is issued.
    const note = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${draft}/credit-notes`, { reason: 'Storno', full: true });
    expect(note.statusCode, note.body).toBe(201);
    expect(await customer(note.json().id)).toMatchObject({ vatId: 'SK2020317068', taxId: '2020317079' });
    expect(await preview(note.json().id)).toContain('DIČ: 2020317079');

    // Accounting exports of the issued invoice: POHODA's typ:dic beside typ:icDph, ISDOC's TIN scheme beside VAT.
    const doc = await invoiceDocument(w.t.database.db, draft);
    const pohoda = EXPORTERS.pohoda.exportDocument(doc);
    const pohodaPath = join(dir, `${engine}.pohoda.xml`);
    writeFileSync(pohodaPath, pohoda);
    validate(XSD.pohoda, [pohodaPath]);
    expect(fromWindows1250(Buffer.from(pohoda))).toMatch(/<typ:address>[\s\S]*<typ:ico>35697270<\/typ:ico>\s*<typ:dic>2020317068<\/typ:dic>\s*<typ:icDph>SK2020317068<\/typ:icDph>/);
    const isdoc = EXPORTERS.isdoc.exportDocument(doc);
    const isdocPath = join(dir, `${engine}.isdoc`);
    writeFileSync(isdocPath, isdoc);
    validate(XSD.isdoc, [isdocPath]);
    expect(Buffer.from(isdoc).toString('utf8')).toMatch(/<CompanyID>SK2020317068<\/CompanyID>\s*<TaxScheme>VAT<\/TaxScheme>\s*<\/PartyTaxScheme>\s*<PartyTaxScheme>\s*<CompanyID>2020317068<\/CompanyID>\s*<TaxScheme>TIN<\/TaxScheme>/);
  });

  it.runIf(hasPoppler)('the PDF prints the buyer\'s DIČ beside its IČ DPH', async () => {
    await editClient({ vatId: 'SK2020317068', taxId: '2020317068' });
    const id = await slovakDraft();
    await issue(id);
    const res = await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${id}/pdf`);
    expect(res.statusCode).toBe(200);
    const file = join(dir, `${engine}-${id}.pdf`);
    writeFileSync(file, res.rawPayload);
    const text = pdfText(file);
    expect(text).toContain('IČ DPH: SK2020317068');
    expect(text).toContain('DIČ: 2020317068');
  });

  it('a Slovak non-payer: its DIČ is printed and exported, no IČ DPH', async () => {
    await editClient({ vatId: null, taxId: '2020317068' });
    const id = await w.draft({ lines: [{ ...line, vat_rate_bp: 2100, net_minor: 100_00 }], language: 'sk' });
    await issue(id);
    expect(await customer(id)).toMatchObject({ vatId: null, taxId: '2020317068', vatPayer: false });
    const html = await preview(id);
    expect(html).toContain('DIČ: 2020317068');
    expect(html).not.toContain('IČ DPH: SK2020317068');
    const pohoda = fromWindows1250(Buffer.from(EXPORTERS.pohoda.exportDocument(await invoiceDocument(w.t.database.db, id))));
    expect(pohoda).toContain('<typ:dic>2020317068</typ:dic>');
    expect(pohoda).not.toContain('<typ:icDph>');
  });
});
