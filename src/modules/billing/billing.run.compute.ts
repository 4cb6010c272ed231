/**
 * One client's part of a billing run (BILLING.md §3–4), composed from the pure
 * cores: contract coverage, prepaid consumption and close, overage pricing,
 * fee periods, line grouping. No I/O: the service loads the inputs and writes
 * the result. Every record given ends up exactly once: on a line, covered, or
 * in `blocked` (conservation).
 */
import type { Language } from '../../shared/language.ts';
import { divRoundNumber, mulDivRound, sumMinor } from '../../shared/money.ts';
import {
  closePeriod, compareChronologically, consumePrepaid, contractFeeLineInput, coverageOf, feePeriodsToBill,
  prepaidMinutesForPeriod, priceOverage, type CoverableRecord, type OveragePart,
} from './billing.run.contracts.ts';
import { workAmount } from '../pricing/index.ts';
import { feeText, hoursMilli, overageText, textOf, workText } from './billing.drafts.text.ts';
import type {
  BlockedEntry, BlockReason, ClientPlan, DraftPlan, LedgerPlan, PlannedLine, PlannedRecord, RunClient, RunContract, RunNames, RunRecord,
} from './billing.run.types.ts';
import { contractFeeLine, groupRecordsIntoLines, overageLine, shareOverageLines, splitOverageLinesByVat, type DraftLine, type PricedRecord } from './domain/index.ts';
import { overageMinutesPrice } from './billing.overage.ts';
import { blocksDraft, distinctBlocks, draftBlock, type DraftBlock } from './domain/draft-blocks.ts';

export { BLOCK_TEXT } from './domain/draft-blocks.ts';

export interface ClientRunInput {
  period: string;
  client: RunClient;
  /** Approved, unbilled records of the client dated up to the period's end. */
  records: readonly RunRecord[];
  /** The client's contracts the run considers. */
  contracts: readonly RunContract[];
  names: RunNames;
  reverseCharge: boolean;
}

interface Draft extends DraftPlan {
  key: string;
  tm: PricedRecord[];
  feeLines: PlannedLine[];
  overageLines: PlannedLine[];
  contractsInvolved: Set<number>;
}

function coverableOf(r: RunRecord): CoverableRecord {
  switch (r.kind) {
    case 'work':
      return { kind: 'work', workTypeId: String(r.workTypeId) };
    case 'travel':
      return { kind: 'travel' };
    case 'fee':
      return { kind: 'unit_fee', feeId: String(r.feeId) };
    case 'material':
      return { kind: 'item' };
  }
}

function pricedOf(r: RunRecord, vatRateBp: number): PricedRecord {
  const base = { recordId: String(r.id), amountMinor: r.amountMinor ?? 0, vatRateBp };
  switch (r.kind) {
    case 'work':
      return {
        ...base, kind: 'work', workTypeId: String(r.workTypeId), timeClass: r.timeClass ?? 'normal',
        rateMinor: r.rateMinor ?? 0, surchargePct: r.surchargePct ?? 0, billableMinutes: r.billableMinutes ?? 0,
      };
    case 'travel':
      return { ...base, kind: 'travel', kmMilli: r.kmMilli ?? 0 };
    case 'fee':
      return { ...base, kind: 'unit_fee', feeId: String(r.feeId), unitPriceMinor: r.unitPriceMinor ?? base.amountMinor, quantityMilli: r.quantityMilli ?? 1000 };
    case 'material':
      return { ...base, kind: 'item', itemId: String(r.itemId), unitPriceMinor: r.unitPriceMinor ?? base.amountMinor, discountBp: 0, quantityMilli: r.quantityMilli ?? 1000 };
  }
}

/** Unit price of a grouped line: net per unit of its quantity, rounded. */
const perUnit = (netMinor: number, quantityMilli: number): number => (quantityMilli > 0 ? divRoundNumber(netMinor * 1000, quantityMilli) : netMinor);

