import { fieldScopeOf, type RequestContext } from '../identity/index.ts';
import type { RecordsDeps } from './records.context.ts';
import type { RecordFilters, ServiceRecord } from './records.schemas.ts';
import type { RecordsService } from './records.service.ts';
import { formatCsv } from './domain/csv.ts';

type Lang = 'cs' | 'sk' | 'en';

/** Column headers and value words per language (the user's, or ?lang=). */
const WORDS: Record<Lang, { headers: Record<string, string>; values: Record<string, string> }> = {
  en: {
    headers: {
      date: 'Date', start: 'Start', technician: 'Technician', client: 'Client', ticket: 'Ticket', kind: 'Kind', workType: 'Work type',
      timeClass: 'Time class', minutes: 'Minutes', billableMinutes: 'Billable minutes', billable: 'Billable', km: 'km', zone: 'Zone',
      vehicle: 'Vehicle', fee: 'Fee', quantity: 'Quantity', description: 'Description', internalNote: 'Internal note', state: 'State',
      amount: 'Amount', currency: 'Currency', cost: 'Cost', price: 'Price',
    },
    values: { yes: 'yes', no: 'no', no_price: 'no price' },
  },
  cs: {
    headers: {
      date: 'Datum', start: 'Začátek', technician: 'Technik', client: 'Klient', ticket: 'Tiket', kind: 'Druh', workType: 'Typ práce',
      timeClass: 'Časové pásmo', minutes: 'Minuty', billableMinutes: 'Účtované minuty', billable: 'Fakturovat', km: 'km', zone: 'Zóna',
      vehicle: 'Vozidlo', fee: 'Poplatek', quantity: 'Množství', description: 'Popis', internalNote: 'Interní poznámka', state: 'Stav',
      amount: 'Částka', currency: 'Měna', cost: 'Náklad', price: 'Cena',
    },
    values: {
      yes: 'ano', no: 'ne', no_price: 'bez ceny', work: 'práce', travel: 'cesta', fee: 'poplatek', material: 'materiál',
      draft: 'koncept', submitted: 'odesláno', approved: 'schváleno', billed: 'vyfakturováno',
      normal: 'běžná doba', out_of_hours: 'mimo pracovní dobu', weekend_holiday: 'víkend a svátek',
    },
  },
  sk: {
    headers: {
      date: 'Dátum', start: 'Začiatok', technician: 'Technik', client: 'Klient', ticket: 'Tiket', kind: 'Druh', workType: 'Typ práce',
      timeClass: 'Časové pásmo', minutes: 'Minúty', billableMinutes: 'Účtované minúty', billable: 'Fakturovať', km: 'km', zone: 'Zóna',
      vehicle: 'Vozidlo', fee: 'Poplatok', quantity: 'Množstvo', description: 'Popis', internalNote: 'Interná poznámka', state: 'Stav',
      amount: 'Suma', currency: 'Mena', cost: 'Náklad', price: 'Cena',
    },
    values: {
      yes: 'áno', no: 'nie', no_price: 'bez ceny', work: 'práca', travel: 'cesta', fee: 'poplatok', material: 'materiál',
      draft: 'koncept', submitted: 'odoslané', approved: 'schválené', billed: 'vyfakturované',
      normal: 'bežný čas', out_of_hours: 'mimo pracovného času', weekend_holiday: 'víkend a sviatok',
    },
  },
};

