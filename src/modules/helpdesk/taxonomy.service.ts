import { conflict, notFound } from '../../shared/errors.ts';
import type { RequestContext } from '../identity/index.ts';
import { auditedChange, duplicate, failIf, merged, nameTaken, requireConfigure, requireRead, sameName, unknownReference, type HelpdeskDeps } from './common.ts';
import type { ActiveFilter } from './common.schemas.ts';
import { categoryPath, customFieldProblems, rewrittenPaths, wouldCycle } from './domain/index.ts';
import { findType } from './process.repo.ts';
import * as repo from './taxonomy.repo.ts';
import type * as t from './taxonomy.schemas.ts';

/** Categories (a tree), analytic dimensions with their values, and custom fields of tickets. */
export function createTaxonomyService(deps: HelpdeskDeps) {
  const { db } = deps;

  async function listCategories(ctx: RequestContext, active: ActiveFilter): Promise<t.Category[]> {
    requireRead(ctx);
    return repo.listCategories(db, active);
  }

  async function createCategory(ctx: RequestContext, input: t.NewCategory): Promise<t.Category> {
    requireConfigure(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const all = await repo.listCategories(trx);
      const parent = input.parentId === null ? null : all.find((c) => c.id === input.parentId);
      if (parent === undefined) failIf([unknownReference('parentId', 'The parent category')]);
      if (all.some((c) => c.parentId === input.parentId && sameName(c.name, input.name))) throw nameTaken('A category of this level', input.name);
      const created = await repo.insertCategory(trx, { ...input, path: categoryPath(parent?.path ?? null, input.name) }, at);
      return { result: created, audit: { entity: 'category', entityId: created.id, action: 'create', after: created } };
    });
  }

  /** Renames or moves a category; the paths of its whole subtree follow. */
  async function updateCategory(ctx: RequestContext, id: number, patch: t.CategoryPatch): Promise<t.Category> {
    requireConfigure(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const all = await repo.listCategories(trx);
      const before = all.find((c) => c.id === id);
      if (!before) throw notFound('Category');
      const values = merged(before, patch);
      if (values.parentId !== null && !all.some((c) => c.id === values.parentId)) failIf([unknownReference('parentId', 'The parent category')]);
      if (wouldCycle(all, id, values.parentId)) {
        failIf([{ path: 'parentId', code: 'category_cycle', message: 'A category cannot be moved under itself or its subcategory' }]);
      }
      // Only a changed name or parent is checked: twins from before this rule can still be edited, e.g. renamed apart.
      const renamedOrMoved = values.name !== before.name || values.parentId !== before.parentId;
      if (renamedOrMoved && all.some((c) => c.id !== id && c.parentId === values.parentId && sameName(c.name, values.name))) {
        throw nameTaken('A category of this level', values.name);
      }
      const paths = rewrittenPaths(all, id, values.parentId, values.name);
      const ownPath = paths.find((p) => p.id === id)?.path ?? before.path;
      await repo.updateCategory(trx, id, { ...values, path: ownPath }, at);
      for (const p of paths) if (p.id !== id) await repo.setCategoryPath(trx, p.id, p.path, at);
      const after = (await repo.findCategory(trx, id))!;
      return { result: after, audit: { entity: 'category', entityId: id, action: 'update', before, after } };
    });
  }

  async function listDimensions(ctx: RequestContext, active: ActiveFilter): Promise<t.Dimension[]> {
    requireRead(ctx);
    return repo.listDimensions(db, { active });
  }

  async function createDimension(ctx: RequestContext, input: t.NewDimension): Promise<t.Dimension> {
    requireConfigure(ctx);
    const codes = input.values.map((v) => v.code);
    failIf([
      ...codes.flatMap((code, i) => (codes.indexOf(code) !== i ? [{ path: `values.${i}.code`, code: 'duplicate', message: `Code "${code}" is listed twice` }] : [])),
      ...input.values.flatMap(({ name }, i) =>
        input.values.findIndex((other) => sameName(other.name, name)) !== i ? [{ path: `values.${i}.name`, code: 'duplicate', message: `Name "${name}" is listed twice` }] : [],
      ),
    ]);
    return auditedChange(deps, ctx, async (trx, at) => {
      if (await repo.findDimensionByCode(trx, input.code)) throw duplicate('code', `A dimension with code "${input.code}" already exists`);
      const id = await repo.insertDimension(trx, input, at);
      for (const v of input.values) await repo.insertValue(trx, id, v, at);
      const created = (await repo.findDimension(trx, id))!;
      return { result: created, audit: { entity: 'dimension', entityId: id, action: 'create', after: created } };
    });
  }

  async function updateDimension(ctx: RequestContext, id: number, patch: t.DimensionPatch): Promise<t.Dimension> {
    requireConfigure(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const before = await repo.findDimension(trx, id);
      if (!before) throw notFound('Dimension');
      const values = merged({ code: before.code, name: before.name, active: before.active }, patch);
      if (values.code !== before.code && (await repo.findDimensionByCode(trx, values.code))) {
        throw duplicate('code', `A dimension with code "${values.code}" already exists`);
      }
      await repo.updateDimension(trx, id, values, at);
      const after = (await repo.findDimension(trx, id))!;
      const strip = ({ values: _v, ...rest }: t.Dimension) => rest;
      return { result: after, audit: { entity: 'dimension', entityId: id, action: 'update', before: strip(before), after: strip(after) } };
    });
  }

  async function createValue(ctx: RequestContext, dimensionId: number, input: t.NewDimensionValue): Promise<t.DimensionValue> {
    requireConfigure(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const dimension = await repo.findDimension(trx, dimensionId);
      if (!dimension) throw notFound('Dimension');
      if (await repo.findValueByCode(trx, dimensionId, input.code)) throw duplicate('code', `The dimension has a value "${input.code}" already`);
      if (dimension.values.some((v) => sameName(v.name, input.name))) throw nameTaken('A value of this dimension', input.name);
      const created = await repo.insertValue(trx, dimensionId, input, at);
      return { result: created, audit: { entity: 'dimension_value', entityId: created.id, action: 'create', after: created } };
    });
  }

  async function updateValue(ctx: RequestContext, id: number, patch: t.DimensionValuePatch): Promise<t.DimensionValue> {
    requireConfigure(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const before = await repo.findValue(trx, id);
      if (!before) throw notFound('Dimension value');
      const values = merged(before, patch);
      if (values.code !== before.code && (await repo.findValueByCode(trx, before.dimensionId, values.code))) {
        throw duplicate('code', `The dimension has a value "${values.code}" already`);
      }
      // Only a changed name is checked: twins from before this rule can still be edited, e.g. renamed apart.
      if (values.name !== before.name) {
        const siblings = (await repo.findDimension(trx, before.dimensionId))?.values ?? [];
        if (siblings.some((v) => v.id !== id && sameName(v.name, values.name))) throw nameTaken('A value of this dimension', values.name);
      }
      const after = await repo.updateValue(trx, id, values, at);
      return { result: after, audit: { entity: 'dimension_value', entityId: id, action: 'update', before, after } };
    });
  }

  async function listFields(ctx: RequestContext, q: t.CustomFieldQuery): Promise<t.CustomField[]> {
    requireRead(ctx);
    return repo.listFields(db, q);
  }

  async function createField(ctx: RequestContext, input: t.NewCustomField): Promise<t.CustomField> {
    requireConfigure(ctx);
    failIf(customFieldProblems(input));
    return auditedChange(deps, ctx, async (trx, at) => {
      if (input.typeId !== null && !(await findType(trx, input.typeId))) failIf([unknownReference('typeId', 'The ticket type')]);
      if ((await repo.fieldsWithKey(trx, input.key, input.typeId)).length) {
        throw conflict('duplicate', `A field "${input.key}" already applies to this ticket type`, [
          { path: 'key', code: 'duplicate', message: input.typeId === null ? 'A ticket type has a field with this key' : 'The type or a global field has this key' },
        ]);
      }
      const created = await repo.insertField(trx, input, at);
      return { result: created, audit: { entity: 'custom_field', entityId: created.id, action: 'create', after: created } };
    });
  }

  async function updateField(ctx: RequestContext, id: number, patch: t.CustomFieldPatch): Promise<t.CustomField> {
    requireConfigure(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const before = await repo.findField(trx, id);
      if (!before) throw notFound('Custom field');
      // A field that no longer offers choices drops its options unless the request names them.
      const kindLosesOptions = patch.kind && patch.kind !== 'choice' && patch.kind !== 'multi_choice' && patch.options === undefined;
      const values = merged(before, kindLosesOptions ? { ...patch, options: [] } : patch);
      failIf(customFieldProblems(values));
      const after = await repo.updateField(trx, id, values, at);
      return { result: after, audit: { entity: 'custom_field', entityId: id, action: 'update', before, after } };
    });
  }

  return {
    listCategories,
    createCategory,
    updateCategory,
    listDimensions,
    createDimension,
    updateDimension,
    createValue,
    updateValue,
    listFields,
    createField,
    updateField,
  };
}

export type TaxonomyService = ReturnType<typeof createTaxonomyService>;
