// The warehouse API: items, warehouses, stock documents (receipts, transfers, issue slips,
// returns, counts), stock levels and minimums, the movement ledger and numbering series.
// Money fields for costs are absent for roles without the costs field scope: they are optional here.
import { keepPreviousData, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, buildUrl, type Page } from '../../app/api/client';
import { useInvalidateWithAudit } from '../../app/api/invalidate';
import type { VatCategory } from '../pricing/catalogueApi';
import type { TicketCount } from '../tickets/ticketCount';

export type DocumentKind = 'receipt' | 'transfer' | 'issue' | 'return' | 'count';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['receipt', 'transfer', 'issue', 'return', 'count'];
export type DocumentState = 'draft' | 'confirmed';
export type WarehouseKind = 'store' | 'van';

interface Ref {
  id: number;
  name: string;
}
interface Coded extends Ref {
  code: string;
}


export interface Item {
  id: number;
  code: string;
  name: string;
  ean: string | null;
  unit: string;
  vatCategory: VatCategory;
  /** Default sale price per unit (minor units); only with the prices field scope; null = none. */
  salePriceMinor?: number | null;
  serialTracking: boolean;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ItemInput {
  code: string;
  name: string;
  ean: string | null;
  unit: string;
  vatCategory: VatCategory;
  salePriceMinor: number | null;
  serialTracking: boolean;
  active: boolean;
}

export interface Warehouse {
  id: number;
  code: string;
  name: string;
  kind: WarehouseKind;
  ownerUserId: number | null;
  ownerName: string | null;
  /** Users granted this warehouse besides its owner (managers use all). */
  userIds: number[];
  active: boolean;
  /** The signed-in user may move stock in it. */
  canUse: boolean;
  /** It is the signed-in user's default warehouse. */
  isMyDefault: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface WarehouseInput {
  code: string;
  name: string;
  kind: WarehouseKind;
  ownerUserId: number | null;
  userIds: number[];
  active: boolean;
}

export interface DocumentLine {
  id: number;
  position: number;
  itemId: number;
  itemCode: string;
  itemName: string;
  unit: string;
  /** Decimal text, e.g. "2" or "1.5". */
  quantity: string;
  /** Receipts: purchase price per unit; only with the costs field scope. */
  unitPriceMinor?: number | null;
  /** Value moved at weighted-average cost, set on confirm; only with the costs field scope. */
  costMinor?: number | null;
  serials: string[];
  /** Issue slips and returns: the material record on the ticket. */
  recordId: number | null;
}

export interface StockDocument {
  id: number;
  kind: DocumentKind;
  state: DocumentState;
  /** Given on confirm from the kind's numbering series. */
  number: string | null;
  date: string;
  warehouse: Coded;
  targetWarehouse: Coded | null;
  ticket: { id: number; number: string; subject: string } | null;
  clientId: number | null;
  supplier: string | null;
  supplierDocumentNumber: string | null;
  returnsDocumentId: number | null;
  reason: string | null;
  note: string | null;
  createdBy: Ref | null;
  confirmedBy: Ref | null;
  confirmedAt: string | null;
  /** Only with the costs field scope. */
  totalCostMinor?: number | null;
  /** Confirmed issue slips and returns: the currency their costs are kept in (costs field scope); null otherwise. */
  costCurrency?: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** On the detail; lists leave them out. */
  lines?: DocumentLine[];
}

export interface NewLine {
  itemId: number;
  quantity: string;
  unitPriceMinor?: number;
  serials?: string[];
}

export interface DocumentInput {
  kind: DocumentKind;
  date: string;
  warehouseId: number;
  targetWarehouseId?: number;
  ticketId?: number;
  supplier?: string;
  supplierDocumentNumber?: string;
  returnsDocumentId?: number;
  reason?: string;
  note?: string;
  lines: NewLine[];
  confirm?: boolean;
}

export interface StockLevel {
  warehouseId: number;
  warehouseName: string;
  itemId: number;
  itemCode: string;
  itemName: string;
  unit: string;
  quantity: string;
  minimum: string | null;
  belowMinimum: boolean;
  /** Only with the costs field scope. */
  averageCostMinor?: number | null;
  valueMinor?: number;
}

export interface Movement {
  id: number;
  date: string;
  warehouseId: number;
  documentId: number;
  documentKind: DocumentKind;
  documentNumber: string | null;
  /** Signed: in positive, out negative. */
  quantity: string;
  /** Running balance of the item in that warehouse after the movement. */
  balance: string;
  /** Signed value moved and the running stock value (costs field scope). */
  valueMinor?: number;
  balanceValueMinor?: number;
  createdAt: string;
}

export interface NumberingSeries {
  /** invoice, credit_note, issue_slip, return_slip, receipt, transfer, stock_count */
  documentType: string;
  pattern: string;
  /** This year's counter: the last sequence number taken. */
  year: number;
  lastSequence: number;
  /** What the next number will be; null when the pattern has no room left. */
  nextNumber: string | null;
  updatedAt: string;
}

export interface DocumentFilters {
  kind: DocumentKind;
  state?: DocumentState | null;
  warehouseId?: number | null;
  ticketId?: number | null;
}

export const warehouseKeys = {
  all: ['warehouse'] as const,
  items: (q: string, active: string) => ['warehouse', 'items', q, active] as const,
  item: (id: number) => ['warehouse', 'item', id] as const,
  warehouses: ['warehouse', 'warehouses'] as const,
  documents: (f: DocumentFilters) => ['warehouse', 'documents', f] as const,
  document: (id: number) => ['warehouse', 'document', id] as const,
  ticketSlips: (ticketId: number) => ['warehouse', 'ticket-slips', ticketId] as const,
  levels: (f: LevelFilters) => ['warehouse', 'levels', f] as const,
  belowMinimumCount: ['warehouse', 'levels', 'count', { belowMinimum: true }] as const,
  ledger: (itemId: number, warehouseId: number | null) => ['warehouse', 'ledger', itemId, warehouseId] as const,
  itemLevels: (itemId: number) => ['warehouse', 'levels', 'item', itemId] as const,
  numbering: ['numbering-series'] as const,
  valuation: ['warehouse', 'valuation'] as const,
};

/** Any stock change refreshes every warehouse list, the ticket's records (material) and the audit log. */
const useInvalidateWarehouse = () => useInvalidateWithAudit(warehouseKeys.all, ['records']);

// ---- items ----

export function useItems(q: string, active: 'true' | 'false' | 'all' = 'all') {
  return useInfiniteQuery({
    queryKey: warehouseKeys.items(q, active),
    queryFn: ({ pageParam, signal }) => api.get<Page<Item>>('/items', { q: q.trim() || undefined, active, limit: 50, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Items matching what was typed or scanned (code, name, EAN): the first page, for pickers. */
export function searchItems(q: string, signal?: AbortSignal): Promise<Item[]> {
  return api.get<Page<Item>>('/items', { q: q.trim() || undefined, active: 'true', limit: 20 }, signal).then((r) => r.items);
}

export function useItem(id: number) {
  return useQuery({
    queryKey: warehouseKeys.item(id),
    queryFn: ({ signal }) => api.get<Item>(`/items/${id}`, undefined, signal),
    enabled: Number.isFinite(id) && id > 0,
  });
}

export function useSaveItem() {
  const onSuccess = useInvalidateWarehouse();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: Partial<ItemInput> }) => (id === null ? api.post<Item>('/items', body) : api.patch<Item>(`/items/${id}`, body)),
    onSuccess,
  });
}

// ---- warehouses ----

export function useWarehouses() {
  return useQuery({
    queryKey: warehouseKeys.warehouses,
    queryFn: ({ signal }) => api.get<{ items: Warehouse[] }>('/warehouses', undefined, signal).then((r) => r.items),
  });
}

export function useSaveWarehouse() {
  const onSuccess = useInvalidateWarehouse();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: Partial<WarehouseInput> }) =>
      id === null ? api.post<Warehouse>('/warehouses', body) : api.patch<Warehouse>(`/warehouses/${id}`, body),
    onSuccess,
  });
}