/** A grouped time-and-material line in the client's language. */
function describeLine(line: DraftLine, names: RunNames, language: Language): Omit<PlannedLine, 'recordIds' | 'key' | 'netMinor' | 'vatRateBp' | 'feePeriod'> {
  const t = textOf(language);
  switch (line.kind) {
    case 'work':
      return {
        kind: 'work', description: workText(language, names.workType(Number(line.workTypeId), language), line.timeClass, line.surchargePct),
        quantityMilli: hoursMilli(line.minutes), unit: t.hour, unitPriceMinor: mulDivRound(line.rateMinor, 100 + line.surchargePct, 1, 100),
      };
    case 'travel':
      return { kind: 'travel', description: t.travel, quantityMilli: line.kmMilli, unit: t.km, unitPriceMinor: perUnit(line.netMinor, line.kmMilli) };
    case 'unit_fee': {
      const fee = names.fee(Number(line.feeId));
      return { kind: 'unit_fee', description: fee.name, quantityMilli: line.quantityMilli, unit: fee.unit, unitPriceMinor: line.unitPriceMinor };
    }
    case 'item':
      return { kind: 'item', description: names.item(Number(line.itemId)), quantityMilli: line.quantityMilli, unit: t.piece, unitPriceMinor: line.unitPriceMinor };
    default:
      throw new Error(`not a record line: ${line.kind}`);
  }
}

