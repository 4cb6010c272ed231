import { preparedQuery, type DbOrTx } from '../../platform/db/index.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import { wholeUnitProblem } from '../../shared/counted-units.ts';
import { resolveDimensionValues } from '../helpdesk/index.ts';
import { hasPermission, type RequestContext } from '../identity/index.ts';
import { pricingReads, type PricingReads, type TravelZone, type UnitFee, type WorkType } from '../pricing/index.ts';
import type { VisibleTicket } from './records.context.ts';
import type { RecordNames, RecordValues, TimeClass } from './records.repo.ts';
import { dateProblems, entryMinutes, parseDecimal } from './domain/entry.ts';

/**
 * Turns what a technician sent (a new record, or a change of one) into the
 * record's checked values, or the list of every problem, each naming its field.
 * Create, edit, bulk, import and timers all go through here.
 */
export interface RecordInput {
  kind: 'work' | 'travel' | 'fee';
  technicianId?: number | undefined;
  date?: string | undefined;
  startTime?: string | null | undefined;
  endTime?: string | undefined;
  minutes?: number | undefined;
  workTypeId?: number | undefined;
  timeClass?: TimeClass | null | undefined;
  km?: string | number | undefined;
  zoneId?: number | null | undefined;
  vehicle?: string | null | undefined;
  feeId?: number | undefined;
  quantity?: string | number | undefined;
  billable?: boolean | undefined;
  description?: string | undefined;
  internalNote?: string | undefined;
  dimensions?: Record<string, string | null> | undefined;
}

/** Fields that make no sense for a kind (a patch may carry anything). */
const NOT_FOR: Record<RecordInput['kind'], (keyof RecordInput)[]> = {
  work: ['km', 'zoneId', 'vehicle', 'feeId', 'quantity'],
  travel: ['workTypeId', 'timeClass', 'feeId', 'quantity'],
  fee: ['startTime', 'endTime', 'minutes', 'workTypeId', 'timeClass', 'km', 'zoneId', 'vehicle'],
};

/** The catalogue entry if it exists and is active (read through pricing's memory of the catalogue). */
async function active<T extends { active: boolean }>(entry: Promise<T | null>): Promise<T | null> {
  const found = await entry;
  return found?.active ? found : null;
}

const userActive = preparedQuery((db, p: { id: number }) => db.selectFrom('users').select(['active', 'name']).where('id', '=', p.id));

/** A record's checked values, and the names its answer shows when it is written as new. */
export interface PreparedValues {
  values: RecordValues | null;
  names: RecordNames | null;
  problems: ErrorDetail[];
}

/**
 * A change that leaves billable out keeps the record's own, unless it moves a work entry to
 * another work type: then the new type's default applies, as for a new entry (work moved
 * from a billable type to an internal one must not stay billable and be invoiced). Null:
 * nothing to keep, the default applies.
 */
function billableKept(before: RecordValues | null, workTypeId: number | null): boolean | null {
  if (!before || workTypeId !== before.workTypeId) return null;
  return before.billable;
}

