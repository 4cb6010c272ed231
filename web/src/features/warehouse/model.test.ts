// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { StockDocument } from './api';
import { balanceByDay, countDifference, countSummary, dateOfDay, dayNumber, dayTicks, documentTotalMinor, documentValues, emptyDocument, emptyLine, exactItem, kindFromPath, ledgerPoints, linePathMap, lineTotalMinor, parseSerials, quantityProblem, readUnitPrice, returnValues, toDocumentInput } from './model';

const items = [
  { id: 1, code: 'SSD-1TB', ean: '8806094215038', name: 'Samsung 870 EVO 1 TB' },
  { id: 2, code: 'SSD-2TB', ean: '8806094215045', name: 'Samsung 870 EVO 2 TB' },
];

describe('what a scanner or a typist meant', () => {
  it('takes the exact EAN or code, case-insensitively', () => {
    expect(exactItem(items, '8806094215045')?.id).toBe(2);
    expect(exactItem(items, ' ssd-1tb ')?.id).toBe(1);
  });
  it('takes the only result, else none', () => {
    expect(exactItem([items[0]!], 'samsung')?.id).toBe(1);
    expect(exactItem(items, 'samsung')).toBeNull();
    expect(exactItem(items, '')).toBeNull();
  });
});

describe('serials and kinds', () => {
  it('splits serials by lines, commas and semicolons, without blanks or repeats', () => {
    expect(parseSerials('S1\nS2, S3;S1\n\n ')).toEqual(['S1', 'S2', 'S3']);
  });
  it('maps URL segments to kinds', () => {
    expect(kindFromPath('issues')).toBe('issue');
    expect(kindFromPath('counts')).toBe('count');
    expect(kindFromPath('nope')).toBeNull();
  });
});

const line = (over: Partial<ReturnType<typeof emptyLine>>) => ({ ...emptyLine(), ...over });