export function useSetMyDefaultWarehouse() {
  const onSuccess = useInvalidateWarehouse();
  return useMutation({
    mutationFn: (warehouseId: number) => apiRequest<unknown>('/users/me/default-warehouse', { method: 'PUT', body: { warehouseId } }),
    onSuccess,
  });
}

// ---- stock documents ----

const documentQuery = (f: DocumentFilters) => ({
  kind: f.kind, state: f.state ?? undefined, warehouseId: f.warehouseId ?? undefined, ticketId: f.ticketId ?? undefined,
});

export function useDocuments(f: DocumentFilters) {
  return useInfiniteQuery({
    queryKey: warehouseKeys.documents(f),
    queryFn: ({ pageParam, signal }) => api.get<Page<StockDocument>>('/stock-documents', { ...documentQuery(f), limit: 50, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** The ticket's issue slips and returns with their lines (the list leaves lines out), newest first. */
export function useTicketSlips(ticketId: number, enabled = true) {
  return useQuery({
    queryKey: warehouseKeys.ticketSlips(ticketId),
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<StockDocument>>('/stock-documents', { ticketId, limit: 100 }, signal);
      const slips = page.items.filter((d) => d.kind === 'issue' || d.kind === 'return');
      const full = await Promise.all(slips.map((d) => api.get<StockDocument>(`/stock-documents/${d.id}`, undefined, signal)));
      return full.sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
    },
    enabled,
  });
}

export function useDocument(id: number) {
  return useQuery({
    queryKey: warehouseKeys.document(id),
    queryFn: ({ signal }) => api.get<StockDocument>(`/stock-documents/${id}`, undefined, signal),
    enabled: Number.isFinite(id) && id > 0,
  });
}

export function useCreateDocument() {
  const onSuccess = useInvalidateWarehouse();
  return useMutation({ mutationFn: (body: DocumentInput) => api.post<StockDocument>('/stock-documents', body), onSuccess });
}

export function useUpdateDocument() {
  const onSuccess = useInvalidateWarehouse();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: Partial<Omit<DocumentInput, 'kind' | 'confirm'>> }) =>
      api.patch<StockDocument>(`/stock-documents/${id}`, body),
    onSuccess,
  });
}

