import { Button, Group, Menu, Tooltip } from '@mantine/core';
import { IconArrowRight, IconChevronDown, IconFlag, IconPencil, IconUserCheck } from '@tabler/icons-react';
import { type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth/AuthProvider';
import type { ActionOf } from '../../app/components/shortcuts';
import { useKeyboardScreen } from '../../app/components/useKeyboardScreen';
import { useListedDialogShortcuts, usePageShortcuts } from '../../app/components/useShortcuts';
import { type AllowedTransition, type Ticket, useTransition, useUpdateTicket } from './api';
import { useTicketTypes } from './configApi';
import { EditTicketModal } from './EditTicketModal';
import { TICKET_DETAIL_SHORTCUTS, TICKET_DIALOG_SHORTCUTS } from './keys';
import { categoryColor, stateLabel } from './labels';
import { PriorityModal } from './PriorityModal';
import { asksAnything, transitionAsks } from './transitionAsks';
import { TransitionModal } from './TransitionModal';
import { useTicketErrorHandler } from './useTicketErrors';
import { notify } from './notify';

/**
 * A quick action's key in its tooltip, as the ticket's registry binds it. Only where a keyboard
 * is likely, as every shortcut shown in Kontor: on a touch screen a tap opened the tooltip.
 */
function Shortcut({ label, action, children }: { label: string; action: ActionOf<typeof TICKET_DETAIL_SHORTCUTS>; children: ReactElement }) {
  const { t } = useTranslation();
  const keyboard = useKeyboardScreen();
  const key = TICKET_DETAIL_SHORTCUTS.shortcuts.find((s) => s.action === action)?.keys[0] ?? '';
  return (
    <Tooltip withArrow disabled={!keyboard} label={`${label} · ${t('tickets.actions.shortcut', { key: key.toUpperCase() })}`}>
      {children}
    </Tooltip>
  );
}

/** Quick actions: a assign to me, s state, p priority, e edit (shortcuts in the tooltips). */
export function TicketActions({ ticket, onStale }: { ticket: Ticket; onStale: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const canWrite = me.permissions.includes('tickets.write');
  const update = useUpdateTicket(ticket.id);
  const move = useTransition(ticket.id);
  const types = useTicketTypes();
  const handleError = useTicketErrorHandler(ticket.id, onStale);
  const [menuOpen, setMenuOpen] = useState(false);
  // Opened by its key, the menu starts on the first allowed transition (Enter takes it, arrows
  // move on); opened by a click, on none, as Mantine's menus do.
  const [menuByKey, setMenuByKey] = useState(false);
  const [pending, setPending] = useState<AllowedTransition | null>(null);
  const [dialog, setDialog] = useState<'priority' | 'edit' | null>(null);
  const mine = ticket.assignee?.id === me.id;
  const busy = update.isPending || move.isPending;
  const states = types.data?.find((ty) => ty.id === ticket.type.id)?.states ?? [];
  const stateName = (code: string) => stateLabel(t, { code, name: states.find((s) => s.code === code)?.name });
  // After a state change or taking the ticket, focus goes to the state button; after the priority
  // or edit dialog, to the button that opens it. What had it is gone (the menu item, the dialog,
  // opened by its key from the page) or disabled (the buttons while they work, "Take" once taken),
  // and the browser would drop focus to the page: the next Tab would start from the top.
  const stateButton = useRef<HTMLButtonElement>(null);
  const priorityButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState<'state' | 'priority' | 'edit' | null>(null);
  useEffect(() => {
    if (!refocus || busy) return;
    setRefocus(null);
    ({ state: stateButton, priority: priorityButton, edit: editButton })[refocus].current?.focus();
  }, [refocus, busy]);
  const closeDialog = () => {
    setRefocus(dialog);
    setDialog(null);
  };

  const assignToMe = () => {
    if (mine || busy) return;
    setRefocus('state');
    update.mutate(
      { version: ticket.version, assigneeId: me.id },
      { onSuccess: () => notify('green', t('tickets.actions.assigned')), onError: handleError },
    );
  };

  const runTransition = (transition: AllowedTransition) => {
    setMenuOpen(false);
    if (asksAnything(transitionAsks(transition))) {
      setPending(transition);
      return;
    }
    setRefocus('state');
    move.mutate(
      { version: ticket.version, toState: transition.toState },
      {
        onSuccess: (updated) => notify('green', t('tickets.transition.done', { state: stateLabel(t, updated.state) })),
        onError: (error) => {
          // Fields the server asks for that the process did not announce: ask for them.
          const missing = (error as { details?: { code: string; path: string }[] }).details?.filter((d) => d.code === 'required').map((d) => d.path) ?? [];
          if (missing.length) setPending({ ...transition, requiredFields: [...new Set([...transition.requiredFields, ...missing])] });
          else handleError(error);
        },
      },
    );
  };

  const openMenu = () => {
    setMenuByKey(true);
    setMenuOpen(true);
  };
  const menuChanged = (opened: boolean) => {
    setMenuByKey(false);
    setMenuOpen(opened);
  };

  usePageShortcuts(
    TICKET_DETAIL_SHORTCUTS,
    canWrite ? { assignToMe, state: openMenu, priority: () => setDialog('priority'), edit: () => setDialog('edit') } : {},
  );
  // Ctrl+Enter saves the dialogs these buttons open; the help is listed here, as it does not open over them.
  useListedDialogShortcuts(TICKET_DIALOG_SHORTCUTS, canWrite ? ['save'] : []);

  if (!canWrite) return null;
  return (
    <Group gap="xs" wrap="wrap" role="toolbar" aria-label={t('tickets.actions.label')}>
      <Shortcut label={t('tickets.actions.assignToMe')} action="assignToMe">
        <Button variant="default" leftSection={<IconUserCheck size={16} />} onClick={assignToMe} disabled={mine} loading={update.isPending} data-testid="ticket-assign-me">
          {t('tickets.actions.assignToMe')}
        </Button>
      </Shortcut>
      <Shortcut label={t('tickets.actions.state')} action="state">
        <span style={{ display: 'inline-block' }}>
          <Menu opened={menuOpen} onChange={menuChanged} withInitialFocusPlaceholder={!menuByKey} position="bottom-end" withinPortal shadow="md" width={260}>
            <Menu.Target>
              <Button ref={stateButton} rightSection={<IconChevronDown size={16} />} loading={move.isPending} data-testid="ticket-state-menu">
                {t('tickets.actions.state')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown data-testid="ticket-state-options">
              {ticket.allowedTransitions.length === 0 ? (
                <Menu.Label>{t('tickets.actions.noTransitions')}</Menu.Label>
              ) : (
                ticket.allowedTransitions.map((tr, index) => {
                  const state = states.find((s) => s.code === tr.toState);
                  return (
                    <Menu.Item
                      key={tr.toState}
                      leftSection={<IconArrowRight size={14} color={`var(--mantine-color-${categoryColor(state?.category ?? '')}-6)`} />}
                      onClick={() => runTransition(tr)}
                      // The menu's focus trap puts the focus here when it opens.
                      data-autofocus={menuByKey && index === 0 ? true : undefined}
                      data-testid={`ticket-transition-${tr.toState}`}
                    >
                      {stateName(tr.toState)}
                      {asksAnything(transitionAsks(tr)) ? '…' : ''}
                    </Menu.Item>
                  );
                })
              )}
            </Menu.Dropdown>
          </Menu>
        </span>
      </Shortcut>
      <Shortcut label={t('tickets.actions.priority')} action="priority">
        <Button ref={priorityButton} variant="default" leftSection={<IconFlag size={16} />} onClick={() => setDialog('priority')} data-testid="ticket-priority-button">
          {t('tickets.actions.priority')}
        </Button>
      </Shortcut>
      <Shortcut label={t('tickets.actions.edit')} action="edit">
        <Button ref={editButton} variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDialog('edit')} data-testid="ticket-edit">
          {t('tickets.actions.edit')}
        </Button>
      </Shortcut>
      {pending ? (
        <TransitionModal ticket={ticket} transition={pending} stateName={stateName} onClose={() => { setPending(null); setRefocus('state'); }} />
      ) : null}
      {dialog === 'priority' ? <PriorityModal ticket={ticket} onClose={closeDialog} /> : null}
      {dialog === 'edit' ? <EditTicketModal ticket={ticket} onClose={closeDialog} /> : null}
    </Group>
  );
}
