import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leftToCredit, planCreditNote, type CreditableLine, type CreditRequest } from './credit-note.ts';
import { amountDue, amountToSettle, isOverdue, possibleActions, refundDue, settledState, statusOf } from './invoice-state.ts';

const line = (id: number, netMinor: number, creditedMinor = 0): CreditableLine => ({
  id, position: id, kind: 'work', description: `L${id}`, quantityMilli: 2000, unit: 'h', unitPriceMinor: netMinor / 2, netMinor, vatRateBp: 2100, creditedMinor,
});

/** A plan for a Czech invoice. */
const credit = (lines: readonly CreditableLine[], request: CreditRequest) => planCreditNote(lines, request, 'cs');

describe('credit note plan', () => {
  it('full credits what is left on every line, discounts included, as the exact negative', () => {
    const plan = credit([line(1, 1_000_00, 200_00), line(2, 500_00), line(3, -100_00)], { full: true });
    expect(plan).toEqual({
      ok: true, creditsEverything: true,
      lines: [
        // 800.00 left at 500.00 an hour: 1.6 h taken back, in the line's unit.
        expect.objectContaining({ correctsLineId: 1, netMinor: -800_00, quantityMilli: -1600, unitPriceMinor: 500_00, unit: 'h' }),
        expect.objectContaining({ correctsLineId: 2, netMinor: -500_00, quantityMilli: -2000, unitPriceMinor: 250_00, unit: 'h' }),
        expect.objectContaining({ correctsLineId: 3, netMinor: 100_00 }),
      ],
    });
    expect(credit([line(1, 100, 100)], { full: true })).toMatchObject({ ok: false, problems: [{ code: 'nothing_left_to_credit' }] });
  });

  it('partial refuses unknown, doubled, non-positive and too large amounts, naming the field', () => {
    const plan = credit([line(1, 1_000), line(2, 500, 500), line(3, -100)], {
      lines: [{ lineId: 9, amountMinor: 1 }, { lineId: 1, amountMinor: 0 }, { lineId: 2, amountMinor: 1 }, { lineId: 1, amountMinor: 1_000 }, { lineId: 1, amountMinor: 1 }, { lineId: 3, amountMinor: 1 }],
    });
    expect(plan).toMatchObject({
      ok: false,
      problems: [
        { path: 'lines.0.lineId', code: 'unknown_reference' },
        { path: 'lines.1.amountMinor', code: 'not_positive' },
        { path: 'lines.2.amountMinor', code: 'exceeds_creditable' },
        { path: 'lines.3.lineId', code: 'duplicate' },
        { path: 'lines.4.lineId', code: 'duplicate' },
        { path: 'lines.5.lineId', code: 'discount_line' },
      ],
    });
    expect(credit([line(1, 1_000)], { lines: [] })).toMatchObject({ ok: false, problems: [{ code: 'required' }] });
  });

  it('takes back a quantity in the line\'s unit when the amount is one; any other amount is an amount correction of the line, in the document\'s language', () => {
    const hours = credit([line(2, 1_600_00)], { lines: [{ lineId: 2, amountMinor: 400_00 }] });
    expect(hours).toMatchObject({ ok: true, lines: [{ quantityMilli: -500, unit: 'h', unitPriceMinor: 800_00, netMinor: -400_00, description: 'L2' }] });
    // 200.00 of 36 km at 12.00: no whole number of thousandths of a km, so not "-1 km × 200.00" but the line's amount corrected.
    const travel = { ...line(3, 432_00), kind: 'travel', description: 'Doprava', quantityMilli: 36_000, unit: 'km', unitPriceMinor: 12_00 };
    const cut = credit([travel], { lines: [{ lineId: 3, amountMinor: 200_00 }] });
    expect(cut).toEqual({
      ok: true, creditsEverything: false,
      lines: [{ correctsLineId: 3, kind: 'travel', description: 'Oprava částky řádku 3: Doprava', quantityMilli: -1000, unit: '', unitPriceMinor: 200_00, netMinor: -200_00, vatRateBp: 2100 }],
    });
    expect(planCreditNote([travel], { lines: [{ lineId: 3, amountMinor: 200_00 }] }, 'sk')).toMatchObject({ ok: true, lines: [{ description: 'Oprava sumy riadku 3: Doprava', unit: '' }] });
    expect(planCreditNote([travel], { lines: [{ lineId: 3, amountMinor: 200_00 }] }, 'en')).toMatchObject({ ok: true, lines: [{ description: 'Amount correction of line 3: Doprava', unit: '' }] });
    // What is left after it (232.00) is an amount too: a full credit note corrects the line by it.
    expect(credit([{ ...travel, creditedMinor: 200_00 }], { full: true })).toMatchObject({
      ok: true, creditsEverything: true, lines: [{ description: 'Oprava částky řádku 3: Doprava', quantityMilli: -1000, unit: '', unitPriceMinor: 232_00, netMinor: -232_00 }],
    });
    // 24.00 is 2 km: taken back in km at the line's price.
    expect(credit([travel], { lines: [{ lineId: 3, amountMinor: 24_00 }] })).toMatchObject({ ok: true, lines: [{ description: 'Doprava', quantityMilli: -2000, unit: 'km', unitPriceMinor: 12_00, netMinor: -24_00 }] });
  });

  it('takes back only whole pieces or visits of a counted line; any other amount of it is an amount correction, not refused', () => {
    const ssd = { ...line(4, 3_780_00), kind: 'item', description: 'SSD 1 TB', quantityMilli: 2000, unit: 'pcs', unitPriceMinor: 1_890_00 };
    // 945.00 is half a disk: not "−0,5 ks × 1 890,00" but the line's amount corrected.
    expect(credit([ssd], { lines: [{ lineId: 4, amountMinor: 945_00 }] })).toMatchObject({
      ok: true, lines: [{ description: 'Oprava částky řádku 4: SSD 1 TB', quantityMilli: -1000, unit: '', unitPriceMinor: 945_00, netMinor: -945_00 }],
    });
    expect(credit([ssd], { lines: [{ lineId: 4, amountMinor: 1_890_00 }] })).toMatchObject({ ok: true, lines: [{ description: 'SSD 1 TB', quantityMilli: -1000, unit: 'pcs', unitPriceMinor: 1_890_00 }] });
    // A unit typed by hand counts too ("výjezd"); a measured unit keeps its fractions (see hours above).
    const visit = { ...ssd, id: 5, position: 5, kind: 'fee', description: 'Výjezd', quantityMilli: 3000, unit: 'výjezd', unitPriceMinor: 500_00, netMinor: 1_500_00 };
    expect(credit([visit], { lines: [{ lineId: 5, amountMinor: 750_00 }] })).toMatchObject({ ok: true, lines: [{ quantityMilli: -1000, unit: '', unitPriceMinor: 750_00 }] });
    expect(credit([visit], { lines: [{ lineId: 5, amountMinor: 1_000_00 }] })).toMatchObject({ ok: true, lines: [{ quantityMilli: -2000, unit: 'výjezd', unitPriceMinor: 500_00 }] });
  });

  it('never states a fraction of a counted unit, and moves exactly the amount asked (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('pcs', 'ks', 'visit', 'výjezd'), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 1_000_000_000 }), (unit, priceMinor, pieces, want) => {
        const net = priceMinor * pieces;
        const l = { ...line(1, net), quantityMilli: pieces * 1000, unit, unitPriceMinor: priceMinor };
        const amount = Math.min(want, net);
        const plan = credit([l], { lines: [{ lineId: 1, amountMinor: amount }] });
        if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
        const [c] = plan.lines;
        expect(c!.netMinor).toBe(-amount);
        if (c!.unit === unit) expect(Math.abs(c!.quantityMilli) % 1000).toBe(0);
        else expect(c).toMatchObject({ unit: '', quantityMilli: -1000, unitPriceMinor: amount });
      }),
    );
  });

  it('moves the same money whichever way a line is read: net = round(quantity × price), negated (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1_000_000 }), (priceMinor, quantityMilli, want) => {
        const net = Math.round((priceMinor * quantityMilli) / 1000);
        fc.pre(net > 0);
        const l = { ...line(1, net), quantityMilli, unitPriceMinor: priceMinor };
        const amount = Math.min(want, net);
        const plan = credit([l], { lines: [{ lineId: 1, amountMinor: amount }] });
        if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
        const [c] = plan.lines;
        expect(c!.netMinor).toBe(-amount);
        // Printed quantity × printed price gives the net (a whole line keeps its own rounding).
        if (amount !== net) expect((c!.quantityMilli * c!.unitPriceMinor) / 1000).toBe(-amount);
      }),
    );
  });

  it('never lets partial notes take back more than the net a discount leaves (the discount itself is not offered)', () => {
    const lines = [line(1, 1_000_00), line(2, 600_00), line(3, -500_00)]; // net 1 100.00
    expect(credit(lines, { lines: [{ lineId: 1, amountMinor: 1_000_00 }] })).toMatchObject({ ok: true });
    expect(credit(lines, { lines: [{ lineId: 1, amountMinor: 1_000_00 }, { lineId: 2, amountMinor: 600_00 }] })).toMatchObject({ ok: false, problems: [{ path: 'lines', code: 'exceeds_invoice' }] });
    expect(credit(lines, { lines: [{ lineId: 3, amountMinor: 100_00 }] })).toMatchObject({ ok: false, problems: [{ code: 'discount_line' }] });
    expect(credit(lines, { full: true })).toMatchObject({ ok: true, creditsEverything: true });
  });

  it('never credits more than is left, however the requests come (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 5 }), fc.array(fc.tuple(fc.nat(4), fc.integer({ min: -10, max: 1_200_000 })), { maxLength: 12 }), (nets, requests) => {
        const lines = nets.map((n, i) => line(i + 1, n));
        for (const [pick, amount] of requests) {
          const target = lines[pick % lines.length]!;
          const plan = credit(lines, { lines: [{ lineId: target.id, amountMinor: amount }] });
          expect(plan.ok).toBe(amount > 0 && amount <= leftToCredit(target));
          if (plan.ok) lines[pick % lines.length] = { ...target, creditedMinor: target.creditedMinor - plan.lines[0]!.netMinor };
        }
        for (const l of lines) expect(l.creditedMinor).toBeLessThanOrEqual(l.netMinor);
      }),
    );
  });
});

