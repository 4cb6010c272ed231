import { conflict, notFound } from '../../shared/errors.ts';
import type { RequestContext } from '../identity/index.ts';
import * as repo from './catalogue.repo.ts';
import type {
  CodedPatch,
  NewCoded,
  NewUnitFee,
  NewVatRate,
  NewWorkType,
  TechnicianLevel,
  UnitFee,
  UnitFeePatch,
  VatRate,
  WorkType,
  WorkTypePatch,
} from './catalogue.schemas.ts';
import { auditedChange, duplicate, failIf, merged, requireCatalogueRead, requireManage, requireRead, type ActiveFilter, type PricingDeps } from './common.ts';

/**
 * The pricing catalogue: VAT rates per country (a change of rate is a new row,
 * never an edit of history), work types, technician levels, unit fees and
 * travel zones. Administrators and service managers change it.
 */
export function createCatalogueService(deps: PricingDeps) {
  const { db } = deps;

  async function listVatRates(ctx: RequestContext, country?: string): Promise<VatRate[]> {
    requireRead(ctx);
    return repo.listVatRates(db, { country });
  }

  async function createVatRate(ctx: RequestContext, input: NewVatRate): Promise<VatRate> {
    requireManage(ctx);
    if (input.validTo !== null && input.validTo < input.validFrom) {
      failIf([{ path: 'validTo', code: 'before_valid_from', message: 'The rate cannot end before it starts' }]);
    }
    return auditedChange(deps, ctx, async (trx) => {
      const same = await repo.listVatRates(trx, { country: input.country, category: input.category });
      if (same.some((r) => r.validFrom === input.validFrom)) {
        throw duplicate('validFrom', `A ${input.category} VAT rate of ${input.country} valid from ${input.validFrom} already exists`);
      }
      // A rate starting before the latest one would change the rate of days that already had one: history is never rewritten.
      const latest = same.reduce<string | null>((last, r) => (last === null || r.validFrom > last ? r.validFrom : last), null);
      if (latest !== null && input.validFrom < latest) {
        const message = `The latest ${input.category} VAT rate of ${input.country} is valid from ${latest}: a new rate must start after it`;
        throw conflict('before_latest_rate', message, [{ path: 'validFrom', code: 'before_latest_rate', message }]);
      }
      const created = await repo.insertVatRate(trx, input);
      return { result: created, audit: { entity: 'vat_rate', entityId: created.id, action: 'create', after: created } };
    });
  }

  /* Work types */

  async function listWorkTypes(ctx: RequestContext, active: ActiveFilter): Promise<WorkType[]> {
    requireCatalogueRead(ctx);
    return repo.listWorkTypes(db, { active });
  }

  async function createWorkType(ctx: RequestContext, input: NewWorkType): Promise<WorkType> {
    requireManage(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      if ((await repo.listWorkTypes(trx, { code: input.code })).length) throw duplicate('code', `A work type with code "${input.code}" already exists`);
      const values = { ...input, nameCs: input.nameCs ?? null, nameSk: input.nameSk ?? null, nameEn: input.nameEn ?? null };
      const created = (await repo.findWorkType(trx, await repo.insertWorkType(trx, values, at)))!;
      return { result: created, audit: { entity: 'work_type', entityId: created.id, action: 'create', after: created } };
    });
  }

  async function updateWorkType(ctx: RequestContext, id: number, patch: WorkTypePatch): Promise<WorkType> {
    requireManage(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const before = await repo.findWorkType(trx, id);
      if (!before) throw notFound('Work type');
      const values = merged(before, patch);
      if (values.code !== before.code && (await repo.listWorkTypes(trx, { code: values.code })).length) {
        throw duplicate('code', `A work type with code "${values.code}" already exists`);
      }
      await repo.updateWorkType(trx, id, values, at);
      const after = (await repo.findWorkType(trx, id))!;
      return { result: after, audit: { entity: 'work_type', entityId: id, action: 'update', before, after } };
    });
  }

  /* Technician levels and travel zones: the same shape */

  function simpleArea(table: 'technician_levels' | 'travel_zones', entity: string, label: string) {
    return {
      async list(ctx: RequestContext, active: ActiveFilter): Promise<TechnicianLevel[]> {
        requireCatalogueRead(ctx);
        return repo.listSimple(db, table, { active });
      },
      async create(ctx: RequestContext, input: NewCoded): Promise<TechnicianLevel> {
        requireManage(ctx);
        return auditedChange(deps, ctx, async (trx, at) => {
          if ((await repo.listSimple(trx, table, { code: input.code })).length) throw duplicate('code', `A ${label} with code "${input.code}" already exists`);
          const created = (await repo.findSimple(trx, table, await repo.insertSimple(trx, table, input, at)))!;
          return { result: created, audit: { entity, entityId: created.id, action: 'create', after: created } };
        });
      },
      async update(ctx: RequestContext, id: number, patch: CodedPatch): Promise<TechnicianLevel> {
        requireManage(ctx);
        return auditedChange(deps, ctx, async (trx, at) => {
          const before = await repo.findSimple(trx, table, id);
          if (!before) throw notFound(label.charAt(0).toUpperCase() + label.slice(1));
          const values = merged(before, patch);
          if (values.code !== before.code && (await repo.listSimple(trx, table, { code: values.code })).length) {
            throw duplicate('code', `A ${label} with code "${values.code}" already exists`);
          }
          await repo.updateSimple(trx, table, id, values, at);
          const after = (await repo.findSimple(trx, table, id))!;
          return { result: after, audit: { entity, entityId: id, action: 'update', before, after } };
        });
      },
    };
  }

  /* Unit fees */

  async function listUnitFees(ctx: RequestContext, active: ActiveFilter): Promise<UnitFee[]> {
    requireCatalogueRead(ctx);
    return repo.listUnitFees(db, { active });
  }

  async function createUnitFee(ctx: RequestContext, input: NewUnitFee): Promise<UnitFee> {
    requireManage(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      if ((await repo.listUnitFees(trx, { code: input.code })).length) throw duplicate('code', `A unit fee with code "${input.code}" already exists`);
      const created = (await repo.findUnitFee(trx, await repo.insertUnitFee(trx, input, at)))!;
      return { result: created, audit: { entity: 'unit_fee', entityId: created.id, action: 'create', after: created } };
    });
  }

  async function updateUnitFee(ctx: RequestContext, id: number, patch: UnitFeePatch): Promise<UnitFee> {
    requireManage(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const before = await repo.findUnitFee(trx, id);
      if (!before) throw notFound('Unit fee');
      const values = merged(before, patch);
      if (values.code !== before.code && (await repo.listUnitFees(trx, { code: values.code })).length) {
        throw duplicate('code', `A unit fee with code "${values.code}" already exists`);
      }
      await repo.updateUnitFee(trx, id, values, at);
      const after = (await repo.findUnitFee(trx, id))!;
      return { result: after, audit: { entity: 'unit_fee', entityId: id, action: 'update', before, after } };
    });
  }

  return {
    listVatRates,
    createVatRate,
    listWorkTypes,
    createWorkType,
    updateWorkType,
    levels: simpleArea('technician_levels', 'technician_level', 'technician level'),
    zones: simpleArea('travel_zones', 'travel_zone', 'travel zone'),
    listUnitFees,
    createUnitFee,
    updateUnitFee,
  };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
