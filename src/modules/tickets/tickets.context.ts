import type { Clock } from '../../platform/clock.ts';
import { indexTicketDocument, type Db, type Tx } from '../../platform/db/index.ts';
import { forbidden, notFound } from '../../shared/errors.ts';
import type { CustomersService } from '../customers/index.ts';
import { getSlaPolicy, loadProcess, type LoadedProcess } from '../helpdesk/index.ts';
import { hasPermission, ticketScopeOf, type Permission, type RequestContext } from '../identity/index.ts';
import type { Process } from './domain/process.ts';
import type { NotifyConfig } from './tickets.notify.ts';
import { visibleTicketIds } from './tickets.read.ts';
import { findTicketRow, searchDocumentText, updateTicketSla } from './tickets.repo.ts';
import { computeSla } from './domain/sla/index.ts';
import { nextCheckAt, slaColumns, slaEventsOf, toCorePolicy } from './tickets.sla.ts';

/** What the ticket use cases share: dependencies and the small steps every one of them takes. */
export interface TicketsDeps {
  db: Db;
  clock: Clock;
  config: NotifyConfig;
  customers: CustomersService;
}

export function require(ctx: RequestContext, permission: Permission): void {
  if (!hasPermission(ctx.actor, permission)) throw forbidden();
}

/** The ticket row if the actor may see it, else "not found". */
export async function visibleTicketRow(db: Db | Tx, ctx: RequestContext, id: number) {
  const scope = ticketScopeOf(ctx.actor);
  const [visible] = await visibleTicketIds(db, [id], scope);
  const row = visible === undefined ? undefined : await findTicketRow(db, id);
  if (!row) throw notFound('Ticket');
  return row;
}

export function toProcess(p: LoadedProcess): Process {
  return { typeId: p.typeId, states: p.states, transitions: p.transitions };
}

export async function processOf(db: Db | Tx, typeId: number): Promise<Process> {
  const loaded = await loadProcess(db, typeId);
  if (!loaded) throw new Error(`ticket type ${typeId} has no process`);
  return toProcess(loaded);
}

/**
 * Recomputes the SLA columns from the ticket's SLA events (after any event was
 * added), and when the SLA watcher must look at the ticket next.
 */
export async function refreshSla(trx: Tx, ticketId: number, policyId: number | null, now: Date): Promise<void> {
  if (policyId === null) return;
  const policy = await getSlaPolicy(trx, policyId);
  if (!policy) return;
  const core = toCorePolicy(policy);
  const events = await slaEventsOf(trx, ticketId);
  const state = computeSla(core, events, now.getTime());
  const { sla_checked_at } = await trx.selectFrom('tickets').select('sla_checked_at').where('id', '=', ticketId).executeTakeFirstOrThrow();
  await updateTicketSla(trx, ticketId, { ...slaColumns(state), sla_next_check_at: nextCheckAt(core, events, sla_checked_at, state) });
}

export async function reindex(trx: Tx, ticketId: number): Promise<void> {
  await indexTicketDocument(trx, ticketId, await searchDocumentText(trx, ticketId));
}

export { failIf as throwIfProblems } from '../../shared/errors.ts';
