// The keys of the approval queue (ApprovalsPage): its handlers bind them by action and the
// "?" help lists them from here (app/components/shortcuts.ts).
import { defineShortcuts } from '../../app/components/shortcuts';

/**
 * The queue has no text search: "/" goes to its client filter, the field one narrows the
 * queue by most often, and the help says so (it said "Search the list").
 */
export const APPROVAL_SHORTCUTS = defineShortcuts({
  id: 'approvals',
  title: 'shortcuts.groups.page',
  shortcuts: [{ action: 'clientFilter', keys: ['/'], label: 'records.approvals.clientFilterKey' }],
});
