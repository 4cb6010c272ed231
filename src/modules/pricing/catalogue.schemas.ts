import { z } from 'zod';
import { isoDateSchema } from '../../platform/http/schemas.ts';
import { code, country, name, nameInLanguage, vatCategory } from './common.schemas.ts';

/* VAT rates: a change of rate is a new row valid from a new date, never an edit. */

export const newVatRateBody = z.strictObject({
  country,
  category: vatCategory,
  /** Basis points: 2100 = 21 %. */
  rateBp: z.number().int().min(0).max(10_000),
  validFrom: isoDateSchema,
  /** Only when the category itself ends (otherwise the next row's validFrom ends it). */
  validTo: isoDateSchema.nullable().default(null),
});
export const vatRateQuery = z.strictObject({ country: country.optional() });
export const vatRateSchema = z.object({
  id: z.number(),
  country: z.string(),
  category: vatCategory,
  rateBp: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

/* Work types */

/** The name printed on client documents in each language (invoice lines, work report); null: `name` prints. */
const workTypeNames = {
  nameCs: nameInLanguage.describe('The name on Czech documents; empty or null: `name` prints'),
  nameSk: nameInLanguage.describe('The name on Slovak documents; empty or null: `name` prints'),
  nameEn: nameInLanguage.describe('The name on English documents; empty or null: `name` prints'),
};

export const newWorkTypeBody = z.strictObject({
  code,
  name,
  nameCs: workTypeNames.nameCs.transform((v) => v ?? null),
  nameSk: workTypeNames.nameSk.transform((v) => v ?? null),
  nameEn: workTypeNames.nameEn.transform((v) => v ?? null),
  vatCategory: vatCategory.default('standard'),
  billableDefault: z.boolean().default(true),
  /** Used when the price list sets no minimum for the work type. */
  minimumMinutes: z.number().int().min(0).max(1440).default(0),
  active: z.boolean().default(true),
});
export const workTypePatchBody = z.strictObject({
  code: code.optional(),
  name: name.optional(),
  ...workTypeNames,
  vatCategory: vatCategory.optional(),
  billableDefault: z.boolean().optional(),
  minimumMinutes: z.number().int().min(0).max(1440).optional(),
  active: z.boolean().optional(),
});
export const workTypeSchema = z.object({
  id: z.number(),
  code: z.string(),
  /** The default name: staff screens, and documents in a language with no name of its own. */
  name: z.string(),
  nameCs: z.string().nullable(),
  nameSk: z.string().nullable(),
  nameEn: z.string().nullable(),
  vatCategory,
  billableDefault: z.boolean(),
  minimumMinutes: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/* Technician levels and travel zones: a code and a name */

export const newCodedBody = z.strictObject({ code, name, active: z.boolean().default(true) });
export const codedPatchBody = z.strictObject({ code: code.optional(), name: name.optional(), active: z.boolean().optional() });
export const codedSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/* Unit fees */

const unit = z.string().trim().min(1).max(20);
export const newUnitFeeBody = z.strictObject({
  code,
  name,
  /** What one unit is: 'pc', 'visit', 'month' … */
  unit,
  vatCategory: vatCategory.default('standard'),
  active: z.boolean().default(true),
});
export const unitFeePatchBody = z.strictObject({
  code: code.optional(),
  name: name.optional(),
  unit: unit.optional(),
  vatCategory: vatCategory.optional(),
  active: z.boolean().optional(),
});
export const unitFeeSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  vatCategory,
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type NewVatRate = z.infer<typeof newVatRateBody>;
export type VatRate = z.infer<typeof vatRateSchema>;
type WorkTypeNameField = keyof typeof workTypeNames;
/** A new work type as the service takes it: the names per language may be left out (none). */
export type NewWorkType = Omit<z.infer<typeof newWorkTypeBody>, WorkTypeNameField> & Partial<Pick<z.infer<typeof newWorkTypeBody>, WorkTypeNameField>>;
export type WorkTypePatch = z.infer<typeof workTypePatchBody>;
export type WorkType = z.infer<typeof workTypeSchema>;
export type NewCoded = z.infer<typeof newCodedBody>;
export type CodedPatch = z.infer<typeof codedPatchBody>;
export type TechnicianLevel = z.infer<typeof codedSchema>;
export type TravelZone = z.infer<typeof codedSchema>;
export type NewUnitFee = z.infer<typeof newUnitFeeBody>;
export type UnitFeePatch = z.infer<typeof unitFeePatchBody>;
export type UnitFee = z.infer<typeof unitFeeSchema>;
