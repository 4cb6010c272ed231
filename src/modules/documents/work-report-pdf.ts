/**
 * The work report PDF: every record a billing run took for a client, with
 * time, billable time, what the prepaid allowance covered and the amount; the
 * prepaid ledger of the period below. Standalone or as an invoice annex.
 */
import type { WorkReport, WorkReportEntry } from '../billing/index.ts';
import { NBSP } from '../../shared/number-text.ts';
import { formatDate, formatMinutes, formatMoney, formatPeriodText, formatQuantityText } from './domain/format.ts';
import { labelsFor, type Labels } from './domain/labels.ts';
import { COLOR_MUTED, createPdf, ensureSpace, footers, heading, MARGIN, pairs, pdfBuffer, table, textAt, type Pdf } from './pdf/layout.ts';
import { loadPdfKit } from './pdf/pdfkit.ts';

export async function renderWorkReportPdf(report: WorkReport): Promise<Buffer> {
  await loadPdfKit();
  const pdf = createPdf({ title: `${labelsFor(report.language).workReport} ${report.invoiceNumber ?? report.period}`, language: report.language, date: `${report.period}-01` });
  drawWorkReport(pdf, report, MARGIN, null);
  footers(pdf, report.supplierName);
  return pdfBuffer(pdf.doc);
}

function outcomeText(l: Labels, entry: WorkReportEntry): string {
  const base = entry.outcome === 'covered' ? l.outcomeCovered : entry.outcome === 'partly_covered' ? l.outcomePartly : l.outcomeBilled;
  return entry.late ? `${base} (${l.late})` : base;
}

/** What a row says it was: work type, travel with km, or a fee/item with its quantity and unit ("Výjezd (1 výjezd)", "SSD (2 ks)"). */
function whatText(l: Labels, entry: WorkReportEntry, language: Pdf['language']): string {
  const what = entry.kind === 'travel' ? `${l.travel}${entry.what ? ` – ${entry.what}` : ''}` : entry.what;
  const unit = entry.unit ?? (entry.kind === 'travel' ? 'km' : '');
  const quantity = entry.quantityMilli !== null ? ` (${formatQuantityText(entry.quantityMilli, language)}${unit ? `${NBSP}${unit}` : ''})` : '';
  return entry.description ? `${what}${quantity}\n${entry.description}` : `${what}${quantity}`;
}

/** Draws the whole report from y on the current page (breaking pages as needed); returns the y below. */
export function drawWorkReport(pdf: Pdf, report: WorkReport, y: number, caption: string | null): number {
  const l = pdf.labels;
  const lang = pdf.language;
  const title = caption ?? l.workReport;
  let top = textAt(pdf, title, pdf.left, y, pdf.width, { bold: true, size: 16 });
  const facts: [string, string][] = [[l.client, report.client.companyId ? `${report.client.name} (${l.companyId} ${report.client.companyId})` : report.client.name], [l.period, formatPeriodText(report.period, lang)]];
  if (report.contract) facts.push([l.contract, `${report.contract.number} – ${report.contract.name}`]);
  if (report.invoiceNumber) facts.push([l.number, report.invoiceNumber]);
  facts.push([l.supplier, report.supplierName]);
  top = pairs(pdf, facts, pdf.left, top + 6, pdf.width, 0.2) + 8;

  if (report.entries.length === 0) {
    top = textAt(pdf, l.noEntries, pdf.left, top, pdf.width, { size: 9, color: COLOR_MUTED }) + 8;
  } else {
    const money = (minor: number) => formatMoney(minor, report.currency, lang);
    const rows = report.entries.map((e) => ({
      cells: [
        e.startTime ? `${formatDate(e.date, lang)}\n${e.startTime}` : formatDate(e.date, lang),
        `${e.ticketNumber}\n${e.ticketSubject}`,
        e.technician,
        whatText(l, e, lang),
        e.kind === 'work' ? formatMinutes(e.minutes) : '',
        e.kind === 'work' ? formatMinutes(e.billableMinutes) : '',
        e.coveredMinutes ? formatMinutes(e.coveredMinutes) : '',
        outcomeText(l, e),
        money(e.amountMinor),
      ],
    }));
    const t = report.totals;
    rows.push({ cells: [l.total, '', '', '', formatMinutes(t.minutes), formatMinutes(t.billableMinutes), formatMinutes(t.coveredMinutes), '', money(t.amountMinor)], bold: true } as (typeof rows)[number]);
    top = table(pdf, [
      { header: l.date, share: 10, keepWhole: true },
      { header: l.ticket, share: 16 },
      { header: l.technician, share: 10 },
      { header: l.what, share: 18 },
      { header: l.minutes, share: 6, align: 'right', keepWhole: true },
      { header: l.billableMinutes, share: 8.5, align: 'right', keepWhole: true },
      { header: l.coveredMinutes, share: 7, align: 'right', keepWhole: true },
      { header: l.outcome, share: 12.5 },
      { header: l.amount, share: 12, align: 'right', keepWhole: true },
    ], rows, top, { size: 7.5 }) + 3;
    top = textAt(pdf, l.timesInHours, pdf.left, ensureSpace(pdf, top, 14), pdf.width, { size: 7, color: COLOR_MUTED }) + 10;
  }

  if (report.ledger) {
    const g = report.ledger;
    top = heading(pdf, `${l.prepaidLedger} – ${formatPeriodText(g.period, lang)}`, top);
    top = pairs(pdf, [
      [l.openingCarried, formatMinutes(g.openingCarried)],
      [l.allocated, formatMinutes(g.allocated)],
      [l.consumed, formatMinutes(g.consumed)],
      [l.carriedOut, formatMinutes(g.carriedOut)],
      [l.lapsed, formatMinutes(g.lapsed)],
    ], pdf.left, top + 2, 300, 0.6) + 6;
  }
  return top;
}
