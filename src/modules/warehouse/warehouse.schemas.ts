import { z } from 'zod';
import { isoDateSchema } from '../../platform/http/schemas.ts';
import { VAT_CATEGORIES } from '../pricing/index.ts';
import { MAX_QUANTITY_UNITS, MAX_UNIT_PRICE_MINOR } from './domain/quantities.ts';

/** The warehouse API's shapes. Quantities are decimal strings ("2", "1.5", at most 3 places); money in minor units. */

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** A price per unit: at most MAX_UNIT_PRICE_MINOR, so quantity × price stays exact. */
const minor = z.number().int().min(0).max(MAX_UNIT_PRICE_MINOR);
const text = (max: number) => z.string().trim().min(1).max(max);
/** Checked by the service (so every line's problem is named): a decimal string with at most 3 places, within the bound. */
const quantityText = z.string().max(30).describe(
  `Decimal string, "." as the decimal point, at most 3 decimal places, e.g. "2" or "1.5"; at most ${MAX_QUANTITY_UNITS} (quantity_too_large). ` +
  'Items counted in pieces or visits (unit pcs, piece, visit, ks, …) take whole numbers only (not_whole_units)',
);

export const paging = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};

/* Items */

const SALE_PRICE =
  "Default sale price per unit in minor units of the provider's currency (CZK in CZ, EUR in SK: GET /stock-valuation names it); " +
  "the price list's item price wins, and a price list in another currency never takes it: material it does not price itself stays without a price (no_item_price)";

export const itemSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  ean: z.string().nullable(),
  vatCategory: z.string().describe('VAT category (standard = 21 % in CZ); the rate follows the date of supply'),
  /** Only with the `prices` field scope. */
  salePriceMinor: z.number().nullable().optional().describe(SALE_PRICE),
  serialTracking: z.boolean(),
  active: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Item = z.infer<typeof itemSchema>;