describe('document form → API body', () => {
  it('builds a receipt with prices in minor units and skips the empty spare line', () => {
    const v = { ...emptyDocument('receipt', '2026-11-02', 1), supplier: ' Alza ', lines: [
      line({ itemId: 1, quantity: '10', unitPrice: '1 500,00' }),
      line({ itemId: 1, quantity: '10', unitPrice: '1700' }),
      emptyLine(),
    ] };
    const built = toDocumentInput(v, true);
    expect(built.problems).toBeNull();
    expect(built.body).toEqual({
      kind: 'receipt', date: '2026-11-02', warehouseId: 1, supplier: 'Alza', confirm: true,
      lines: [{ itemId: 1, quantity: '10', unitPriceMinor: 150000 }, { itemId: 1, quantity: '10', unitPriceMinor: 170000 }],
    });
  });

  it('names the problems by field path', () => {
    const v = { ...emptyDocument('transfer', '', 1), targetWarehouseId: '1', lines: [line({ itemId: null, quantity: '2' }), line({ itemId: 2, quantity: '0' })] };
    const built = toDocumentInput(v);
    expect(built.problems).toEqual({ date: 'required', targetWarehouseId: 'sameWarehouse', 'lines.0.itemId': 'required', 'lines.1.quantity': 'quantity' });
  });

  it('wants a line, a price on receipts and as many serials as pieces', () => {
    expect(toDocumentInput(emptyDocument('issue', '2026-11-02', 1)).problems).toEqual({ lines: 'noLines' });
    const receipt = { ...emptyDocument('receipt', '2026-11-02', 1), lines: [line({ itemId: 1, quantity: '2', unitPrice: '' })] };
    expect(toDocumentInput(receipt).problems).toEqual({ 'lines.0.unitPrice': 'required' });
    const issue = { ...emptyDocument('issue', '2026-11-02', 1), ticketId: 7, lines: [line({ itemId: 1, quantity: '2', serialTracked: true, serials: 'A1' })] };
    expect(toDocumentInput(issue).problems).toEqual({ 'lines.0.serials': 'serialCount' });
    issue.lines[0]!.serials = 'A1\nA2';
    expect(toDocumentInput(issue).body).toEqual({ kind: 'issue', date: '2026-11-02', warehouseId: 1, ticketId: 7, lines: [{ itemId: 1, quantity: '2', serials: ['A1', 'A2'] }] });
  });

  it('lets a count state 0 found, with its reason', () => {
    const v = { ...emptyDocument('count', '2026-11-02', 3), reason: 'Roční inventura', lines: [line({ itemId: 2, quantity: '0' })] };
    expect(toDocumentInput(v).body).toEqual({ kind: 'count', date: '2026-11-02', warehouseId: 3, reason: 'Roční inventura', lines: [{ itemId: 2, quantity: '0' }] });
  });

  it('marks a count without a reason before anything is sent (or confirmed)', () => {
    const v = { ...emptyDocument('count', '2026-11-02', 3), reason: '  ', lines: [line({ itemId: 2, quantity: '4' })] };
    expect(toDocumentInput(v, true).problems).toEqual({ reason: 'required' });
    expect(toDocumentInput(v).problems).toEqual({ reason: 'required' });
    // Returns may give a reason, but need none.
    expect(toDocumentInput({ ...v, kind: 'return', returnsDocumentId: 5 }).problems).toBeNull();
  });

  it('sends the cost of a count only when given, and puts line problems of the server on the form fields', () => {
    const v = { ...emptyDocument('count', '2026-11-02', 3), reason: 'Roční inventura', lines: [line({ itemId: 2, quantity: '4', unitPrice: '250' })] };
    expect(toDocumentInput(v).body?.lines).toEqual([{ itemId: 2, quantity: '4', unitPriceMinor: 25000 }]);
    expect(linePathMap(2, [0, 2])).toEqual({
      'lines.0.unitPriceMinor': 'lines.0.unitPrice', 'lines.1.unitPriceMinor': 'lines.1.unitPrice',
      'lines.1.serials.0': 'lines.1.serials', 'lines.1.serials.1': 'lines.1.serials',
    });
  });

  it('starts a return from the slip: same warehouse, ticket and lines, referencing it', () => {
    const slip: StockDocument = {
      id: 9, kind: 'issue', state: 'confirmed', number: 'VY202600001', date: '2026-11-01', warehouse: { id: 4, code: 'VAN1', name: 'Van' }, targetWarehouse: null,
      ticket: { id: 7, number: 'T-7', subject: 'x' }, clientId: 3, supplier: null, supplierDocumentNumber: null, returnsDocumentId: null, reason: null, note: null,
      createdBy: null, confirmedBy: null, confirmedAt: null, version: 1, createdAt: '', updatedAt: '',
      lines: [{ id: 1, position: 1, itemId: 1, itemCode: 'SSD-1TB', itemName: 'SSD', unit: 'ks', quantity: '2', serials: [], recordId: 5 }],
    };
    const v = returnValues(slip, '2026-11-03');
    expect(toDocumentInput(v).body).toEqual({ kind: 'return', date: '2026-11-03', warehouseId: 4, ticketId: 7, returnsDocumentId: 9, lines: [{ itemId: 1, quantity: '2' }] });
    expect(documentValues(slip).lines[0]?.itemLabel).toBe('SSD-1TB · SSD');
  });
});