/** 80000 → "800.00" (or "800,00" for Czech and Slovak spreadsheets); minor units of CZK and EUR are hundredths. */
export function formatMinor(minor: number, decimalComma: boolean): string {
  const abs = Math.abs(minor);
  const text = `${minor < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return decimalComma ? text.replace('.', ',') : text;
}

type Cell = string | number | null;

/** The filtered list of records as CSV (UTF-8 with BOM, ';' for Czech and Slovak Excel) or XLSX; money only per field scope. */
export function createRecordsExport(deps: Pick<RecordsDeps, 'db'> & { records: RecordsService }) {
  const { db, records } = deps;

  async function languageOf(ctx: RequestContext, lang: Lang | undefined): Promise<Lang> {
    if (lang) return lang;
    const user = await db.selectFrom('users').select('language').where('id', '=', ctx.actor.userId).executeTakeFirst();
    return user && (user.language === 'cs' || user.language === 'sk') ? user.language : 'en';
  }

  async function table(ctx: RequestContext, filters: RecordFilters, lang: Lang | undefined) {
    const language = await languageOf(ctx, lang);
    const { headers: h, values } = WORDS[language];
    const word = (v: string | null) => (v === null ? null : (values[v] ?? v));
    const scope = fieldScopeOf(ctx.actor.roles);
    const columns: [string, (r: ServiceRecord) => Cell][] = [
      [h.date!, (r) => r.date], [h.start!, (r) => r.startTime], [h.technician!, (r) => r.technician.name], [h.client!, (r) => r.client.name],
      [h.ticket!, (r) => r.ticket.number], [h.kind!, (r) => word(r.kind)], [h.workType!, (r) => r.workType?.name ?? null],
      [h.timeClass!, (r) => word(r.timeClass)], [h.minutes!, (r) => r.minutes], [h.billableMinutes!, (r) => r.price.billableMinutes],
      [h.billable!, (r) => word(r.billable ? 'yes' : 'no')], [h.km!, (r) => r.km], [h.zone!, (r) => r.zone?.name ?? null],
      [h.vehicle!, (r) => r.vehicle], [h.fee!, (r) => r.fee?.name ?? null], [h.quantity!, (r) => r.quantity],
      [h.description!, (r) => r.description], [h.internalNote!, (r) => r.internalNote], [h.state!, (r) => word(r.state)],
    ];
    const money: [string, (r: ServiceRecord) => number | null][] = [];
    if (scope.prices) money.push([h.amount!, (r) => r.amountMinor ?? null]);
    if (scope.costs) money.push([h.cost!, (r) => r.costMinor ?? null]);
    const tail: [string, (r: ServiceRecord) => Cell][] = [
      [h.currency!, (r) => r.price.currency],
      [h.price!, (r) => (r.price.status === 'no_price' ? `${word('no_price')}: ${r.price.message ?? r.price.reason}` : null)],
    ];
    const rows = await records.all(ctx, filters);
    return { language, columns, money, tail, rows };
  }

  async function csv(ctx: RequestContext, filters: RecordFilters, lang?: Lang): Promise<string> {
    const t = await table(ctx, filters, lang);
    const comma = t.language !== 'en';
    const header = [...t.columns, ...t.money, ...t.tail].map(([name]) => name);
    const body = t.rows.map((r) => [
      ...t.columns.map(([, get]) => get(r)),
      ...t.money.map(([, get]) => {
        const v = get(r);
        return v === null ? null : formatMinor(v, comma);
      }),
      ...t.tail.map(([, get]) => get(r)),
    ]);
    return formatCsv(header, body, comma ? ';' : ',');
  }

  async function xlsx(ctx: RequestContext, filters: RecordFilters, lang?: Lang): Promise<Buffer> {
    const t = await table(ctx, filters, lang);
    // Loaded on first use: the library costs the server 15 MB of memory from start otherwise.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Kontor';
    const sheet = workbook.addWorksheet(t.language === 'en' ? 'Records' : 'Výkazy');
    const all = [...t.columns, ...t.money, ...t.tail];
    sheet.columns = all.map(([name]) => ({ header: name, width: Math.max(10, name.length + 2) }));
    sheet.getRow(1).font = { bold: true };
    for (const r of t.rows) {
      sheet.addRow([
        ...t.columns.map(([name, get]) => (name === t.columns[0]![0] ? new Date(`${r.date}T00:00:00Z`) : get(r))),
        ...t.money.map(([, get]) => {
          const v = get(r);
          return v === null ? null : v / 100;
        }),
        ...t.tail.map(([, get]) => get(r)),
      ]);
    }
    sheet.getColumn(1).numFmt = 'yyyy-mm-dd';
    for (let i = 0; i < t.money.length; i++) sheet.getColumn(t.columns.length + i + 1).numFmt = '#,##0.00';
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  return { csv, xlsx };
}

export type RecordsExport = ReturnType<typeof createRecordsExport>;
