import type { DbOrTx } from '../../platform/db/index.ts';
import { conflict, notFound, staleVersion } from '../../shared/errors.ts';
import type { RequestContext } from '../identity/index.ts';
import { auditedChange, duplicate, failIf, merged, requireManage, requireRead, unknownReference, type ActiveFilter, type PricingDeps } from './common.ts';
import * as repo from './price-lists.repo.ts';
import type { ClientPriceList, NewPriceList, NewVersion, PriceList, PriceListDetail, PriceListPatch, PriceListVersionRecord, VersionPatch } from './price-lists.schemas.ts';
import { compileProblems, termsProblems, toCoreVersion, type Terms } from './terms.ts';

const defaultRequired = () =>
  conflict('default_required', 'One price list must stay the default: make another list the default instead', [
    { path: 'isDefault', code: 'default_required', message: 'Make another price list the default instead' },
  ]);
const defaultInactive = () => failIf([{ path: 'active', code: 'default_inactive', message: 'The default price list must be active' }]);

async function checkedTerms(db: DbOrTx, list: PriceList, validFrom: string, terms: Terms): Promise<void> {
  failIf(await termsProblems(db, terms));
  failIf(compileProblems(toCoreVersion(list.id, validFrom, list.currency, terms)));
}

/** The client's own list, and the one its records are priced with: its own while active, else the default. */
async function clientPriceList(db: DbOrTx, clientId: number): Promise<ClientPriceList> {
  const priceListId = await repo.clientPriceListId(db, clientId);
  const own = priceListId === null ? null : await repo.findPriceList(db, priceListId);
  const effective = own?.active ? own : await repo.findDefaultPriceList(db);
  return { clientId, priceListId, effectivePriceListId: effective?.id ?? null };
}

/**
 * Price lists (exactly one default), their versions valid from a date with
 * validated terms, copying a version to a new date, and clients' lists. A change
 * of any version moves its list's `version` on: the list is one unit of concurrency.
 */