describe('totals and the chart', () => {
  it('multiplies quantity by price once, in minor units', () => {
    expect(lineTotalMinor({ quantity: '10', unitPrice: '1 500,00' })).toBe(1_500_000);
    expect(lineTotalMinor({ quantity: '1,5', unitPrice: '0,99' })).toBe(149);
    expect(lineTotalMinor({ quantity: 'x', unitPrice: '1' })).toBeNull();
  });
  it('turns ledger entries into chart points', () => {
    const moves = [
      { date: '2026-11-01', warehouseId: 1, balance: '10', balanceValueMinor: 1_500_000 },
      { date: '2026-11-01', warehouseId: 1, balance: '20', balanceValueMinor: 3_200_000 },
      { date: '2026-11-02', warehouseId: 1, balance: '15', balanceValueMinor: 2_400_000 },
      { date: '2026-11-02', warehouseId: 2, balance: '5', balanceValueMinor: 800_000 },
      { date: '2026-11-03', warehouseId: 2, balance: '3', balanceValueMinor: 480_000 },
    ];
    expect(ledgerPoints(moves).map((p) => [p.balance, p.value])).toEqual([[10, 15_000], [20, 32_000], [15, 24_000], [20, 32_000], [18, 28_800]]);
    expect(ledgerPoints([{ date: '2026-11-01', warehouseId: 1, balance: '2' }])).toEqual([{ label: '2026-11-01', balance: 2, value: null }]);
  });
  it('places the balance by date: one point a day, at the day\'s closing balance', () => {
    const points = [
      { label: '2026-11-01', balance: 10, value: null },
      { label: '2026-11-01', balance: 20, value: null },
      { label: '2026-11-02', balance: 15, value: null },
      { label: '2026-12-30', balance: 18, value: null },
    ];
    const days = balanceByDay(points);
    expect(days.map((d) => [dateOfDay(d.day), d.balance])).toEqual([['2026-11-01', 20], ['2026-11-02', 15], ['2026-12-30', 18]]);
    // The gaps are the days between: a quiet month is a month wide, not one step.
    expect(days[2]!.day - days[1]!.day).toBe(58);
    expect(dayNumber('2026-03-29') - dayNumber('2026-03-28')).toBe(1);
  });
  it('ticks a date axis with whole days, evenly', () => {
    const first = dayNumber('2026-11-01');
    expect(dayTicks(first, first + 10, 6).map(dateOfDay)).toEqual(['2026-11-01', '2026-11-03', '2026-11-05', '2026-11-07', '2026-11-09', '2026-11-11']);
    expect(dayTicks(first, first + 2, 6).map(dateOfDay)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(dayTicks(first, first, 6)).toEqual([first]);
  });
});

describe('a count against the records', () => {
  const line = (itemId: number | null, quantity: string, unitPrice = '') => ({ itemId, quantity, unitPrice });
  it('says the difference while the counted quantity is typed', () => {
    expect(countDifference('3', '4')).toBe('-1');
    expect(countDifference('5,5', '4')).toBe('1.5');
    expect(countDifference('4', '4')).toBe('0');
    expect(countDifference('', '4')).toBeNull();
    expect(countDifference('x', '4')).toBeNull();
  });
  it('counts the lines that change and what they change the stock value by', () => {
    // 4 SSDs worth 6 400.00 recorded, 3 found: −1 600.00; 50 m of cable worth 725.00, 50 found: unchanged;
    // nothing recorded of a toner, 2 found at 1 790.00 typed: +3 580.00.
    const recorded = new Map([[1, { quantity: '4', valueMinor: 6_400_00 }], [2, { quantity: '50', valueMinor: 725_00 }], [3, { quantity: '0', valueMinor: 0 }]]);
    expect(countSummary([line(1, '3'), line(2, '50'), line(3, '2', '1790'), line(null, '')], recorded)).toEqual({ changedLines: 2, unchangedLines: 1, differenceCostMinor: 1_980_00 });
  });
  it('leaves the cost unknown without the costs (field scope) or a find without a cost', () => {
    expect(countSummary([line(1, '3')], new Map([[1, { quantity: '4' }]]))).toEqual({ changedLines: 1, unchangedLines: 0, differenceCostMinor: null });
    expect(countSummary([line(1, '2')], new Map([[1, { quantity: '0', valueMinor: 0 }]])).differenceCostMinor).toBeNull();
  });
  it('skips lines whose records are not loaded yet or whose quantity is not a number', () => {
    expect(countSummary([line(1, '3'), line(2, 'abc')], new Map([[2, { quantity: '1', valueMinor: 100 }]]))).toEqual({ changedLines: 0, unchangedLines: 0, differenceCostMinor: 0 });
  });
});

describe("a receipt's total as typed", () => {
  it('adds the line totals that are numbers', () => {
    expect(documentTotalMinor([{ quantity: '10', unitPrice: '1 500,00' }, { quantity: '2,5', unitPrice: '14,50' }, { quantity: '', unitPrice: '' }])).toBe(15_036_25);
    expect(documentTotalMinor([{ quantity: '', unitPrice: '1' }])).toBeNull();
  });
});

describe('quantities that make sense', () => {
  it('takes whole numbers only for items counted in pieces or visits; measured units keep 3 decimals', () => {
    expect(quantityProblem('1,5', 'pcs', false)).toBe('wholeUnits');
    expect(quantityProblem('0,5', 'ks', true)).toBe('wholeUnits');
    expect(quantityProblem('2', 'pcs', false)).toBeNull();
    expect(quantityProblem('2,000', 'visit', false)).toBeNull();
    expect(quantityProblem('1,125', 'm', false)).toBeNull();
    expect(quantityProblem('0', 'pcs', true)).toBeNull();
    expect(quantityProblem('0', 'pcs', false)).toBe('quantity');
    expect(quantityProblem('1 000 001', 'm', false)).toBe('quantityTooLarge');
    expect(quantityProblem('99999999999', 'pcs', false)).toBe('quantityTooLarge');
  });

  it('puts the problems on the quantity and price fields before anything is sent', () => {
    const v = emptyDocument('receipt', '2026-11-02', 1);
    v.lines = [
      { ...emptyLine(), itemId: 4, unit: 'pcs', quantity: '1,5', unitPrice: '1 790,00' },
      { ...emptyLine(), itemId: 5, unit: 'm', quantity: '1,5', unitPrice: '10 000 000,01' },
    ];
    expect(toDocumentInput(v).problems).toEqual({ 'lines.0.quantity': 'wholeUnits', 'lines.1.unitPrice': 'priceTooLarge' });
  });

  it('says a negative price is negative, not that it is written wrong', () => {
    expect(readUnitPrice('-1600')).toEqual({ minor: null, problem: 'negativePrice' });
    expect(readUnitPrice('\u22121 600,00')).toEqual({ minor: null, problem: 'negativePrice' });
    expect(readUnitPrice('1 600,00')).toEqual({ minor: 160_000, problem: null });
    expect(readUnitPrice('0')).toEqual({ minor: 0, problem: null });
    expect(readUnitPrice('abc')).toEqual({ minor: null, problem: 'price' });
    expect(readUnitPrice('-abc')).toEqual({ minor: null, problem: 'price' });
    expect(readUnitPrice('')).toEqual({ minor: null, problem: 'required' });
    const v = emptyDocument('receipt', '2026-11-02', 1);
    v.lines = [{ ...emptyLine(), itemId: 4, unit: 'pcs', quantity: '10', unitPrice: '-1600' }];
    expect(toDocumentInput(v).problems).toEqual({ 'lines.0.unitPrice': 'negativePrice' });
  });

  it('takes a minimum by the same rule: whole pieces, within the bound', () => {
    // The minimum dialog asks quantityProblem with 0 allowed (no minimum to keep).
    expect(quantityProblem('2,5', 'pcs', true)).toBe('wholeUnits');
    expect(quantityProblem('2,5', 'm', true)).toBeNull();
    expect(quantityProblem('0', 'pcs', true)).toBeNull();
    expect(quantityProblem('99999999999999', 'pcs', true)).toBe('quantityTooLarge');
  });

  it('writes a reopened draft\'s numbers in the user\'s language, and they read back the same', () => {
    const draft: StockDocument = {
      id: 9, kind: 'receipt', state: 'draft', number: null, date: '2026-11-01', warehouse: { id: 4, code: 'MAIN', name: 'Hlavní sklad' }, targetWarehouse: null,
      ticket: null, clientId: null, supplier: null, supplierDocumentNumber: null, returnsDocumentId: null, reason: null, note: null,
      createdBy: null, confirmedBy: null, confirmedAt: null, version: 1, createdAt: '', updatedAt: '',
      lines: [{ id: 1, position: 1, itemId: 1, itemCode: 'RAM', itemName: 'RAM', unit: 'm', quantity: '1234.5', unitPriceMinor: 123_450, serials: [], recordId: null }],
    };
    const cs = documentValues(draft, 'cs-CZ').lines[0]!;
    expect([cs.quantity, cs.unitPrice]).toEqual(['1\u00a0234,5', '1\u00a0234,50']);
    const en = documentValues(draft, 'en-GB').lines[0]!;
    expect([en.quantity, en.unitPrice]).toEqual(['1234.5', '1234.50']);
    for (const locale of ['cs-CZ', 'sk-SK', 'en-GB']) {
      expect(toDocumentInput(documentValues(draft, locale)).body?.lines).toEqual([{ itemId: 1, quantity: '1234.5', unitPriceMinor: 123_450 }]);
    }
  });
});
