/**
 * Profitability as CSV (UTF-8 with BOM; ';' and decimal comma for Czech and
 * Slovak Excel) or XLSX: one row per group and currency, then the total per
 * currency. The same figures as the API, with headers in the user's language.
 */
import type { Db } from '../../platform/db/index.ts';
import { isLanguage, type Language } from '../../shared/language.ts';
import type { RequestContext } from '../identity/index.ts';
import { formatCsv, formatMinor } from '../records/index.ts';
import type { ProfitabilityQuery, ProfitabilityReport, ProfitabilityService } from './billing.profitability.service.ts';
import type { MissingRate } from './domain/cost-conversion.ts';

interface Words {
  headers: Record<'group' | 'currency' | 'revenue' | 'labour' | 'travel' | 'material' | 'cost' | 'margin' | 'marginPct' | 'utilisation' | 'missingRates', string>;
  groups: Record<ProfitabilityReport['groupBy'], string>;
  special: Record<string, string>;
  total: string;
  sheet: string;
}

const WORDS: Record<Language, Words> = {
  en: {
    headers: {
      group: 'Group', currency: 'Currency', revenue: 'Revenue', labour: 'Labour cost', travel: 'Travel cost', material: 'Material cost',
      cost: 'Cost', margin: 'Margin', marginPct: 'Margin %', utilisation: 'Prepaid used %',
      missingRates: 'Costs not counted: no exchange rate of the day',
    },
    groups: { contract: 'Contract', client: 'Client', technician: 'Technician', work_type: 'Work type' },
    special: { none: 'None', travel: 'Travel', unit_fee: 'Unit fees', material: 'Material', contract_fee: 'Contract fees', other: 'Other lines' },
    total: 'Total',
    sheet: 'Profitability',
  },
  cs: {
    headers: {
      group: 'Skupina', currency: 'Měna', revenue: 'Výnos', labour: 'Náklad práce', travel: 'Náklad cest', material: 'Náklad materiálu',
      cost: 'Náklad', margin: 'Marže', marginPct: 'Marže %', utilisation: 'Čerpání předplatného %',
      missingRates: 'Nezapočtené náklady: chybí kurz dne',
    },
    groups: { contract: 'Smlouva', client: 'Klient', technician: 'Technik', work_type: 'Typ práce' },
    special: { none: 'Bez přiřazení', travel: 'Cesty', unit_fee: 'Poplatky', material: 'Materiál', contract_fee: 'Paušály smluv', other: 'Ostatní řádky' },
    total: 'Celkem',
    sheet: 'Ziskovost',
  },
  sk: {
    headers: {
      group: 'Skupina', currency: 'Mena', revenue: 'Výnos', labour: 'Náklad práce', travel: 'Náklad ciest', material: 'Náklad materiálu',
      cost: 'Náklad', margin: 'Marža', marginPct: 'Marža %', utilisation: 'Čerpanie predplatného %',
      missingRates: 'Nezapočítané náklady: chýba kurz dňa',
    },
    groups: { contract: 'Zmluva', client: 'Klient', technician: 'Technik', work_type: 'Typ práce' },
    special: { none: 'Bez priradenia', travel: 'Cesty', unit_fee: 'Poplatky', material: 'Materiál', contract_fee: 'Paušály zmlúv', other: 'Ostatné riadky' },
    total: 'Spolu',
    sheet: 'Ziskovosť',
  },
};

type Money = 'revenueMinor' | 'labourCostMinor' | 'travelCostMinor' | 'materialCostMinor' | 'costMinor' | 'marginMinor';
const MONEY: Money[] = ['revenueMinor', 'labourCostMinor', 'travelCostMinor', 'materialCostMinor', 'costMinor', 'marginMinor'];

interface Line {
  label: string;
  currency: string;
  money: number[];
  /** Margin in tenths of a percent, rounded once from the exact ratio (as the UI shows it), or null. */
  marginTenths: number | null;
  /** Prepaid use in tenths of a percent, or null. */
  utilisationTenths: number | null;
  missingRates: MissingRate[];
}

/**
 * Basis points → tenths of a percent, half away from zero, in integers (the UI
 * shows the prepaid use with one decimal by the same rule: 8265 bp → 82.7).
 */
export function bpToTenths(bp: number | null): number | null {
  if (bp === null) return null;
  const tenths = Math.floor((Math.abs(bp) + 5) / 10);
  return bp < 0 ? -tenths : tenths;
}

