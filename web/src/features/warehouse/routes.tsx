import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequirePermission } from '../../app/auth/guards';
import { KIND_PATHS } from './model';

// Warehouse pages (warehouse.read sees; changes need warehouse.manage, stock.receive or stock.issue)
// and the numbering series (numbering.manage), loaded on demand. router.tsx spreads these into the shell's children.
const StockLevelsPage = lazy(() => import('./StockLevelsPage'));
const ItemsPage = lazy(() => import('./ItemsPage'));
const LedgerPage = lazy(() => import('./LedgerPage'));
const WarehousesPage = lazy(() => import('./WarehousesPage'));
const DocumentsPage = lazy(() => import('./DocumentsPage'));
const DocumentPage = lazy(() => import('./DocumentPage'));
const NumberingPage = lazy(() => import('../admin/numbering/NumberingPage'));

const page = (path: string, element: React.ReactNode): RouteObject => ({
  path: `warehouse/${path}`,
  element: <RequirePermission permission="warehouse.read">{element}</RequirePermission>,
});

export const warehouseRoutes: RouteObject[] = [
  { path: 'warehouse', element: <Navigate to="/warehouse/stock" replace /> },
  page('stock', <StockLevelsPage />),
  page('items', <ItemsPage />),
  page('items/:id', <LedgerPage />),
  page('warehouses', <WarehousesPage />),
  ...Object.values(KIND_PATHS).flatMap((path) => [page(path, <DocumentsPage />), page(`${path}/new`, <DocumentPage />)]),
  page('documents/:id', <DocumentPage />),
  { path: 'admin/numbering', element: <RequirePermission permission="numbering.manage"><NumberingPage /></RequirePermission> },
];
