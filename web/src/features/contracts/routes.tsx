import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/auth/guards';

// Contracts (contracts.read sees, contracts.manage changes), loaded on demand; router.tsx spreads these into the shell's children.
const ContractsListPage = lazy(() => import('./ContractsListPage'));
const ContractDetailPage = lazy(() => import('./ContractDetailPage'));
const ContractFormPage = lazy(() => import('./ContractFormPage'));

export const contractsRoutes: RouteObject[] = [
  { path: 'contracts', element: <RequirePermission permission="contracts.read"><ContractsListPage /></RequirePermission> },
  { path: 'contracts/new', element: <RequirePermission permission="contracts.manage"><ContractFormPage /></RequirePermission> },
  { path: 'contracts/:id', element: <RequirePermission permission="contracts.read"><ContractDetailPage /></RequirePermission> },
  { path: 'contracts/:id/edit', element: <RequirePermission permission="contracts.manage"><ContractFormPage /></RequirePermission> },
];
