import { notFound } from '../../shared/errors.ts';
import type { RequestContext } from '../identity/index.ts';
import { findSimple } from './catalogue.repo.ts';
import { auditedChange, duplicate, failIf, requireCosts, requireManage, requireRead, unknownReference, type PricingDeps } from './common.ts';
import * as repo from './costs.repo.ts';
import type { CostRate, CostRateKind, NewCostRate, PricingSettings, TechnicianSettings, TechnicianSettingsInput } from './costs.schemas.ts';

/**
 * Technician settings (level, auto-approval), internal cost rates (an hourly
 * cost per technician, a cost per km; each valid from a date) and the
 * provider's country. Costs are field scope: only roles that see costs read them.
 */
export function createCostsService(deps: PricingDeps) {
  const { db } = deps;

  async function listTechnicianSettings(ctx: RequestContext): Promise<TechnicianSettings[]> {
    requireRead(ctx);
    return repo.listTechnicianSettings(db);
  }

  async function setTechnicianSettings(ctx: RequestContext, userId: number, input: TechnicianSettingsInput): Promise<TechnicianSettings> {
    requireManage(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const [before] = await repo.listTechnicianSettings(trx, { userId });
      if (!before) throw notFound('Staff user');
      if (input.levelId !== null && input.levelId !== before.levelId) {
        const level = await findSimple(trx, 'technician_levels', input.levelId);
        if (!level) failIf([unknownReference('levelId', 'The technician level')]);
        if (level && !level.active) failIf([{ path: 'levelId', code: 'inactive', message: 'The technician level is deactivated' }]);
      }
      await repo.putTechnicianSettings(trx, userId, input, at);
      const [after] = await repo.listTechnicianSettings(trx, { userId });
      return { result: after!, audit: { entity: 'technician_settings', entityId: userId, action: 'update', before, after } };
    });
  }

  async function listCostRates(ctx: RequestContext, q: { kind?: CostRateKind | undefined; userId?: number | undefined }): Promise<CostRate[]> {
    requireCosts(ctx);
    return repo.listCostRates(db, q);
  }

  async function createCostRate(ctx: RequestContext, input: NewCostRate): Promise<CostRate> {
    requireManage(ctx);
    requireCosts(ctx);
    const userId = input.kind === 'hourly' ? input.userId : null;
    return auditedChange(deps, ctx, async (trx, at) => {
      if (userId !== null && !(await repo.listTechnicianSettings(trx, { userId })).length) failIf([unknownReference('userId', 'The staff user')]);
      const same = await repo.listCostRates(trx, { kind: input.kind, ...(userId === null ? {} : { userId }) });
      if (same.some((r) => r.userId === userId && r.validFrom === input.validFrom)) {
        throw duplicate('validFrom', `A ${input.kind} cost rate valid from ${input.validFrom} already exists`);
      }
      const currency = input.currency ?? repo.currencyOfCountry(await repo.providerCountry(trx));
      const created = await repo.insertCostRate(trx, { kind: input.kind, userId, amountMinor: input.amountMinor, currency, validFrom: input.validFrom }, at);
      return { result: created, audit: { entity: 'cost_rate', entityId: created.id, action: 'create', after: created } };
    });
  }

  /** For a rate entered by mistake; a change of cost is a new rate from a new date. */
  async function deleteCostRate(ctx: RequestContext, id: number): Promise<void> {
    requireManage(ctx);
    requireCosts(ctx);
    await auditedChange(deps, ctx, async (trx) => {
      const [before] = await repo.listCostRates(trx, { id });
      if (!before) throw notFound('Cost rate');
      await repo.deleteCostRate(trx, id);
      return { result: undefined, audit: { entity: 'cost_rate', entityId: id, action: 'delete', before } };
    });
  }

  async function settings(ctx: RequestContext): Promise<PricingSettings> {
    requireRead(ctx);
    return { providerCountry: await repo.providerCountry(db) };
  }

  async function setSettings(ctx: RequestContext, input: PricingSettings): Promise<PricingSettings> {
    requireManage(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const before = { providerCountry: await repo.providerCountry(trx) };
      await repo.putSetting(trx, repo.PROVIDER_COUNTRY_KEY, input.providerCountry, at);
      return { result: input, audit: { entity: 'setting', entityId: repo.PROVIDER_COUNTRY_KEY, action: 'update', before, after: input } };
    });
  }

  return { listTechnicianSettings, setTechnicianSettings, listCostRates, createCostRate, deleteCostRate, settings, setSettings };
}

export type CostsService = ReturnType<typeof createCostsService>;
