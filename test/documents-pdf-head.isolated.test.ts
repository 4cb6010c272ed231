/**
 * The invoice page asks whether a document's PDF is there with HEAD before it offers the
 * download: the answer must come without rendering the PDF (a tenth of a second or more
 * each time), with the same 403/404 as GET. And what an issued document prints is the text
 * it was issued with: months and countries in words come from its data at display, its
 * stored line texts are never rewritten.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderInvoicePdf } from '../src/modules/documents/invoice-pdf.ts';
import { testEngines } from './db.ts';
import { invoicingWorld, type InvoicingWorld } from './invoicing.fixture.ts';

// The real renderer, counted: HEAD must not call it, GET must.
vi.mock('../src/modules/documents/invoice-pdf.ts', async (load) => {
  const real = await load<typeof import('../src/modules/documents/invoice-pdf.ts')>();
  return { ...real, renderInvoicePdf: vi.fn(real.renderInvoicePdf) };
});
const rendered = vi.mocked(renderInvoicePdf);

describe.each(testEngines())('invoice PDF on %s', (engine) => {
  let w: InvoicingWorld;
  beforeAll(async () => {
    w = await invoicingWorld(engine);
  });
  afterAll(() => w.t.close());

  it('answers HEAD with the PDF headers and no rendering; GET renders; both refuse alike', async () => {
    const draft = await w.draft({ records: await w.approvedRecords(1) });
    expect((await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${draft}/issue`)).statusCode).toBe(200);
    const number = (await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${draft}`)).json().number as string;
    rendered.mockClear();

    const head = await w.t.request(w.accountant.auth, { method: 'HEAD', url: `/api/v1/invoices/${draft}/pdf` });
    expect(head.statusCode, head.body).toBe(200);
    expect(head.headers['content-type']).toBe('application/pdf');
    expect(head.headers['content-disposition']).toBe(`inline; filename="${number}.pdf"`);
    expect(head.body).toBe('');
    expect(rendered).not.toHaveBeenCalled();

    const get = await w.t.request(w.accountant.auth, { method: 'GET', url: `/api/v1/invoices/${draft}/pdf` });
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-disposition']).toBe(head.headers['content-disposition']);
    expect(rendered).toHaveBeenCalledTimes(1);

    // A draft has its PDF too (marked as a draft), named by its id.
    const another = await w.draft();
    const draftHead = await w.t.request(w.manager.auth, { method: 'HEAD', url: `/api/v1/invoices/${another}/pdf` });
    expect(draftHead.statusCode).toBe(200);
    expect(draftHead.headers['content-disposition']).toBe(`inline; filename="draft-${another}.pdf"`);

    for (const [auth, url, status] of [
      [w.tech.auth, `/api/v1/invoices/${draft}/pdf`, 403],
      [w.accountant.auth, '/api/v1/invoices/999999/pdf', 404],
      [null, `/api/v1/invoices/${draft}/pdf`, 401],
    ] as const) {
      expect((await w.t.request(auth, { method: 'HEAD', url })).statusCode, url).toBe(status);
      expect((await w.t.request(auth, { method: 'GET', url })).statusCode, url).toBe(status);
    }
    expect((await w.t.request(w.accountant.auth, { method: 'HEAD', url: '/api/v1/invoices/abc/pdf' })).statusCode).toBe(400);
    expect(rendered).toHaveBeenCalledTimes(1);
  });

  it('prints an issued document with the line texts it was issued with; months and countries in words from its data', async () => {
    // A fee line written before months were put into words, issued so.
    const draft = await w.draft({ lines: [{ kind: 'contract_fee', description: 'Paušál 2026-10 – Podpora (SML-1)', quantity_milli: 1000, unit: 'month', unit_price_minor: 5_000_00, net_minor: 5_000_00, vat_rate_bp: 2100, fee_period: '2026-10' }] });
    expect((await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${draft}/issue`)).statusCode).toBe(200);
    const stored = await w.t.database.db.selectFrom('invoice_lines').select('description').where('invoice_id', '=', draft).executeTakeFirstOrThrow();
    expect(stored.description).toBe('Paušál 2026-10 – Podpora (SML-1)');
    const html = (await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${draft}/preview.html`)).body.replace(/\u00a0/g, ' ');
    expect(html).toContain('Paušál 2026-10 – Podpora (SML-1)');
    expect(html).toContain('<th>Období</th><td>říjen 2026</td>');
    expect(html).toContain('Česká republika');
    expect(html).not.toMatch(/<br>CZ<br>/);
  });
});