export const newItemBody = z.strictObject({
  code: text(50),
  name: text(200),
  unit: text(20).describe('pcs, m, kg, hour …'),
  ean: z.string().trim().regex(/^\d{8}$|^\d{12,14}$/, 'an EAN/GTIN of 8, 12, 13 or 14 digits').nullable().optional(),
  vatCategory: z.enum(VAT_CATEGORIES).default('standard'),
  salePriceMinor: minor.nullable().optional().describe(SALE_PRICE),
  serialTracking: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type NewItem = z.output<typeof newItemBody>;
export const itemPatchBody = z.strictObject({
  code: text(50).optional(),
  name: text(200).optional(),
  unit: text(20).optional(),
  ean: newItemBody.shape.ean,
  vatCategory: z.enum(VAT_CATEGORIES).optional(),
  salePriceMinor: minor.nullable().optional().describe(SALE_PRICE),
  serialTracking: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type ItemPatch = z.output<typeof itemPatchBody>;
export const itemListQuery = z.strictObject({
  q: z.string().max(200).optional().describe('Searches code, name and EAN, case- and diacritics-insensitive'),
  active: z.enum(['true', 'false', 'all']).default('true'),
  ...paging,
});
export type ItemListQuery = z.output<typeof itemListQuery>;

/* Warehouses */

export const warehouseSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['store', 'van']),
  ownerUserId: z.number().nullable(),
  ownerName: z.string().nullable(),
  userIds: z.array(z.number()).describe('Users granted this warehouse (besides its owner; managers and administrators use all)'),
  active: z.boolean(),
  canUse: z.boolean().describe('Whether the caller may move stock in it'),
  isMyDefault: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Warehouse = z.infer<typeof warehouseSchema>;
export const newWarehouseBody = z.strictObject({
  code: text(50),
  name: text(200),
  kind: z.enum(['store', 'van']),
  ownerUserId: id.nullable().optional().describe('The technician whose van it is'),
  userIds: z.array(id).max(500).default([]),
  active: z.boolean().default(true),
});
export type NewWarehouse = z.output<typeof newWarehouseBody>;
export const warehousePatchBody = z.strictObject({
  code: text(50).optional(),
  name: text(200).optional(),
  kind: z.enum(['store', 'van']).optional(),
  ownerUserId: id.nullable().optional(),
  userIds: z.array(id).max(500).optional(),
  active: z.boolean().optional(),
});
export type WarehousePatch = z.output<typeof warehousePatchBody>;
export const defaultWarehouseBody = z.strictObject({ warehouseId: id });

/* Stock documents */

export const DOCUMENT_KINDS = ['receipt', 'transfer', 'issue', 'return', 'count'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const lineInput = z.strictObject({
  itemId: id,
  quantity: quantityText,
  unitPriceMinor: z.number().int().max(MAX_UNIT_PRICE_MINOR).optional().describe('Receipts: purchase price per unit (minor units, 0 or more). Counts: unit cost of stock found where none was'),
  serials: z.array(z.string().max(100)).max(10_000).optional().describe('Serial numbers, one per piece, for items with serial tracking'),
});
export type LineInput = z.output<typeof lineInput>;

export const documentBody = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS),
  date: isoDateSchema,
  warehouseId: id.describe('Receipt: where stock comes in; transfer: from where; issue: from where; return: where it comes back; count: which warehouse'),
  targetWarehouseId: id.nullable().optional().describe('Transfers: where stock goes'),
  ticketId: id.nullable().optional().describe('Issue slips: the ticket (and so the client) the material is for'),
  supplier: z.string().trim().max(200).nullable().optional(),
  supplierDocumentNumber: z.string().trim().max(100).nullable().optional(),
  returnsDocumentId: id.nullable().optional().describe('Returns: the confirmed issue slip the goods come back from'),
  reason: z.string().trim().max(500).nullable().optional().describe('Counts: why (required)'),
  note: z.string().trim().max(2000).nullable().optional(),
  lines: z.array(lineInput).min(1).max(500),
  confirm: z.boolean().default(false).describe('true: create and confirm in one request'),
});
export type DocumentInput = z.output<typeof documentBody>;
export const documentPatchBody = documentBody.omit({ kind: true, confirm: true }).partial().strict();
export type DocumentPatch = z.output<typeof documentPatchBody>;

const ref = z.object({ id: z.number(), code: z.string(), name: z.string() });
export const documentLineSchema = z.object({
  id: z.number(),
  position: z.number(),
  itemId: z.number(),
  itemCode: z.string(),
  itemName: z.string(),
  unit: z.string(),
  quantity: z.string(),
  /** Only with the `costs` field scope. */
  unitPriceMinor: z.number().nullable().optional().describe('Receipts: purchase price per unit (costs field scope)'),
  costMinor: z.number().nullable().optional().describe('Value moved, at weighted-average cost; set on confirm (costs field scope)'),
  serials: z.array(z.string()),
  recordId: z.number().nullable().describe('Issue slips and returns: the material record on the ticket'),
});
export const documentSchema = z.object({
  id: z.number(),
  kind: z.enum(DOCUMENT_KINDS),
  state: z.enum(['draft', 'confirmed']),
  number: z.string().nullable().describe('Given on confirm from the numbering series of the kind'),
  date: z.string(),
  warehouse: ref,
  targetWarehouse: ref.nullable(),
  ticket: z.object({ id: z.number(), number: z.string(), subject: z.string() }).nullable(),
  clientId: z.number().nullable(),
  supplier: z.string().nullable(),
  supplierDocumentNumber: z.string().nullable(),
  returnsDocumentId: z.number().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  createdBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  confirmedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  confirmedAt: z.string().nullable(),
  totalCostMinor: z.number().nullable().optional().describe('What its lines moved, on the list as on the detail; null for a draft (costs field scope)'),
  costCurrency: z.string().nullable().optional().describe(
    'Confirmed issue slips and returns: the currency their costs (costMinor, totalCostMinor) are kept in, that of their material records\' costs, ' +
    'which need not be the sale prices\' currency; null for drafts and other kinds of documents (costs field scope)',
  ),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lines: z.array(documentLineSchema).optional().describe('On the detail; the list leaves them out'),
});
export type StockDocument = z.infer<typeof documentSchema>;
export const documentListQuery = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS).optional(),
  state: z.enum(['draft', 'confirmed']).optional(),
  ticketId: z.coerce.number().int().positive().optional(),
  warehouseId: z.coerce.number().int().positive().optional(),
  ...paging,
});
export type DocumentListQuery = z.output<typeof documentListQuery>;

