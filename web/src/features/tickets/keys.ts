// The keys of the ticket pages and dialogs, in one place: their handlers bind them by
// action and the "?" help lists them from here (app/components/shortcuts.ts).
import { defineShortcuts } from '../../app/components/shortcuts';

/**
 * The ticket list (TicketsListPage, SavedViewsMenu). The short labels are the line under
 * the list (ShortcutKeysHint), which names the keys bound there.
 */
export const TICKET_LIST_SHORTCUTS = defineShortcuts({
  id: 'ticket-list',
  title: 'tickets.shortcuts.list',
  shortcuts: [
    { action: 'next', keys: ['j'], label: 'tickets.shortcuts.next', short: 'tickets.shortcuts.short.next' },
    { action: 'previous', keys: ['k'], label: 'tickets.shortcuts.previous', short: 'tickets.shortcuts.short.previous' },
    { action: 'open', keys: ['Enter'], label: 'tickets.shortcuts.open', short: 'tickets.shortcuts.short.open' },
    { action: 'search', keys: ['/'], label: 'shortcuts.search', short: 'tickets.shortcuts.short.search' },
    { action: 'views', keys: ['v'], label: 'tickets.shortcuts.views', short: 'tickets.shortcuts.short.views' },
    // c as in mail clients' compose; n as on every other list (new client, new user, …).
    { action: 'create', keys: ['c', 'n'], label: 'tickets.shortcuts.create', short: 'tickets.shortcuts.short.create' },
  ],
});

/** A ticket (TicketDetailPage, TicketActions, ReplyBox). */
export const TICKET_DETAIL_SHORTCUTS = defineShortcuts({
  id: 'ticket-detail',
  title: 'tickets.shortcuts.detail',
  shortcuts: [
    { action: 'assignToMe', keys: ['a'], label: 'tickets.shortcuts.assignToMe' },
    { action: 'state', keys: ['s'], label: 'tickets.shortcuts.state' },
    { action: 'priority', keys: ['p'], label: 'tickets.shortcuts.priority' },
    { action: 'edit', keys: ['e'], label: 'tickets.shortcuts.edit' },
    { action: 'reply', keys: ['r'], label: 'tickets.shortcuts.reply' },
    { action: 'send', keys: ['mod+Enter'], label: 'tickets.shortcuts.send' },
  ],
});

/**
 * The ticket's dialogs: edit, priority, state change (EditTicketModal, PriorityModal,
 * TransitionModal bind it; TicketActions, which opens them, lists it in the ticket's help).
 */
export const TICKET_DIALOG_SHORTCUTS = defineShortcuts({
  id: 'ticket-dialog',
  title: 'tickets.shortcuts.dialog',
  shortcuts: [{ action: 'save', keys: ['mod+Enter'], label: 'tickets.shortcuts.saveDialog' }],
});

/** The new-ticket form (TicketCreatePage). */
export const TICKET_CREATE_SHORTCUTS = defineShortcuts({
  id: 'ticket-create',
  title: 'tickets.newTitle',
  shortcuts: [{ action: 'create', keys: ['mod+Enter'], label: 'tickets.shortcuts.createTicket' }],
});
