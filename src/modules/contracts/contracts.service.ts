import { auditedChange } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { decodeCursor, pageOf } from '../../shared/cursor.ts';
import { conflict, duplicate, failIf, forbidden, notFound, staleVersion } from '../../shared/errors.ts';
import { merged } from '../../shared/patch.ts';
import { periodKind } from '../../shared/period.ts';
import { helpdeskSnapshot, slaPolicyFor } from '../helpdesk/index.ts';
import { auditWhoOf, hasPermission, ticketScopeOf, type Permission, type RequestContext } from '../identity/index.ts';
import { consumptionOf } from './contracts.consumption.ts';
import * as repo from './contracts.repo.ts';
import type { Consumption, Contract, ContractDetail, ContractListQuery, ContractPatch, ContractValues, NewContract, TicketContract } from './contracts.schemas.ts';
import { referenceProblems, termsProblems } from './contracts.terms.ts';

export interface ContractsDeps {
  db: Db;
  clock: Clock;
  /**
   * Recomputes a ticket's SLA clock under another policy (the tickets module's
   * refresh, handed in by the app so the modules do not import each other).
   */
  refreshTicketSla?: (trx: Tx, ticketId: number, policyId: number | null, now: Date) => Promise<void>;
  /** Prices the ticket's unbilled records again (the records module's, handed in the same way); returns how many. */
  repriceTicketRecords?: (trx: Tx, ticketId: number, at: string) => Promise<number>;
}

/** The terms a billing run computes with; a change of the name, note, SLA policy or alerts leaves drafts as they are. */
const BILLING_TERMS = ['clientId', 'currency', 'validFrom', 'validTo', 'periodKind', 'priceListId', 'fee', 'scope', 'prepaidMinutes', 'carryOver', 'multipliers', 'overage', 'ownInvoice', 'active'] as const;