/* Stock levels and the ledger */

export const stockValuationSchema = z.object({
  currency: z.string().describe(
    "The currency stock is valued in (average costs, stock values, receipts' purchase prices, documents' costs) and items' own sale prices are in: the provider's, CZK in CZ, EUR in SK. " +
    'A confirmed issue slip or return names the one it was issued with (costCurrency)',
  ),
});
export type StockValuation = z.infer<typeof stockValuationSchema>;

export const stockLevelSchema = z.object({
  warehouseId: z.number(),
  warehouseName: z.string(),
  itemId: z.number(),
  itemCode: z.string(),
  itemName: z.string(),
  unit: z.string(),
  quantity: z.string(),
  minimum: z.string().nullable(),
  belowMinimum: z.boolean(),
  averageCostMinor: z.number().nullable().optional().describe('Per unit (costs field scope)'),
  valueMinor: z.number().optional().describe('Stock value at weighted-average cost (costs field scope)'),
});
export type StockLevel = z.infer<typeof stockLevelSchema>;
export const stockLevelQuery = z.strictObject({
  warehouseId: z.coerce.number().int().positive().optional(),
  itemId: z.coerce.number().int().positive().optional(),
  belowMinimum: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional(),
  ...paging,
});
export type StockLevelQuery = z.output<typeof stockLevelQuery>;
/** The most stock levels GET /stock-levels/count counts: above it the answer is this number, marked capped. */
export const STOCK_LEVEL_COUNT_CAP = 10_000;
/** The list's filters without its paging: what the count takes (belowMinimum=true: the home page's "below minimum"). */
export const stockLevelCountQuery = stockLevelQuery.omit({ limit: true, cursor: true });
export type StockLevelCountQuery = z.output<typeof stockLevelCountQuery>;
export const stockLevelCountSchema = z.object({
  count: z.number().int().nonnegative().describe(`How many stock levels the list with the same filters pages through; at most ${STOCK_LEVEL_COUNT_CAP}`),
  capped: z.boolean().describe(`true: more than ${STOCK_LEVEL_COUNT_CAP} levels match and \`count\` is ${STOCK_LEVEL_COUNT_CAP}; the count stops there rather than read every matching level`),
});
export type StockLevelCount = z.infer<typeof stockLevelCountSchema>;
export const minimumBody = z.strictObject({
  minimum: z.string().max(30).nullable().describe('Decimal string, 0 to 1 000 000 (whole numbers for items counted in pieces or visits); null removes the minimum'),
});
export const levelParams = z.strictObject({ warehouseId: z.coerce.number().int().positive(), itemId: z.coerce.number().int().positive() });

export const movementSchema = z.object({
  id: z.number(),
  date: z.string(),
  warehouseId: z.number(),
  documentId: z.number(),
  documentKind: z.enum(DOCUMENT_KINDS),
  documentNumber: z.string().nullable(),
  quantity: z.string().describe('Signed: stock in positive, out negative'),
  balance: z.string().describe('Running balance of the item in that warehouse after the movement'),
  valueMinor: z.number().optional().describe('Signed value moved (costs field scope)'),
  balanceValueMinor: z.number().optional().describe('Running stock value after the movement (costs field scope)'),
  createdAt: z.string(),
});
export type Movement = z.infer<typeof movementSchema>;
export const ledgerQuery = z.strictObject({ warehouseId: z.coerce.number().int().positive().optional(), ...paging });
export type LedgerQuery = z.output<typeof ledgerQuery>;
