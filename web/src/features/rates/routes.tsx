import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/auth/guards';

// The exchange-rate list (rates.read), loaded on demand. router.tsx spreads these into the shell's children.
const ExchangeRatesPage = lazy(() => import('./ExchangeRatesPage'));

export const ratesRoutes: RouteObject[] = [
  { path: 'admin/exchange-rates', element: <RequirePermission permission="rates.read"><ExchangeRatesPage /></RequirePermission> },
];
