/**
 * Contracts (BILLING.md §3): terms per client (fee, scope, prepaid minutes,
 * carry-over, multipliers, overage pricing, SLA policy), the link of tickets
 * and their records to a contract, the prepaid ledger written by billing runs,
 * live consumption and the 80 % / 100 % prepaid alerts. Billing reads the
 * terms and writes the ledger through the functions below; the pure core is
 * re-exported.
 */
export { createContractsService, type ContractsService, type ContractsDeps } from './contracts.service.ts';
export { contractsRoutes } from './contracts.routes.ts';
export { createPrepaidAlerts, THRESHOLDS, type PrepaidAlerts, type AlertsResult, type AlertsLogger } from './contracts.alerts.ts';
export { billingContractsByIds, contractTermsForBilling, ledgerRow, saveLedgerRow, billingContractOf, termsChangedAfter, type BillingContract, type StoredLedgerRow, type ChangedTerms } from './contracts.billing.ts';
export { consumptionOf, openingLots, prepaidStanding, COUNTED_STATES, type PrepaidStanding, type PrepaidWork } from './contracts.consumption.ts';
export { contractForNewTicket, ticketContractId, contractPriceListFor, type TicketContractLink } from './contracts.links.ts';
export { toTerms } from './contracts.terms.ts';
export type { Contract, NewContract, ContractPatch, Consumption, ContractDetail, LedgerRowView, StaleDraft, TicketContract } from './contracts.schemas.ts';
export { chooseContractForTicket, type ContractCandidate } from './domain/choose-contract.ts';
export * from './domain/index.ts';
