import { z } from 'zod';
import { code, id, name, sortOrder, uniqueName } from './common.schemas.ts';

const categoryName = uniqueName('category', { among: ' under the same parent' });
const valueName = uniqueName('value', { among: ' of the dimension' });
import { CUSTOM_FIELD_KINDS } from './domain/index.ts';

/* Categories */

export const newCategoryBody = z.strictObject({ parentId: id.nullable().default(null), name: categoryName, active: z.boolean().default(true) });
export const categoryPatchBody = z.strictObject({ parentId: id.nullable().optional(), name: categoryName.optional(), active: z.boolean().optional() });
export const categorySchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  path: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/* Dimensions and their values */

export const newDimensionValueBody = z.strictObject({ code, name: valueName, active: z.boolean().default(true) });
export const dimensionValuePatchBody = z.strictObject({ code: code.optional(), name: valueName.optional(), active: z.boolean().optional() });
export const newDimensionBody = z.strictObject({
  code,
  name,
  active: z.boolean().default(true),
  // Values listed together: two alike are a 400 duplicate on values.N.name, not a 409.
  values: z.array(z.strictObject({ code, name, active: z.boolean().default(true) })).max(500).default([]),
});
export const dimensionPatchBody = z.strictObject({ code: code.optional(), name: name.optional(), active: z.boolean().optional() });

export const dimensionValueSchema = z.object({
  id: z.number(),
  dimensionId: z.number(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const dimensionSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  values: z.array(dimensionValueSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/* Custom fields */

const fieldKey = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[a-z][A-Za-z0-9_]*$/, 'letters, digits and _ , starting with a lower-case letter');
const kind = z.enum(CUSTOM_FIELD_KINDS);
const options = z.array(z.string().trim().min(1).max(100)).max(200);

export const newCustomFieldBody = z.strictObject({
  /** null: the field applies to every ticket type. */
  typeId: id.nullable().default(null),
  key: fieldKey,
  label: name,
  kind,
  options: options.default([]),
  required: z.boolean().default(false),
  sortOrder: sortOrder.min(0).default(0).describe('Position among the fields, from 0 up (smaller first); negative is refused (400 too_small)'),
  active: z.boolean().default(true),
});
export const customFieldPatchBody = z.strictObject({
  label: name.optional(),
  kind: kind.optional(),
  options: options.optional(),
  required: z.boolean().optional(),
  sortOrder: sortOrder.min(0).optional().describe('Position among the fields, from 0 up (smaller first); negative is refused (400 too_small)'),
  active: z.boolean().optional(),
});
export const customFieldQuery = z.strictObject({
  /** A type's own fields and the global ones; omitted: every field. */
  typeId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  active: z.enum(['true', 'false', 'all']).default('all'),
});
export const customFieldSchema = z.object({
  id: z.number(),
  typeId: z.number().nullable(),
  key: z.string(),
  label: z.string(),
  kind,
  options: z.array(z.string()),
  required: z.boolean(),
  sortOrder: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type NewCategory = z.infer<typeof newCategoryBody>;
export type CategoryPatch = z.infer<typeof categoryPatchBody>;
export type Category = z.infer<typeof categorySchema>;
export type NewDimension = z.infer<typeof newDimensionBody>;
export type DimensionPatch = z.infer<typeof dimensionPatchBody>;
export type NewDimensionValue = z.infer<typeof newDimensionValueBody>;
export type DimensionValuePatch = z.infer<typeof dimensionValuePatchBody>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type DimensionValue = z.infer<typeof dimensionValueSchema>;
export type NewCustomField = z.infer<typeof newCustomFieldBody>;
export type CustomFieldPatch = z.infer<typeof customFieldPatchBody>;
export type CustomFieldQuery = z.infer<typeof customFieldQuery>;
export type CustomField = z.infer<typeof customFieldSchema>;