export function useDeleteDocument() {
  const onSuccess = useInvalidateWarehouse();
  return useMutation({ mutationFn: (id: number) => api.delete(`/stock-documents/${id}`), onSuccess });
}

export function useConfirmDocument() {
  const onSuccess = useInvalidateWarehouse();
  return useMutation({ mutationFn: (id: number) => api.post<StockDocument>(`/stock-documents/${id}/confirm`), onSuccess });
}

/** The printable slip (PDF, in the client's language). It shows costs: only roles with the costs field scope may open it. */
export function documentPdfUrl(id: number): string {
  return buildUrl(`/stock-documents/${id}/pdf`);
}

// ---- stock levels and the ledger ----

export interface LevelFilters {
  warehouseId?: number | null;
  itemId?: number | null;
  belowMinimum?: boolean;
  q?: string;
}

export function useStockLevels(f: LevelFilters) {
  return useInfiniteQuery({
    queryKey: warehouseKeys.levels(f),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<StockLevel>>('/stock-levels', {
        warehouseId: f.warehouseId ?? undefined, itemId: f.itemId ?? undefined, belowMinimum: f.belowMinimum ? 'true' : undefined,
        q: f.q?.trim() || undefined, limit: 100, cursor: pageParam,
      }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
    placeholderData: keepPreviousData,
  });
}

/**
 * How many stock levels are below their minimum (GET /stock-levels/count, capped like the
 * ticket counts): the home page's card and the Warehouse menu item's badge share it. Under
 * the warehouse's keys, so any stock change or new minimum refreshes it at once; others'
 * changes show within a minute.
 */
export function useBelowMinimumCount(enabled: boolean) {
  return useQuery({
    queryKey: warehouseKeys.belowMinimumCount,
    queryFn: ({ signal }) => api.get<TicketCount>('/stock-levels/count', { belowMinimum: 'true' }, signal),
    refetchInterval: 60_000,
    enabled,
  });
}

/**
 * The currency stock is valued in (average costs, stock values, purchase prices, document
 * costs) and items' own sale prices are in: the provider's, CZK in CZ and EUR in SK, as the
 * server names it; null while it loads (or when not `enabled`: without warehouse.read).
 */
export function useStockCurrency(enabled = true): string | null {
  const q = useQuery({
    enabled,
    queryKey: warehouseKeys.valuation,
    queryFn: ({ signal }) => api.get<{ currency: string }>('/stock-valuation', undefined, signal).then((r) => r.currency),
    staleTime: 5 * 60_000,
  });
  return q.data ?? null;
}

const itemLevels = (itemId: number, signal: AbortSignal) => api.get<Page<StockLevel>>('/stock-levels', { itemId, limit: 200 }, signal).then((r) => r.items);

/** What is in stock of one item in each warehouse ("2 in the van"). */
export function useItemLevels(itemId: number | null) {
  return useQuery({
    queryKey: warehouseKeys.itemLevels(itemId ?? 0),
    queryFn: ({ signal }) => itemLevels(itemId ?? 0, signal),
    enabled: itemId !== null,
  });
}

/**
 * What the records say of each of these items in one warehouse (a count form's "on record"),
 * from the same per-item stock as the ticket's issue form ("here in stock"), so the two share
 * what they load. An item with no stock there is recorded as 0; one still loading is absent.
 */
export function useRecordedStock(itemIds: readonly number[], warehouseId: number | null): Map<number, { quantity: string; valueMinor?: number }> {
  const ids = [...new Set(itemIds)];
  const results = useQueries({
    queries: ids.map((itemId) => ({
      queryKey: warehouseKeys.itemLevels(itemId),
      queryFn: ({ signal }: { signal: AbortSignal }) => itemLevels(itemId, signal),
      enabled: warehouseId !== null,
    })),
  });
  const recorded = new Map<number, { quantity: string; valueMinor?: number }>();
  ids.forEach((itemId, i) => {
    const levels = results[i]?.data;
    if (!levels || warehouseId === null) return;
    const here = levels.find((l) => l.warehouseId === warehouseId);
    recorded.set(itemId, here ? { quantity: here.quantity, ...(here.valueMinor !== undefined ? { valueMinor: here.valueMinor } : {}) } : { quantity: '0', valueMinor: 0 });
  });
  return recorded;
}

export function useSetMinimum() {
  const onSuccess = useInvalidateWarehouse();
  return useMutation({
    mutationFn: ({ warehouseId, itemId, minimum }: { warehouseId: number; itemId: number; minimum: string | null }) =>
      apiRequest<StockLevel>(`/stock-levels/${warehouseId}/${itemId}/minimum`, { method: 'PUT', body: { minimum } }),
    onSuccess,
  });
}

/** Every movement of the item (oldest first, as the running balance reads), paging through. */
export function useLedger(itemId: number, warehouseId: number | null) {
  return useQuery({
    queryKey: warehouseKeys.ledger(itemId, warehouseId),
    queryFn: async ({ signal }) => {
      const out: Movement[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Movement> = await api.get<Page<Movement>>(`/items/${itemId}/ledger`, { warehouseId: warehouseId ?? undefined, limit: 200, cursor }, signal);
        out.push(...page.items);
        cursor = page.nextCursor ?? null;
      } while (cursor && out.length < 10_000);
      return out;
    },
    enabled: Number.isFinite(itemId) && itemId > 0,
    placeholderData: keepPreviousData,
  });
}

// ---- numbering series ----

export function useNumberingSeries() {
  return useQuery({
    queryKey: warehouseKeys.numbering,
    queryFn: ({ signal }) => api.get<{ items: NumberingSeries[] }>('/numbering-series', undefined, signal).then((r) => r.items),
  });
}

export function useSaveNumberingSeries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ documentType, pattern }: { documentType: string; pattern: string }) =>
      apiRequest<NumberingSeries>(`/numbering-series/${encodeURIComponent(documentType)}`, { method: 'PUT', body: { pattern } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: warehouseKeys.numbering });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
