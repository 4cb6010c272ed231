import { fieldScopeOf, type RequestContext } from '../identity/index.ts';
import type { RecordFilters, ServiceRecord } from './records.schemas.ts';
import type { RecordsService } from './records.service.ts';
import type { Language } from '../../shared/language.ts';
import { minorToDecimal } from '../../shared/money.ts';
import { formatCsv } from './domain/csv.ts';

/**
 * Column headers and value words per language (the user's, or ?lang=), in the
 * words of the web UI: "Požadavek" for a ticket, "Časová třída" for a time class
 * (not "pásmo", which means a time zone), the UI's names of time classes and of
 * the reasons a record has no price. CSV and XLSX share them.
 */
const WORDS: Record<Language, { headers: Record<string, string>; values: Record<string, string> }> = {
  en: {
    headers: {
      date: 'Date', start: 'Start', technician: 'Technician', client: 'Client', ticket: 'Ticket', kind: 'Kind', workType: 'Work type',
      timeClass: 'Time class', minutes: 'Minutes', billableMinutes: 'Billable minutes', billable: 'Billable', km: 'km', zone: 'Zone',
      vehicle: 'Vehicle', fee: 'Fee', item: 'Item', quantity: 'Quantity', description: 'Description', internalNote: 'Internal note', state: 'State',
      amount: 'Amount', currency: 'Currency', cost: 'Cost', priceStatus: 'Price status',
    },
    values: {
      yes: 'yes', no: 'no', priced: 'priced', no_price: 'no price', fee: 'unit fee',
      normal: 'business hours', out_of_hours: 'out of hours', weekend_holiday: 'weekend & holiday',
      'reason.unknown': 'the price could not be worked out', 'reason.missing_input': 'something the price needs is missing',
      'reason.no_fee_price': 'the price list has no price for this fee', 'reason.no_item_price': 'the price list has no price for this item',
      'reason.no_km_price': 'the price list has no price per km', 'reason.no_price_list': 'there is no price list',
      'reason.no_rate': 'the price list has no rate for this work type', 'reason.no_version_on_date': 'the price list has no version valid on that date',
      'reason.unknown_reference': 'the price list no longer exists',
    },
  },
  cs: {
    headers: {
      date: 'Datum', start: 'Začátek', technician: 'Technik', client: 'Klient', ticket: 'Požadavek', kind: 'Druh', workType: 'Typ práce',
      timeClass: 'Časová třída', minutes: 'Minuty', billableMinutes: 'Účtované minuty', billable: 'Fakturovat', km: 'km', zone: 'Zóna',
      vehicle: 'Vozidlo', fee: 'Poplatek', item: 'Položka', quantity: 'Množství', description: 'Popis', internalNote: 'Interní poznámka', state: 'Stav',
      amount: 'Částka', currency: 'Měna', cost: 'Náklad', priceStatus: 'Stav ceny',
    },
    values: {
      yes: 'ano', no: 'ne', priced: 'naceněno', no_price: 'bez ceny', work: 'práce', travel: 'cesta', fee: 'poplatek', material: 'materiál',
      draft: 'koncept', submitted: 'odesláno', approved: 'schváleno', billed: 'vyfakturováno',
      normal: 'pracovní doba', out_of_hours: 'mimo pracovní dobu', weekend_holiday: 'víkend a svátek',
      'reason.unknown': 'cenu nelze spočítat', 'reason.missing_input': 'chybí údaj potřebný k ceně',
      'reason.no_fee_price': 'ceník nemá cenu tohoto poplatku', 'reason.no_item_price': 'ceník nemá cenu této položky',
      'reason.no_km_price': 'ceník nemá cenu za km', 'reason.no_price_list': 'neexistuje žádný ceník',
      'reason.no_rate': 'ceník nemá sazbu pro tento typ práce', 'reason.no_version_on_date': 'ceník nemá verzi platnou k tomuto datu',
      'reason.unknown_reference': 'ceník už neexistuje',
    },
  },
  sk: {
    headers: {
      date: 'Dátum', start: 'Začiatok', technician: 'Technik', client: 'Klient', ticket: 'Požiadavka', kind: 'Druh', workType: 'Typ práce',
      timeClass: 'Časová trieda', minutes: 'Minúty', billableMinutes: 'Účtované minúty', billable: 'Fakturovať', km: 'km', zone: 'Zóna',
      vehicle: 'Vozidlo', fee: 'Poplatok', item: 'Položka', quantity: 'Množstvo', description: 'Popis', internalNote: 'Interná poznámka', state: 'Stav',
      amount: 'Suma', currency: 'Mena', cost: 'Náklad', priceStatus: 'Stav ceny',
    },
    values: {
      yes: 'áno', no: 'nie', priced: 'nacenené', no_price: 'bez ceny', work: 'práca', travel: 'cesta', fee: 'poplatok', material: 'materiál',
      draft: 'koncept', submitted: 'odoslané', approved: 'schválené', billed: 'vyfakturované',
      normal: 'pracovný čas', out_of_hours: 'mimo pracovného času', weekend_holiday: 'víkend a sviatok',
      'reason.unknown': 'cenu nemožno vypočítať', 'reason.missing_input': 'chýba údaj potrebný na cenu',
      'reason.no_fee_price': 'cenník nemá cenu tohto poplatku', 'reason.no_item_price': 'cenník nemá cenu tejto položky',
      'reason.no_km_price': 'cenník nemá cenu za km', 'reason.no_price_list': 'neexistuje žiadny cenník',
      'reason.no_rate': 'cenník nemá sadzbu pre tento typ práce', 'reason.no_version_on_date': 'cenník nemá verziu platnú k tomuto dátumu',
      'reason.unknown_reference': 'cenník už neexistuje',
    },
  },
};

