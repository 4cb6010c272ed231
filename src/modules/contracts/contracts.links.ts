import { preparedQuery, type DbOrTx } from '../../platform/db/index.ts';
import * as repo from './contracts.repo.ts';
import { chooseContractForTicket } from './domain/choose-contract.ts';

/**
 * How tickets and records meet contracts (for the tickets and records
 * modules; plain functions in the caller's transaction).
 */

export interface TicketContractLink {
  id: number;
  number: string;
  /** The contract's SLA policy: it takes the place of the client's. */
  slaPolicyId: number | null;
}

/**
 * The contract a new ticket of the client falls under on its date: an active
 * contract valid on the date; of several, the one without an invoice of its
 * own, then the most recently started (domain/choose-contract.ts).
 */
export async function contractForNewTicket(db: DbOrTx, clientId: number, date: string): Promise<TicketContractLink | null> {
  const chosen = chooseContractForTicket(await repo.contractCandidates(db, clientId, date), date);
  return chosen ? { id: chosen.id, number: chosen.number, slaPolicyId: chosen.slaPolicyId } : null;
}

/** The contract a ticket is linked to: a new record of the ticket inherits it. */
export async function ticketContractId(db: DbOrTx, ticketId: number): Promise<number | null> {
  const [row] = await ticketContractQuery(db, { ticketId });
  return row?.contract_id ?? null;
}

// Read for every record logged: compiled once.
const ticketContractQuery = preparedQuery((db, p: { ticketId: number }) => db.selectFrom('tickets').select('contract_id').where('id', '=', p.ticketId));
const contractTermsQuery = preparedQuery((db, p: { id: number }) =>
  db.selectFrom('contracts').select(['price_list_id', 'valid_from', 'valid_to']).where('id', '=', p.id));

/**
 * The price list of the contract a record dated `date` falls under (its ticket's
 * contract, `contractId`), when the date is within the contract's validity and the
 * contract names one.
 */
export async function contractPriceListFor(db: DbOrTx, contractId: number | null, date: string): Promise<number | null> {
  if (contractId === null) return null;
  const [row] = await contractTermsQuery(db, { id: contractId });
  if (!row || row.valid_from > date || (row.valid_to !== null && row.valid_to < date)) return null;
  return row.price_list_id;
}
