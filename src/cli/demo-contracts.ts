import type { Services } from '../app.ts';
import { systemContext } from '../modules/identity/index.ts';

/**
 * A demo contract beside those of BILLING.md's examples: the bakery's
 * quarterly flat fee for remote support without prepaid minutes (covered
 * remote work is billed at 0, everything else as time and material), open-ended
 * from the start of 2026.
 */
export async function seedDemoFlatFeeContract(services: Services, clientId: number): Promise<void> {
  const ctx = systemContext;
  const workTypes = await services.pricing.catalogue.listWorkTypes(ctx, 'true');
  const remote = workTypes.find((w) => w.code === 'remote_support');
  await services.contracts.create(ctx, {
    clientId,
    number: 'PEK-2026-Q',
    name: 'Paušál vzdálené podpory',
    currency: 'CZK',
    validFrom: '2026-01-01',
    validTo: null,
    periodKind: 'quarter',
    priceListId: null,
    fee: { amountMinor: 4_500_00, vatRateBp: 2100, timing: 'in_advance', prorate: true },
    scope: { workTypeIds: remote ? [remote.id] : [], coversTravel: false, unitFeeIds: [] },
    prepaidMinutes: 0,
    carryOver: { enabled: false },
    multipliers: { byWorkType: {}, byTimeClass: {} },
    overage: { kind: 'entry_rate' },
    ownInvoice: false,
    alertClient: false,
    slaPolicyId: null,
    note: 'Vzdálená podpora v pracovní době je v paušálu.',
    active: true,
  });
}