export function createPriceListsService(deps: PricingDeps) {
  const { db, customers } = deps;

  async function list(ctx: RequestContext, active: ActiveFilter): Promise<PriceList[]> {
    requireRead(ctx);
    return repo.listPriceLists(db, { active });
  }

  async function get(ctx: RequestContext, id: number): Promise<PriceListDetail> {
    requireRead(ctx);
    const found = await repo.findPriceList(db, id);
    if (!found) throw notFound('Price list');
    return { ...found, versions: await repo.listVersions(db, id) };
  }

  async function create(ctx: RequestContext, input: NewPriceList): Promise<PriceList> {
    requireManage(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      if ((await repo.listPriceLists(trx, { name: input.name })).length) throw duplicate('name', `A price list named "${input.name}" already exists`);
      // The first list is the default whatever the request says: there must be one.
      const isDefault = input.isDefault || !(await repo.findDefaultPriceList(trx));
      if (isDefault && !input.active) defaultInactive();
      const id = await repo.insertPriceList(trx, { ...input, isDefault }, at);
      if (isDefault) await repo.clearDefaultExcept(trx, id, at);
      const created = (await repo.findPriceList(trx, id))!;
      return { result: created, audit: { entity: 'price_list', entityId: id, action: 'create', after: created } };
    });
  }

  async function update(ctx: RequestContext, id: number, patch: PriceListPatch): Promise<PriceList> {
    requireManage(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const before = await repo.findPriceList(trx, id);
      if (!before) throw notFound('Price list');
      const { version, ...changes } = patch;
      const values = merged(before, changes);
      if (before.isDefault && !values.isDefault) throw defaultRequired();
      if (values.isDefault && !values.active) {
        if (before.isDefault) throw defaultRequired();
        defaultInactive();
      }
      if (values.currency !== before.currency && before.versions.length) {
        throw conflict('currency_locked', 'The currency of a price list with versions cannot change: its amounts are in that currency', [
          { path: 'currency', code: 'currency_locked', message: 'Create a new price list in the other currency' },
        ]);
      }
      if (values.name !== before.name && (await repo.listPriceLists(trx, { name: values.name })).length) {
        throw duplicate('name', `A price list named "${values.name}" already exists`);
      }
      if (!(await repo.updatePriceList(trx, id, version, values, at))) throw staleVersion('The price list');
      if (values.isDefault && !before.isDefault) await repo.clearDefaultExcept(trx, id, at);
      const after = (await repo.findPriceList(trx, id))!;
      return { result: after, audit: { entity: 'price_list', entityId: id, action: 'update', before, after } };
    });
  }

  async function createVersion(ctx: RequestContext, priceListId: number, input: NewVersion): Promise<PriceListVersionRecord> {
    requireManage(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const list = await repo.findPriceList(trx, priceListId);
      if (!list) throw notFound('Price list');
      if (await repo.versionExists(trx, priceListId, input.validFrom)) throw duplicate('validFrom', `The price list already has a version valid from ${input.validFrom}`);
      await checkedTerms(trx, list, input.validFrom, input.terms);
      const id = await repo.insertVersion(trx, priceListId, input.validFrom, input.terms, at);
      await repo.bumpPriceList(trx, priceListId, at);
      const created = (await repo.findVersion(trx, id))!;
      return { result: created, audit: { entity: 'price_list_version', entityId: id, action: 'create', after: created } };
    });
  }

  async function updateVersion(ctx: RequestContext, id: number, patch: VersionPatch): Promise<PriceListVersionRecord> {
    requireManage(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const before = await repo.findVersion(trx, id);
      if (!before) throw notFound('Price list version');
      const list = (await repo.findPriceList(trx, before.priceListId))!;
      const validFrom = patch.validFrom ?? before.validFrom;
      const terms = patch.terms ?? before.terms;
      if (validFrom !== before.validFrom) {
        if (await repo.versionExists(trx, list.id, validFrom, id)) throw duplicate('validFrom', `The price list already has a version valid from ${validFrom}`);
        if (await repo.recordsPricedWith(trx, list.id, before.validFrom)) throw versionInUse('validFrom');
      }
      await checkedTerms(trx, list, validFrom, terms);
      if (!(await repo.bumpPriceList(trx, list.id, at, patch.listVersion))) throw staleVersion('The price list');
      await repo.updateVersion(trx, id, validFrom, terms, at);
      const after = (await repo.findVersion(trx, id))!;
      return { result: after, audit: { entity: 'price_list_version', entityId: id, action: 'update', before, after } };
    });
  }

  async function deleteVersion(ctx: RequestContext, id: number): Promise<void> {
    requireManage(ctx);
    await auditedChange(deps, ctx, async (trx, at) => {
      const before = await repo.findVersion(trx, id);
      if (!before) throw notFound('Price list version');
      if (await repo.recordsPricedWith(trx, before.priceListId, before.validFrom)) throw versionInUse('');
      await repo.deleteVersion(trx, id);
      await repo.bumpPriceList(trx, before.priceListId, at);
      return { result: undefined, audit: { entity: 'price_list_version', entityId: id, action: 'delete', before } };
    });
  }

  /** The one action for "new prices from a date": the version's terms again, valid from another date. */
  async function copyVersion(ctx: RequestContext, id: number, validFrom: string): Promise<PriceListVersionRecord> {
    requireManage(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const source = await repo.findVersion(trx, id);
      if (!source) throw notFound('Price list version');
      if (await repo.versionExists(trx, source.priceListId, validFrom)) throw duplicate('validFrom', `The price list already has a version valid from ${validFrom}`);
      const newId = await repo.insertVersion(trx, source.priceListId, validFrom, source.terms, at);
      await repo.bumpPriceList(trx, source.priceListId, at);
      const created = (await repo.findVersion(trx, newId))!;
      return { result: created, audit: { entity: 'price_list_version', entityId: newId, action: 'copy', before: { copiedFrom: id, validFrom: source.validFrom }, after: created } };
    });
  }

  async function getClientPriceList(ctx: RequestContext, clientId: number): Promise<ClientPriceList> {
    requireRead(ctx);
    await customers.get(ctx, clientId); // record scope: not found unless the actor may see the client
    return clientPriceList(db, clientId);
  }

  async function setClientPriceList(ctx: RequestContext, clientId: number, priceListId: number | null): Promise<ClientPriceList> {
    requireManage(ctx);
    await customers.get(ctx, clientId);
    return auditedChange(deps, ctx, async (trx) => {
      if (priceListId !== null) {
        const target = await repo.findPriceList(trx, priceListId);
        if (!target) failIf([unknownReference('priceListId', 'The price list')]);
        if (target && !target.active) failIf([{ path: 'priceListId', code: 'inactive', message: 'The price list is deactivated' }]);
      }
      const before = await clientPriceList(trx, clientId);
      await repo.setClientPriceListId(trx, clientId, priceListId);
      const after = await clientPriceList(trx, clientId);
      return { result: after, audit: { entity: 'client', entityId: clientId, action: 'set_price_list', before, after } };
    });
  }

  return { list, get, create, update, createVersion, updateVersion, deleteVersion, copyVersion, getClientPriceList, setClientPriceList };
}

function versionInUse(path: string) {
  return conflict('version_in_use', 'Service records were priced with this version: its date cannot change and it cannot be deleted', [
    { path, code: 'version_in_use', message: 'Records were priced with this version' },
  ]);
}

export type PriceListsService = ReturnType<typeof createPriceListsService>;