export function billingTermsDiffer(before: ContractValues, after: ContractValues): boolean {
  return BILLING_TERMS.some((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

function require(ctx: RequestContext, permission: Permission): void {
  if (!hasPermission(ctx.actor, permission)) throw forbidden();
}

/** The stored terms of a contract (what a PATCH merges into). */
function valuesOf(c: Contract): ContractValues {
  const { id: _id, clientName: _c, priceListName: _p, slaPolicyName: _s, version: _v, createdAt: _ca, updatedAt: _ua, ...values } = c;
  return values;
}

/**
 * Contracts: their terms (validated by the domain's assertValidTerms and
 * checked references), optimistic versions, deactivation instead of deletion,
 * an audit entry for every change; the prepaid ledger and live consumption;
 * and which contract a ticket falls under.
 */
export function createContractsService(deps: ContractsDeps) {
  const { db, clock } = deps;
  const who = (ctx: RequestContext) => auditWhoOf(ctx);

  async function checked(trx: Tx, values: ContractValues, before: Contract | null): Promise<void> {
    const problems = [...termsProblems(values), ...(await referenceProblems(trx, values, before))];
    const taken = await repo.numberTaken(trx, values.number, before?.id);
    const takenMessage = `A contract numbered "${values.number}" already exists`;
    // A number in use is named with the other problems, so that one save shows them all.
    if (taken && problems.length) problems.push({ path: 'number', code: 'duplicate', message: takenMessage });
    failIf(problems);
    if (taken) throw duplicate('number', takenMessage);
  }

  async function list(ctx: RequestContext, q: ContractListQuery) {
    require(ctx, 'contracts.read');
    const after = q.cursor ? (decodeCursor(q.cursor, ['string', 'number']) as [string, number]) : null;
    const rows = await repo.listContracts(db, q, after, q.limit + 1);
    return pageOf(rows, q.limit, (c) => [c.number, c.id], (c) => c);
  }

  async function get(ctx: RequestContext, id: number): Promise<Contract> {
    require(ctx, 'contracts.read');
    const found = await repo.findContract(db, id);
    if (!found) throw notFound('Contract');
    return found;
  }

  /** The contract with the drafts still computed with its old terms (they need the billing run again). */
  async function detail(ctx: RequestContext, id: number): Promise<ContractDetail> {
    const contract = await get(ctx, id);
    return { ...contract, staleDrafts: contract.termsChangedAt === null ? [] : await repo.draftsMadeBefore(db, contract, contract.termsChangedAt) };
  }

  async function create(ctx: RequestContext, input: NewContract): Promise<Contract> {
    require(ctx, 'contracts.manage');
    return auditedChange(deps, who(ctx), async (trx, at) => {
      await checked(trx, input, null);
      const id = await repo.insertContract(trx, input, at);
      const created = (await repo.findContract(trx, id))!;
      return { result: created, audit: { entity: 'contract', entityId: id, action: 'create', after: created } };
    });
  }

  async function update(ctx: RequestContext, id: number, patch: ContractPatch): Promise<Contract> {
    require(ctx, 'contracts.manage');
    return auditedChange(deps, who(ctx), async (trx, at) => {
      const before = await repo.findContract(trx, id);
      if (!before) throw notFound('Contract');
      if (before.version !== patch.version) throw staleVersion('The contract');
      const { version, ...changes } = patch;
      const values = merged(valuesOf(before), changes);
      if (values.periodKind !== before.periodKind && (await repo.hasFinalLedger(trx, id))) {
        throw conflict('period_locked', 'The period of a contract with a final prepaid ledger cannot change: its ledger counts those periods', [
          { path: 'periodKind', code: 'period_locked', message: 'Create a new contract for the new period' },
        ]);
      }
      if (values.clientId !== before.clientId && (await repo.hasFinalLedger(trx, id))) {
        throw conflict('client_locked', 'A contract that was billed cannot move to another client', [{ path: 'clientId', code: 'client_locked', message: 'Create a new contract' }]);
      }
      await checked(trx, values, before);
      if (!(await repo.updateContract(trx, id, version, values, at, billingTermsDiffer(valuesOf(before), values)))) throw staleVersion('The contract');
      const after = (await repo.findContract(trx, id))!;
      const action = before.active && !after.active ? 'deactivate' : !before.active && after.active ? 'reactivate' : 'update';
      return { result: after, audit: { entity: 'contract', entityId: id, action, before, after } };
    });
  }

  async function ledger(ctx: RequestContext, id: number) {
    const contract = await get(ctx, id);
    return { contractId: id, periodKind: contract.periodKind, items: await repo.ledgerRows(db, id) };
  }

  async function consumption(ctx: RequestContext, id: number, period: string | undefined): Promise<Consumption> {
    const contract = await get(ctx, id);
    if (period !== undefined && periodKind(period) !== contract.periodKind) {
      failIf([{ path: 'period', code: 'wrong_period_kind', message: `The contract's periods are ${contract.periodKind}s` }]);
    }
    return consumptionOf(db, contract, period, clock.now());
  }

  /**
   * Links a ticket to a contract of its client (or to none). The ticket's
   * records that are not billed follow; the SLA policy becomes the contract's
   * when it names one, else the client's (or the default), and the SLA clock
   * is recomputed under it; the moved records are priced again (the new
   * contract may name another price list).
   */
  async function setTicketContract(ctx: RequestContext, ticketId: number, contractId: number | null): Promise<TicketContract> {
    require(ctx, 'tickets.set_contract');
    const scope = ticketScopeOf(ctx.actor);
    if (scope.kind === 'none') throw notFound('Ticket');
    const now = clock.now();
    return auditedChange(deps, who(ctx), async (trx, at) => {
      let query = trx.selectFrom('tickets').select(['id', 'client_id', 'contract_id', 'sla_policy_id']).where('id', '=', ticketId);
      // Operators work the tickets of their queues only: outside them the ticket is not found.
      if (scope.kind === 'member_queues') query = query.where('queue_id', 'in', trx.selectFrom('queue_members').select('queue_id').where('user_id', '=', scope.userId));
      const ticket = await query.executeTakeFirst();
      if (!ticket) throw notFound('Ticket');
      const contract = contractId === null ? null : await repo.findContract(trx, contractId);
      if (contractId !== null) {
        if (!contract) failIf([{ path: 'contractId', code: 'unknown_reference', message: 'No contract with this id' }]);
        else if (contract.clientId !== ticket.client_id) failIf([{ path: 'contractId', code: 'other_client', message: "The contract belongs to another client than the ticket's" }]);
        else if (!contract.active) failIf([{ path: 'contractId', code: 'inactive', message: 'The contract is deactivated' }]);
      }
      const client = await trx.selectFrom('clients').select('sla_policy_id').where('id', '=', ticket.client_id).executeTakeFirstOrThrow();
      const policy = slaPolicyFor(await helpdeskSnapshot(trx), contract?.slaPolicyId ?? client.sla_policy_id);
      const policyId = policy?.id ?? null;
      await trx
        .updateTable('tickets')
        .set((eb) => ({ contract_id: contractId, sla_policy_id: policyId, updated_at: at, version: eb('version', '+', 1) }))
        .where('id', '=', ticketId)
        .execute();
      const moved = await trx
        .updateTable('records')
        .set((eb) => ({ contract_id: contractId, updated_at: at, version: eb('version', '+', 1) }))
        .where('ticket_id', '=', ticketId)
        .where('state', '!=', 'billed')
        .executeTakeFirst();
      if (policyId !== ticket.sla_policy_id && deps.refreshTicketSla) await deps.refreshTicketSla(trx, ticketId, policyId, now);
      // The new contract may name another price list: the moved records are priced again.
      if (deps.repriceTicketRecords) await deps.repriceTicketRecords(trx, ticketId, at);
      const result: TicketContract = { ticketId, contractId, contractNumber: contract?.number ?? null, slaPolicyId: policyId, recordsMoved: Number(moved.numUpdatedRows) };
      return {
        result,
        audit: { entity: 'ticket', entityId: ticketId, action: 'set_contract', before: { contractId: ticket.contract_id, slaPolicyId: ticket.sla_policy_id }, after: result },
      };
    });
  }

  return { list, get, detail, create, update, ledger, consumption, setTicketContract };
}

export type ContractsService = ReturnType<typeof createContractsService>;