/** 80000 → "800.00" (or "800,00" for Czech and Slovak spreadsheets); minor units of CZK and EUR are hundredths. */
export function formatMinor(minor: number, decimalComma: boolean): string {
  const text = minorToDecimal(minor);
  return decimalComma ? text.replace('.', ',') : text;
}

type Cell = string | number | null;
/** How a column's values are written: as they are, as a decimal ("36.5" → "36,5" in cs/sk CSV, a number in XLSX), or as money. */
type ColumnType = 'text' | 'decimal' | 'money';
type Column = [header: string, get: (r: ServiceRecord) => Cell, type: ColumnType];

/** "36.5" → "36,5" for Czech and Slovak spreadsheets: one decimal sign for every number of a file. */
export function formatDecimalText(text: string, decimalComma: boolean): string {
  return decimalComma ? text.replace('.', ',') : text;
}

/** The filtered list of records as CSV (UTF-8 with BOM, ';' for Czech and Slovak Excel) or XLSX; money only per field scope. */
export function createRecordsExport(deps: { records: RecordsService }) {
  const { records } = deps;

  async function table(ctx: RequestContext, filters: RecordFilters, lang: Language | undefined) {
    // ?lang=, else the user's own language (the actor carries it), else English (the system).
    const language: Language = lang ?? ctx.actor.language ?? 'en';
    const { headers: h, values } = WORDS[language];
    const word = (v: string | null) => (v === null ? null : (values[v] ?? v));
    const scope = fieldScopeOf(ctx.actor.roles);
    // Every record's price status, in words: "priced", or "no price: <the reason, as the UI says it>".
    const priceStatus = (r: ServiceRecord) =>
      r.price.status === 'priced' ? word('priced') : `${word('no_price')}: ${values[`reason.${r.price.reason ?? 'unknown'}`] ?? r.price.message ?? r.price.reason}`;
    const columns: Column[] = [
      [h.date!, (r) => r.date, 'text'], [h.start!, (r) => r.startTime, 'text'], [h.technician!, (r) => r.technician.name, 'text'],
      [h.client!, (r) => r.client.name, 'text'], [h.ticket!, (r) => r.ticket.number, 'text'], [h.kind!, (r) => word(r.kind), 'text'],
      [h.workType!, (r) => r.workType?.name ?? null, 'text'], [h.timeClass!, (r) => word(r.timeClass), 'text'],
      [h.minutes!, (r) => r.minutes, 'text'], [h.billableMinutes!, (r) => r.price.billableMinutes, 'text'],
      [h.billable!, (r) => word(r.billable ? 'yes' : 'no'), 'text'], [h.km!, (r) => r.km, 'decimal'], [h.zone!, (r) => r.zone?.name ?? null, 'text'],
      [h.vehicle!, (r) => r.vehicle, 'text'], [h.fee!, (r) => r.fee?.name ?? null, 'text'],
      // Material: the item issued, by code and name (the description is free text and may not name it).
      [h.item!, (r) => (r.item ? `${r.item.code} · ${r.item.name}` : null), 'text'], [h.quantity!, (r) => r.quantity, 'decimal'],
      [h.description!, (r) => r.description, 'text'], [h.internalNote!, (r) => r.internalNote, 'text'], [h.state!, (r) => word(r.state), 'text'],
    ];
    if (scope.prices) columns.push([h.amount!, (r) => r.amountMinor ?? null, 'money']);
    if (scope.costs) columns.push([h.cost!, (r) => r.costMinor ?? null, 'money']);
    columns.push([h.currency!, (r) => r.price.currency, 'text'], [h.priceStatus!, priceStatus, 'text']);
    const rows = await records.all(ctx, filters);
    return { language, columns, rows };
  }

  async function csv(ctx: RequestContext, filters: RecordFilters, lang?: Language): Promise<string> {
    const t = await table(ctx, filters, lang);
    const comma = t.language !== 'en';
    const cell = (v: Cell, type: ColumnType): Cell => {
      if (v === null || type === 'text') return v;
      return type === 'money' ? formatMinor(Number(v), comma) : formatDecimalText(String(v), comma);
    };
    const body = t.rows.map((r) => t.columns.map(([, get, type]) => cell(get(r), type)));
    return formatCsv(t.columns.map(([name]) => name), body, comma ? ';' : ',');
  }

  async function xlsx(ctx: RequestContext, filters: RecordFilters, lang?: Language): Promise<Buffer> {
    const t = await table(ctx, filters, lang);
    // Loaded on first use: the library costs the server 15 MB of memory from start otherwise.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Kontor';
    const sheet = workbook.addWorksheet(t.language === 'en' ? 'Records' : 'Výkazy');
    sheet.columns = t.columns.map(([name]) => ({ header: name, width: Math.max(10, name.length + 2) }));
    sheet.getRow(1).font = { bold: true };
    // Numbers stay numbers (Excel shows them with the reader's decimal sign); the first column is the date.
    const cell = (v: Cell, type: ColumnType): Cell => (v === null || type === 'text' ? v : type === 'money' ? Number(v) / 100 : Number(v));
    for (const r of t.rows) {
      sheet.addRow(t.columns.map(([, get, type], i) => (i === 0 ? new Date(`${r.date}T00:00:00Z`) : cell(get(r), type))));
    }
    sheet.getColumn(1).numFmt = 'yyyy-mm-dd';
    t.columns.forEach(([, , type], i) => {
      if (type === 'money') sheet.getColumn(i + 1).numFmt = '#,##0.00';
      if (type === 'decimal') sheet.getColumn(i + 1).numFmt = '#,##0.###';
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  return { csv, xlsx };
}

export type RecordsExport = ReturnType<typeof createRecordsExport>;
