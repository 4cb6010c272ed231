import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequirePermission } from '../../app/auth/guards';

// Price lists and the pricing catalogue (pricing.read sees, pricing.manage changes), loaded on demand.
// router.tsx spreads these into the shell's children.
const PriceListsPage = lazy(() => import('./PriceListsPage'));
const PriceListPage = lazy(() => import('./PriceListPage'));
const PricePreviewPage = lazy(() => import('./PricePreviewPage'));
const WorkTypesPage = lazy(() => import('./WorkTypesPage'));
const LevelsPage = lazy(() => import('./CodedListPage').then((m) => ({ default: m.LevelsPage })));
const ZonesPage = lazy(() => import('./CodedListPage').then((m) => ({ default: m.ZonesPage })));
const UnitFeesPage = lazy(() => import('./UnitFeesPage'));
const VatRatesPage = lazy(() => import('./VatRatesPage'));
const CostRatesPage = lazy(() => import('./CostRatesPage'));
const TechniciansPage = lazy(() => import('./TechniciansPage'));

const READ = 'pricing.read';
const page = (path: string, element: React.ReactNode): RouteObject => ({
  path: `admin/pricing/${path}`,
  element: <RequirePermission permission={READ}>{element}</RequirePermission>,
});

export const pricingRoutes: RouteObject[] = [
  { path: 'admin/pricing', element: <Navigate to="/admin/pricing/lists" replace /> },
  page('lists', <PriceListsPage />),
  page('lists/:id', <PriceListPage />),
  page('preview', <PricePreviewPage />),
  page('work-types', <WorkTypesPage />),
  page('levels', <LevelsPage />),
  page('zones', <ZonesPage />),
  page('fees', <UnitFeesPage />),
  page('vat', <VatRatesPage />),
  page('costs', <CostRatesPage />),
  page('technicians', <TechniciansPage />),
];
