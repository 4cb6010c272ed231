import type { Tx } from '../../platform/db/index.ts';
import { ticketContractId } from '../contracts/index.ts';
import { valuesOfRow } from './records.context.ts';
import { priceValues } from './records.pricing.ts';

/**
 * Prices again the ticket's records that are not billed (work, travel, unit
 * fees; material is priced at issue), in the caller's transaction: when the
 * ticket moves to another contract, its records fall under that contract's
 * price list. Returns how many records were priced.
 */
export async function repriceTicketRecords(trx: Tx, ticketId: number, at: string): Promise<number> {
  const rows = await trx
    .selectFrom('records')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('state', '!=', 'billed')
    .where('kind', '!=', 'material')
    .orderBy('id')
    .execute();
  const contractId = await ticketContractId(trx, ticketId);
  for (const row of rows) {
    const priceCols = await priceValues(trx, valuesOfRow(row), { contractId });
    await trx.updateTable('records').set((eb) => ({ ...priceCols, updated_at: at, version: eb('version', '+', 1) })).where('id', '=', row.id).execute();
  }
  return rows.length;
}