export function computeClient(input: ClientRunInput): ClientPlan {
  const { period, client, names } = input;
  const language = client.language;
  const contracts = new Map(input.contracts.map((c) => [c.id, c]));
  const drafts = new Map<string, Draft>();
  const blocked: BlockedEntry[] = [];
  const ledger: LedgerPlan[] = [];
  const prepaidEntries = new Map<number, RunRecord[]>();

  const draftFor = (currency: string, contract: RunContract | null): Draft => {
    const own = contract?.ownInvoice ? contract.id : null;
    const key = `${currency}|${own ?? ''}`;
    let draft = drafts.get(key);
    if (!draft) {
      draft = {
        key, clientId: client.id, contractId: own, ownInvoice: own !== null, currency, lines: [], records: [], reverseCharge: input.reverseCharge,
        blocked: [], tm: [], feeLines: [], overageLines: [], contractsInvolved: new Set(),
      };
      drafts.set(key, draft);
    }
    if (contract) draft.contractsInvolved.add(contract.id);
    return draft;
  };
  const block = (reason: BlockReason, contract: RunContract | null, records: readonly RunRecord[], detail: string, evenWithoutRecords = false) => {
    if (records.length === 0 && !evenWithoutRecords) return;
    blocked.push({
      clientId: client.id, clientName: client.name, contractId: contract?.id ?? null, contractNumber: contract?.number ?? null,
      // A prepaid contract's reasons are about its period; a record's own (no rate) are not.
      period: contract && reason !== 'missing_rate' && reason !== 'missing_vat_rate' ? contract.ledgerPeriod : null,
      reason, detail, recordIds: records.map((r) => r.id),
    });
  };
  const coveredAtZero = (draft: Draft, r: RunRecord, coveredMinutes: number) =>
    draft.records.push({ recordId: r.id, lineKey: null, outcome: 'covered', coveredMinutes, billedMinutes: 0, amountMinor: 0, late: r.late });

  // 1. Each record: covered by its contract, prepaid, or time and material (the same
  // decision a record's own page shows ahead of the run: contracts' coverageOf).
  for (const r of input.records) {
    const candidate = r.contractId === null ? undefined : contracts.get(r.contractId);
    const coverage = coverageOf(
      { billable: r.billable, date: r.date, what: coverableOf(r) },
      candidate ? { terms: candidate.terms, prepaidInEffect: candidate.prepaidActive } : null,
    );
    const contract = candidate && coverage.underContract ? candidate : null;
    const currency = r.currency ?? contract?.terms.currency ?? client.currency;
    if (coverage.kind === 'not_billable') {
      // Priced 0 on purpose (non-billable work): on the work report, on no line.
      coveredAtZero(draftFor(currency, contract), r, 0);
      continue;
    }
    if (contract && coverage.kind === 'prepaid') {
      const list = prepaidEntries.get(contract.id);
      if (list) list.push(r);
      else prepaidEntries.set(contract.id, [r]);
      continue;
    }
    if (contract && coverage.kind === 'flat_fee') {
      coveredAtZero(draftFor(contract.terms.currency, contract), r, r.kind === 'work' ? (r.billableMinutes ?? r.minutes) : 0);
      continue;
    }
    if (r.priceError !== null || r.amountMinor === null || r.currency === null) {
      block('missing_rate', contract, [r], `record ${r.id} (${r.date}, ${r.ticketNumber}) has no price: ${r.priceError ?? 'not priced'}`);
      continue;
    }
    if (r.vatRateBp === null) {
      block('missing_vat_rate', contract, [r], `record ${r.id} (${r.date}): no VAT rate applies to its category`);
      continue;
    }
    draftFor(r.currency, contract).tm.push(pricedOf(r, r.vatRateBp));
  }

  // 2. Prepaid contracts: consume the allowance, close the period, price the overage.
  for (const c of input.contracts) {
    if (c.prepaidActive) prepaid(c, prepaidEntries.get(c.id) ?? []);
  }

  // 3. Fees due and not yet billed, each period its own line.
  for (const c of input.contracts) {
    const fees = feePeriodsToBill(c.terms, period, c.billedFeePeriods);
    if (fees.length === 0) continue;
    const draft = draftFor(c.terms.currency, c);
    for (const fee of fees) {
      const whole = contractFeeLineInput(fee, c.terms, c.feeProrate);
      const line = contractFeeLine(String(c.id), whole);
      draft.feeLines.push({
        key: line.key, kind: 'contract_fee', description: feeText(language, c.name, c.number, fee.period, whole.prorated ? { from: fee.from, to: fee.to } : null),
        quantityMilli: 1000, unit: textOf(language).period[c.terms.periodKind], unitPriceMinor: line.netMinor, netMinor: line.netMinor,
        vatRateBp: line.vatRateBp, feePeriod: fee.period, recordIds: [],
      });
    }
  }

  /**
   * One contract's period with these records (in order): the allowance consumed, the period
   * closed, the overage priced, the VAT rate each record's overage is taxed at, and the records
   * without a VAT rate whose overage their own rates would tax.
   */
  function overageOf(c: RunContract, ordered: readonly RunRecord[], byId: ReadonlyMap<string, RunRecord>) {
    const covered = ordered.map((r) => ({ id: String(r.id), workTypeId: String(r.workTypeId), timeClass: r.timeClass ?? 'normal', billableMinutes: r.billableMinutes! }));
    const consumption = consumePrepaid(c.openingLots!, prepaidMinutesForPeriod(c.terms, c.ledgerPeriod), covered, c.terms.multipliers);
    const close = closePeriod(c.ledgerPeriod, consumption, c.terms.carryOver);
    const parts: OveragePart[] = consumption.entries.map((split, i) => ({
      entryId: split.id, workTypeId: covered[i]!.workTypeId, technicianLevel: null, timeClass: covered[i]!.timeClass, overageMinutes: split.overageMinutes,
    }));
    const result = priceOverage(c.terms.overage, parts, (part) => {
      const r = byId.get(part.entryId)!;
      if (r.rateMinor === null) return null;
      const surchargePct = r.surchargePct ?? 0;
      return { rateMinor: r.rateMinor, surchargePct, amountMinor: workAmount(part.overageMinutes, r.rateMinor, surchargePct) };
    });
    const lines = result.ok ? result.lines : [];
    // Every overage minute is taxed at the VAT rate that applies to it: its record's. Flat-rate and
    // tiered overage under a contract fee is the exception: priced at the contract's own rates, not
    // at any record's, it is more of the contract's service and takes the fee's VAT rate, as the
    // rest of that service does, whatever work types its minutes came from. entry_rate overage is
    // priced as each record's own work, and without a fee the contract names no VAT rate.
    const taxedByRecords = c.terms.overage.kind === 'entry_rate' || c.terms.fee === null;
    const vatOfRecord = (id: string): number | null => (taxedByRecords ? byId.get(id)!.vatRateBp : c.terms.fee!.vatRateBp);
    // Where records tax their overage, each of them needs a VAT rate: one without would be billed
    // at another record's rate unasked. Once per record (a record may fall on several tiered bands).
    const noVat = [...new Set(lines.flatMap((line) => line.entryIds.filter((id) => vatOfRecord(id) === null)))];
    return { consumption, close, parts, result, lines, vatOfRecord, noVat };
  }

  function prepaid(c: RunContract, entries: RunRecord[]): void {
    if (!c.consumeNow) {
      block('prepaid_period_open', c, entries, `contract ${c.number}: covered work is consumed in the run for the last month of ${c.ledgerPeriod}`);
      return;
    }
    if (c.ledgerFinal) {
      block('prepaid_period_closed', c, entries, `contract ${c.number}: the prepaid ledger of ${c.ledgerPeriod} is final; this work is billed by the next period's run`);
      return;
    }
    if (c.openingLots === null) {
      // Without covered records too (BILLING.md §3: the contract is blocked): issued, its draft would
      // leave the period without a ledger row, and every later period blocked for want of it.
      block('previous_prepaid_not_final', c, entries, `contract ${c.number}: the prepaid ledger before ${c.ledgerPeriod} is not final (its invoice is not issued)`, true);
      draftFor(c.terms.currency, c); // the client's draft shows why it waits
      return;
    }
    const unpriced = entries.filter((r) => r.billableMinutes === null);
    block('missing_rate', c, unpriced, `contract ${c.number}: records ${unpriced.map((r) => r.id).join(', ')} have no price`);
    const priced = entries.filter((r) => r.billableMinutes !== null);
    const ordered = [...priced].sort((a, b) =>
      compareChronologically(
        { date: a.date, startTime: a.startTime, createdAt: a.createdAt, id: String(a.id).padStart(16, '0') },
        { date: b.date, startTime: b.startTime, createdAt: b.createdAt, id: String(b.id).padStart(16, '0') },
      ),
    );
    const byId = new Map(ordered.map((r) => [String(r.id), r]));
    // A record whose overage cannot be priced (no rate) or taxed (no VAT rate) is blocked and
    // left out of the period altogether, as an unpriced one is: the allowance is consumed and
    // the overage priced again without it. Kept in, its minutes would stay on a shared line
    // (a tiered band, the flat rate) and be billed now while the record waits for the next run.
    let included = ordered;
    let attempt = overageOf(c, included, byId);
    for (;;) {
      const noRate = attempt.result.ok ? [] : attempt.result.entryIds;
      if (noRate.length > 0) block('missing_rate', c, noRate.map((id) => byId.get(id)!), `contract ${c.number}: overage of records ${noRate.join(', ')} has no rate`);
      if (attempt.noVat.length > 0) block('missing_vat_rate', c, attempt.noVat.map((id) => byId.get(id)!), `contract ${c.number}: no VAT rate for the overage of records ${attempt.noVat.join(', ')}`);
      const bad = new Set([...noRate, ...attempt.noVat]);
      if (bad.size === 0) break;
      included = included.filter((r) => !bad.has(String(r.id)));
      attempt = overageOf(c, included, byId);
    }
    const { consumption, close, parts, lines, vatOfRecord } = attempt;
    if (!attempt.result.ok) throw new Error(`contract ${c.number}: the overage still has no rate after its records were left out`);
    // Each record's overage with the VAT rate it is taxed at (records without one were left out above).
    const overage = parts.filter((part) => part.overageMinutes > 0).map((part) => {
      const vatRateBp = vatOfRecord(part.entryId);
      if (vatRateBp === null) throw new Error(`contract ${c.number}: overage without a VAT rate after its records were left out`);
      return { entryId: part.entryId, overageMinutes: part.overageMinutes, vatRateBp };
    });
    // One line, one VAT rate: a line whose records are taxed at two rates becomes a line per rate.
    const taxedLines = splitOverageLinesByVat(lines, overage, overageMinutesPrice);
    if (taxedLines === null) throw new Error(`contract ${c.number}: overage lines do not add up to the entries' overage minutes`);
    const draft = draftFor(c.terms.currency, c);
    ledger.push({ contractId: c.id, row: close.ledger, lots: close.lots, draftKey: draft.key });
    const t = textOf(language);
    /** The key of each overage line by its index in taxedLines. */
    const keys = taxedLines.map((line) => {
      const drafted = overageLine(String(c.id), line, line.vatRateBp, line.sourceIndex);
      const what = line.method === 'entry_rate' ? workText(language, names.workType(Number(line.workTypeId), language), line.timeClass, line.surchargePct)
        : line.method === 'flat_rate' ? t.flat : `${t.band} ${line.band + 1}`;
      const unitPrice = line.method === 'entry_rate' ? mulDivRound(line.rateMinor, 100 + line.surchargePct, 1, 100) : line.rateMinor;
      draft.overageLines.push({
        key: drafted.key, kind: 'overage', description: overageText(language, c.number, what), quantityMilli: hoursMilli(line.minutes), unit: t.hour,
        unitPriceMinor: unitPrice, netMinor: drafted.netMinor, vatRateBp: line.vatRateBp, feePeriod: null, recordIds: line.entryIds.map(Number),
      });
      return drafted.key;
    });
    const shares = shareOverageLines(taxedLines, overage, overageMinutesPrice);
    if (shares === null) throw new Error(`contract ${c.number}: overage lines do not add up to the entries' overage minutes`);
    consumption.entries.forEach((split) => {
      const r = byId.get(split.id)!;
      const share = shares.get(split.id);
      const record: PlannedRecord = {
        // A record on two tiered bands points to the first; the work report replays the rest.
        recordId: r.id, lineKey: split.overageMinutes > 0 && share ? keys[share[0]!.lineIndex]! : null,
        outcome: split.overageMinutes === 0 ? 'covered' : split.coveredMinutes > 0 ? 'partly_covered' : 'billed',
        coveredMinutes: split.allowanceUsed, billedMinutes: split.overageMinutes, amountMinor: split.overageMinutes > 0 && share ? sumMinor(share.map((s) => s.amountMinor)) : 0, late: r.late,
      };
      draft.records.push(record);
    });
  }

  // 4. Lines of each draft: fees, overage, then time and material grouped.
  const lateIds = new Set(input.records.filter((r) => r.late).map((r) => r.id));
  const reasons = distinctBlocks(blocked.flatMap((b): DraftBlock[] => (blocksDraft(b.reason) ? [draftBlock(b.reason, b)] : [])));
  const plans = [...drafts.values()].map((d) => {
    const grouped = groupRecordsIntoLines(d.tm).map((line): PlannedLine => ({
      key: line.key, netMinor: line.netMinor, vatRateBp: line.vatRateBp, feePeriod: null, recordIds: line.recordIds.map(Number), ...describeLine(line, names, language),
    }));
    const byRecord = new Map(d.tm.map((p) => [p.recordId, p]));
    for (const line of grouped) {
      for (const id of line.recordIds) {
        const p = byRecord.get(String(id))!;
        d.records.push({ recordId: id, lineKey: line.key, outcome: 'billed', coveredMinutes: 0, billedMinutes: p.kind === 'work' ? p.billableMinutes : 0, amountMinor: p.amountMinor, late: lateIds.has(id) });
      }
    }
    const lines = [...d.feeLines, ...d.overageLines, ...grouped].map((line) => (d.reverseCharge ? { ...line, vatRateBp: 0 } : line));
    const contractId = d.contractId ?? (d.contractsInvolved.size === 1 ? [...d.contractsInvolved][0]! : null);
    return { key: d.key, clientId: d.clientId, contractId, ownInvoice: d.ownInvoice, currency: d.currency, lines, records: d.records, reverseCharge: d.reverseCharge, blocked: reasons };
  });
  return { drafts: plans.filter((p) => p.lines.length > 0 || p.records.length > 0 || p.blocked.length > 0), blocked, ledger };
}

/** Net of a plan's lines (for summaries). */
export const planNet = (plan: DraftPlan): number => sumMinor(plan.lines.map((l) => l.netMinor));