/** The costs a line leaves out for want of a rate: "EUR 52.35 (2026-10-05)", several joined by commas. */
function missingText(missing: readonly MissingRate[], comma: boolean): string {
  return missing.map((m) => `${m.currency} ${formatMinor(m.costMinor, comma)} (${m.date})`).join(', ');
}

/** 565 tenths → "56.5" (or "56,5"): one decimal, as the UI and the guide show percentages. */
function percentText(tenths: number | null, comma: boolean): string | null {
  if (tenths === null) return null;
  const abs = Math.abs(tenths);
  const text = `${tenths < 0 ? '-' : ''}${Math.floor(abs / 10)}.${abs % 10}`;
  return comma ? text.replace('.', ',') : text;
}

export function createProfitabilityExport(deps: { db: Db; profitability: ProfitabilityService }) {
  const { db, profitability } = deps;

  async function languageOf(ctx: RequestContext, lang: Language | undefined): Promise<Language> {
    if (lang) return lang;
    const user = await db.selectFrom('users').select('language').where('id', '=', ctx.actor.userId).executeTakeFirst();
    return user && isLanguage(user.language) ? user.language : 'en';
  }

  async function table(ctx: RequestContext, q: ProfitabilityQuery, lang: Language | undefined) {
    const report = await profitability.report(ctx, q);
    const language = await languageOf(ctx, lang);
    const w = WORDS[language];
    const header = [w.groups[report.groupBy], w.headers.currency, w.headers.revenue, w.headers.labour, w.headers.travel, w.headers.material, w.headers.cost, w.headers.margin, w.headers.marginPct, w.headers.utilisation];
    const lines: Line[] = [
      ...report.rows.map((r) => ({ label: w.special[r.key] ?? r.label, currency: r.currency, money: MONEY.map((m) => r[m]), marginTenths: r.marginPctTenths, utilisationTenths: bpToTenths(r.prepaidUtilisationBp), missingRates: r.missingRates })),
      ...report.totals.map((t) => ({ label: w.total, currency: t.currency, money: MONEY.map((m) => t[m]), marginTenths: t.marginPctTenths, utilisationTenths: bpToTenths(t.prepaidUtilisationBp), missingRates: t.missingRates })),
    ];
    // Only a report with costs it could not convert gets the column that names them.
    const missing = lines.some((l) => l.missingRates.length > 0);
    if (missing) header.push(w.headers.missingRates);
    return { language, w, header, lines, missing };
  }

  async function csv(ctx: RequestContext, q: ProfitabilityQuery, lang?: Language): Promise<string> {
    const t = await table(ctx, q, lang);
    const comma = t.language !== 'en';
    const rows = t.lines.map((l) => [
      l.label, l.currency, ...l.money.map((m) => formatMinor(m, comma)), percentText(l.marginTenths, comma), percentText(l.utilisationTenths, comma),
      ...(t.missing ? [missingText(l.missingRates, comma)] : []),
    ]);
    return formatCsv(t.header, rows, comma ? ';' : ',');
  }

  async function xlsx(ctx: RequestContext, q: ProfitabilityQuery, lang?: Language): Promise<Buffer> {
    const t = await table(ctx, q, lang);
    // Loaded on first use: the library costs the server 15 MB of memory from start otherwise.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Kontor';
    const sheet = workbook.addWorksheet(t.w.sheet);
    sheet.columns = t.header.map((name, i) => ({ header: name, width: i === 0 ? 36 : Math.max(12, name.length + 2) }));
    sheet.getRow(1).font = { bold: true };
    for (const l of t.lines) {
      const row = sheet.addRow([
        l.label, l.currency, ...l.money.map((m) => m / 100), l.marginTenths === null ? null : l.marginTenths / 1000, l.utilisationTenths === null ? null : l.utilisationTenths / 1000,
        ...(t.missing ? [missingText(l.missingRates, false)] : []),
      ]);
      if (l.label === t.w.total) row.font = { bold: true };
    }
    for (let c = 3; c <= 8; c++) sheet.getColumn(c).numFmt = '#,##0.00';
    // One decimal, like the UI: the cell holds the once-rounded value, not a finer one the format would hide.
    sheet.getColumn(9).numFmt = '0.0%';
    sheet.getColumn(10).numFmt = '0.0%';
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  return { csv, xlsx };
}

export type ProfitabilityExport = ReturnType<typeof createProfitabilityExport>;
