import type { DbOrTx } from '../../platform/db/index.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import type { Contract, ContractValues } from './contracts.schemas.ts';
import { termsProblems as domainTermsProblems, type ContractTerms } from './domain/index.ts';

/** A stored contract as the pure core's ContractTerms (ids become strings there). */
export function toTerms(c: ContractValues & { id: number }): ContractTerms {
  return {
    contractId: String(c.id),
    clientId: String(c.clientId),
    currency: c.currency,
    validFrom: c.validFrom,
    validTo: c.validTo,
    periodKind: c.periodKind,
    priceListId: c.priceListId === null ? null : String(c.priceListId),
    fee: c.fee === null ? null : { amountMinor: c.fee.amountMinor, vatRateBp: c.fee.vatRateBp, timing: c.fee.timing },
    scope: { workTypeIds: c.scope.workTypeIds.map(String), coversTravel: c.scope.coversTravel, unitFeeIds: c.scope.unitFeeIds.map(String) },
    prepaidMinutes: c.prepaidMinutes,
    carryOver: c.carryOver.enabled ? { enabled: true, capMinutes: c.carryOver.capMinutes, lifePeriods: c.carryOver.lifePeriods } : { enabled: false },
    multipliers: { byWorkType: c.multipliers.byWorkType, byTimeClass: c.multipliers.byTimeClass },
    overage: c.overage,
  };
}

/** The terms' own consistency, checked by the domain, as problems naming their field: all of them at once. */
export function termsProblems(v: ContractValues): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (v.overage.kind === 'flat_rate' && (!Number.isSafeInteger(v.overage.ratePerHourMinor) || v.overage.ratePerHourMinor < 0)) {
    problems.push({ path: 'overage.ratePerHourMinor', code: 'out_of_range', message: 'The overage rate must be a non-negative amount' });
  }
  for (const p of domainTermsProblems(toTerms({ ...v, id: 0 }))) {
    problems.push({ path: p.path, code: p.code, message: p.message.charAt(0).toUpperCase() + p.message.slice(1) });
  }
  return problems;
}

async function existing(db: DbOrTx, table: 'work_types' | 'unit_fees', ids: readonly number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

/** Every reference of the terms exists (client, price list in the same currency, work types, unit fees, SLA policy). */
export async function referenceProblems(db: DbOrTx, v: ContractValues, before: Contract | null): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  const bad = (path: string, code: string, message: string) => problems.push({ path, code, message });
  const client = await db.selectFrom('clients').select(['id', 'active']).where('id', '=', v.clientId).executeTakeFirst();
  // A deactivated client keeps the contracts it had; a new one needs an active client.
  if (!client || (client.active !== 1 && before?.clientId !== v.clientId)) bad('clientId', 'unknown_reference', 'No active client with this id');
  if (v.priceListId !== null) {
    const list = await db.selectFrom('price_lists').select(['currency', 'active']).where('id', '=', v.priceListId).executeTakeFirst();
    if (!list) bad('priceListId', 'unknown_reference', 'No price list with this id');
    else if (list.currency !== v.currency) bad('currency', 'currency_mismatch', `The contract's currency must be the price list's (${list.currency})`);
    else if (list.active !== 1 && before?.priceListId !== v.priceListId) bad('priceListId', 'inactive', 'The price list is deactivated');
  }
  const workTypeIds = [...new Set([...v.scope.workTypeIds, ...Object.keys(v.multipliers.byWorkType).map(Number)])];
  const workTypes = await existing(db, 'work_types', workTypeIds);
  v.scope.workTypeIds.forEach((id, i) => {
    if (!workTypes.has(id)) bad(`scope.workTypeIds.${i}`, 'unknown_reference', `No work type with id ${id}`);
  });
  for (const key of Object.keys(v.multipliers.byWorkType)) {
    if (!workTypes.has(Number(key))) bad(`multipliers.byWorkType.${key}`, 'unknown_reference', `No work type with id ${key}`);
  }
  const fees = await existing(db, 'unit_fees', v.scope.unitFeeIds);
  v.scope.unitFeeIds.forEach((id, i) => {
    if (!fees.has(id)) bad(`scope.unitFeeIds.${i}`, 'unknown_reference', `No unit fee with id ${id}`);
  });
  if (v.slaPolicyId !== null) {
    const policy = await db.selectFrom('sla_policies').select('active').where('id', '=', v.slaPolicyId).executeTakeFirst();
    if (!policy) bad('slaPolicyId', 'unknown_reference', 'No SLA policy with this id');
    else if (policy.active !== 1 && before?.slaPolicyId !== v.slaPolicyId) bad('slaPolicyId', 'inactive', 'The SLA policy is deactivated');
  }
  return problems;
}