describe('invoice states', () => {
  const issued = { kind: 'invoice' as const, state: 'issued' as const, totalMinor: 1_000, paidMinor: 0, creditedMinor: 0, dueDate: '2026-11-16', blocked: [] };
  it('derives overdue from the due date and the amount due, never stores it', () => {
    expect(statusOf(issued, '2026-11-16')).toBe('issued');
    expect(statusOf(issued, '2026-11-17')).toBe('overdue');
    expect(isOverdue({ ...issued, paidMinor: 1_000 }, '2026-12-01')).toBe(false);
    expect(isOverdue({ ...issued, creditedMinor: 1_000 }, '2026-12-01')).toBe(false);
    expect(amountDue({ ...issued, paidMinor: 300, creditedMinor: 200 })).toBe(500);
  });
  it('settles to paid or credited and offers only the actions that fit', () => {
    expect(settledState({ ...issued, paidMinor: 1_000 }, false)).toBe('paid');
    expect(settledState({ ...issued, paidMinor: 400 }, false)).toBe('issued');
    expect(settledState({ ...issued, state: 'sent', paidMinor: 400, creditedMinor: 600 }, false)).toBe('paid');
    expect(settledState(issued, true)).toBe('credited');
    expect(possibleActions(issued)).toEqual(['markSent', 'recordPayment', 'creditNote']);
    expect(possibleActions({ ...issued, state: 'draft', blocked: ['no price'] })).toEqual([]);
    expect(possibleActions({ ...issued, state: 'credited' })).toEqual([]);
  });
  it('owes back what was paid beyond what is left after credit notes, and offers the refund', () => {
    // 1 000 paid of 7 792.40, then fully credited: the 1 000 goes back to the client.
    const credited = { ...issued, state: 'credited' as const, totalMinor: 779_240, paidMinor: 100_050, creditedMinor: 779_240 };
    expect(amountDue(credited)).toBe(0);
    expect(refundDue(credited)).toBe(100_050);
    expect(possibleActions(credited)).toEqual(['recordRefund']);
    expect(refundDue({ ...credited, paidMinor: 0 })).toBe(0);
    expect(refundDue({ ...issued, paidMinor: 1_000, creditedMinor: 300 })).toBe(300);
    expect(refundDue({ ...issued, paidMinor: 700, creditedMinor: 300 })).toBe(0);
    expect(refundDue({ ...credited, kind: 'credit_note' })).toBe(0);
  });
  it('a credit note stands at its total, negative, as its foot states it ("Hodnota dobropisu"); an invoice at what is still due', () => {
    const note = { ...issued, kind: 'credit_note' as const, totalMinor: -242_00 };
    expect(amountToSettle(note)).toBe(-242_00);
    expect(amountToSettle({ ...note, paidMinor: 0, creditedMinor: 0 })).toBe(-242_00);
    expect(amountDue(note)).toBe(0);
    expect(isOverdue(note, '2030-01-01')).toBe(false);
    expect(amountToSettle({ ...issued, paidMinor: 300, creditedMinor: 200 })).toBe(500);
    expect(amountToSettle({ ...issued, paidMinor: 1_000, creditedMinor: 300 })).toBe(0);
  });
});