export async function prepareRecord(
  db: DbOrTx,
  ctx: RequestContext,
  ticket: VisibleTicket,
  input: RecordInput,
  before: RecordValues | null,
  today: string,
  reads?: PricingReads,
): Promise<PreparedValues> {
  const problems: ErrorDetail[] = [];
  const bad = (path: string, code: string, message: string) => problems.push({ path, code, message });
  const kind = before?.kind ?? input.kind;
  const catalogue: PricingReads = reads ?? (await pricingReads(db));
  for (const field of NOT_FOR[kind]) {
    if (input[field] !== undefined) bad(field, 'not_applicable', `A ${kind} record has no ${field}`);
  }

  const defaultTechnician = before?.technicianId ?? ctx.actor.userId;
  const technicianId = input.technicianId ?? defaultTechnician;
  let technicianName = ctx.actor.name;
  if (technicianId === 0) bad('technicianId', 'required', 'Name the technician whose record it is');
  else {
    if (technicianId !== defaultTechnician && !hasPermission(ctx.actor, 'records.approve')) {
      bad('technicianId', 'not_allowed', 'You may log records only for yourself');
    }
    // The actor is active: they have just signed in for this request (deactivating a user ends their sessions and tokens at once).
    if (technicianId !== ctx.actor.userId) {
      const [user] = await userActive(db, { id: technicianId });
      if (user?.active === 1) technicianName = user.name;
      else bad('technicianId', 'unknown_reference', 'No active user with this id');
    }
  }

  const date = input.date ?? before?.date;
  if (date === undefined) bad('date', 'required', 'Give the date');
  else problems.push(...dateProblems(date, today));

  let startTime: string | null = null;
  let minutes = 0;
  if (kind !== 'fee') {
    startTime = input.startTime !== undefined ? input.startTime : (before?.startTime ?? null);
    const keepMinutes = input.minutes === undefined && input.endTime === undefined ? before?.minutes : undefined;
    const m = entryMinutes({ minutes: input.minutes ?? keepMinutes, startTime, endTime: input.endTime }, { required: kind === 'work' });
    problems.push(...m.problems);
    minutes = m.minutes;
  }

  let workTypeId: number | null = null;
  let wt: WorkType | null = null;
  let billableDefault = true;
  if (kind === 'work') {
    workTypeId = input.workTypeId ?? before?.workTypeId ?? null;
    wt = workTypeId === null ? null : await active(catalogue.workType(workTypeId));
    if (!wt) bad('workTypeId', workTypeId === null ? 'required' : 'unknown_reference', 'No active work type with this id');
    else billableDefault = wt.billableDefault;
  }

  let timeClassOverride = before?.timeClassOverride ?? null;
  if (input.timeClass !== undefined && input.timeClass !== timeClassOverride) {
    if (!hasPermission(ctx.actor, 'records.override_time_class')) bad('timeClass', 'not_allowed', 'You may not override the time class that pricing derives from the start time');
    else timeClassOverride = input.timeClass;
  }

  let kmMilli: number | null = null;
  let zoneId: number | null = null;
  let vehicle: string | null = null;
  let zone: TravelZone | null = null;
  if (kind === 'travel') {
    zoneId = input.zoneId !== undefined ? input.zoneId : (before?.zoneId ?? null);
    if (zoneId !== null && !(zone = await active(catalogue.zone(zoneId)))) bad('zoneId', 'unknown_reference', 'No active travel zone with this id');
    if (input.km !== undefined) {
      const km = parseDecimal(input.km, 'km', { positive: false });
      problems.push(...km.problems);
      kmMilli = km.milli;
    } else kmMilli = before?.kmMilli ?? (zoneId !== null ? 0 : null);
    if (kmMilli === null && input.km === undefined) bad('km', 'required', 'Give the distance in km, or a travel zone');
    vehicle = (input.vehicle !== undefined ? input.vehicle : before?.vehicle)?.trim() || null;
    // 0 km with neither a zone nor travel time prices and bills nothing: a slip, not a trip. Checked when one
    // of the three is given, so that a change of something else never trips over an older record.
    const tripGiven = !before || input.km !== undefined || input.zoneId !== undefined || input.minutes !== undefined || input.endTime !== undefined;
    if (tripGiven && kmMilli === 0 && zoneId === null && minutes === 0) {
      bad('km', 'travel_empty', 'A trip of 0 km without a travel zone or travel time is nothing to log: give the distance, the zone or the time');
    }
  }

  let feeId: number | null = null;
  let quantityMilli: number | null = null;
  let fee: UnitFee | null = null;
  if (kind === 'fee') {
    feeId = input.feeId ?? before?.feeId ?? null;
    if (feeId === null || !(fee = await active(catalogue.unitFee(feeId)))) bad('feeId', feeId === null ? 'required' : 'unknown_reference', 'No active unit fee with this id');
    if (input.quantity !== undefined) {
      const q = parseDecimal(input.quantity, 'quantity', { positive: true });
      problems.push(...q.problems);
      quantityMilli = q.milli;
    } else quantityMilli = before?.quantityMilli ?? 1000;
    // A fee counted in visits or pieces takes whole ones (half a call-out cannot be billed). Checked when
    // the quantity or the fee is given, so that a change of something else never trips over an older record.
    const quantityOrFeeGiven = !before || input.quantity !== undefined || input.feeId !== undefined;
    const fraction = fee && quantityMilli !== null && quantityOrFeeGiven ? wholeUnitProblem(quantityMilli, fee.unit, fee.name) : null;
    if (fraction) bad('quantity', 'not_whole_units', fraction);
  }

  const dimensions = { ...(before?.dimensions ?? ticket.dimensions) };
  if (input.dimensions && Object.keys(input.dimensions).length) {
    const resolved = await resolveDimensionValues(db, input.dimensions);
    problems.push(...resolved.problems);
    for (const [code, value] of Object.entries(input.dimensions)) {
      if (value === null) delete dimensions[code];
    }
    for (const v of resolved.values) dimensions[v.dimension] = v.value;
  }

  if (problems.length) return { values: null, names: null, problems };
  return {
    names: {
      ticket_number: ticket.number, ticket_subject: ticket.subject, client_name: ticket.clientName, technician_name: technicianName, approver_name: null,
      work_type_code: wt?.code ?? null, work_type_name: wt?.name ?? null, zone_code: zone?.code ?? null, zone_name: zone?.name ?? null,
      fee_code: fee?.code ?? null, fee_name: fee?.name ?? null, fee_unit: fee?.unit ?? null, item_code: null, item_name: null, item_unit: null,
    },
    values: {
      kind, ticketId: ticket.id, clientId: ticket.clientId, technicianId, date: date!, startTime, minutes, workTypeId,
      timeClassOverride: kind === 'work' ? timeClassOverride : null, kmMilli, zoneId, vehicle, feeId, quantityMilli,
      billable: input.billable ?? billableKept(before, workTypeId) ?? billableDefault,
      description: input.description ?? before?.description ?? '',
      internalNote: input.internalNote ?? before?.internalNote ?? '',
      dimensions,
    },
    problems,
  };
}
