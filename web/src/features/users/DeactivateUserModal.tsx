import { Group, Loader, Radio, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { detailMessage, errorMessage } from '../../app/api/errors';
import { ConfirmModal } from '../../app/components/ConfirmModal';
import { pickerProps } from '../../app/components/pickerProps';
import { useAssigneesOfQueues } from '../tickets/configApi';
import { type OpenTickets, type User, useUpdateUser, useUserOpenTickets } from './api';
import { type OpenTicketsChoice, colleagueRefusals, colleaguesForAll, openTicketsPlan, deactivationNotice } from './deactivation';

/** The open tickets by number, the first few the server names and how many more there are. */
function TicketNumbers({ openTickets }: { openTickets: OpenTickets }) {
  const { t } = useTranslation();
  const more = openTickets.count - openTickets.items.length;
  return (
    <Text size="sm" data-testid="deactivate-open-ticket-numbers">
      <span className="mono">{openTickets.items.map((i) => i.number).join(', ')}</span>
      {more > 0 ? ` ${t('users.openTicketsMore', { count: more })}` : null}
    </Text>
  );
}

/**
 * The colleague who takes over all the open tickets: only those whom every one of the tickets' queues
 * allows (the server's rule for each queue, GET /tickets/assignees), never the user leaving.
 */
function ColleaguePicker({ user, openTickets, value, onChange, error }: {
  user: Pick<User, 'id'>;
  openTickets: OpenTickets;
  value: number | null;
  onChange: (id: number | null) => void;
  error: string | null;
}) {
  const { t } = useTranslation();
  const allowed = useAssigneesOfQueues(openTickets.queues.map((q) => q.id));
  const data = useMemo(
    () => colleaguesForAll(allowed.lists ?? [], user.id).map((p) => ({ value: String(p.id), label: p.name })),
    [allowed.lists, user.id],
  );
  const queues = openTickets.queues.map((q) => q.name).join(', ');
  return (
    <Select
      label={t('users.openTicketsColleague')}
      description={t('users.openTicketsColleagueHint', { queues })}
      placeholder={t('users.openTicketsColleaguePlaceholder')}
      required
      clearable
      allowDeselect={false}
      data={data}
      {...pickerProps({ error })}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      nothingFoundMessage={allowed.isPending ? t('common.loading') : allowed.error ? errorMessage(t, allowed.error) : t('users.openTicketsNoColleague')}
      error={error}
      data-testid="deactivate-colleague"
    />
  );
}

/** The chosen colleague and what the server or the dialog says against them, kept together by each dialog that deactivates. */
export function useColleagueChoice() {
  const [colleagueId, setColleagueId] = useState<number | null>(null);
  const [colleagueError, setColleagueError] = useState<string | null>(null);
  return {
    colleagueId,
    colleagueError,
    setColleagueError,
    onColleagueChange: (id: number | null) => {
      setColleagueId(id);
      setColleagueError(null);
    },
  };
}

/** The server's refusal of the chosen colleague (400/409 at openTickets.handTo), in the user's language; null for any other error. */
export function colleagueRefusalMessage(t: Parameters<typeof detailMessage>[0], error: unknown): string | null {
  if (!isApiError(error)) return null;
  const refusals = colleagueRefusals(error.details);
  return refusals.length ? refusals.map((d) => detailMessage(t, d)).join(' ') : null;
}

/**
 * The open tickets a user being deactivated is assigned, by number, and the choice what becomes of them
 * (back to their queues, unassigned, by default; or handed to one colleague). Asked wherever a user is
 * deactivated: the ⋯ menu's confirmation and the edit dialog's save with "Active" turned off.
 */
export function OpenTicketsQuestion({ user, openTickets, choice, onChange, colleague }: {
  user: Pick<User, 'id' | 'name'>;
  openTickets: UseQueryResult<OpenTickets>;
  choice: OpenTicketsChoice;
  onChange: (choice: OpenTicketsChoice) => void;
  colleague: ReturnType<typeof useColleagueChoice>;
}) {
  const { t } = useTranslation();
  const count = openTickets.data?.count ?? 0;
  return (
    <Stack gap="xs" mt="sm" data-testid="deactivate-open-tickets">
      {openTickets.isPending ? (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">{t('common.loading')}</Text>
        </Group>
      ) : openTickets.isError ? (
        <Text size="sm" c="red">{t('users.openTicketsFailed', { error: errorMessage(t, openTickets.error) })}</Text>
      ) : count === 0 ? (
        <Text size="sm" c="dimmed">{t('users.openTicketsNone', { name: user.name })}</Text>
      ) : (
        <>
          <Text size="sm" fw={500}>{t('users.openTicketsCount', { name: user.name, count })}</Text>
          <TicketNumbers openTickets={openTickets.data} />
          <Radio.Group value={choice} onChange={(v) => onChange(v as OpenTicketsChoice)} data-testid="deactivate-open-tickets-choice">
            <Stack gap="xs" mt={4}>
              <Radio value="return" label={t('users.openTicketsReturn')} description={t('users.openTicketsReturnHint')} data-testid="deactivate-return" />
              <Radio value="handTo" label={t('users.openTicketsHandTo')} description={t('users.openTicketsHandToHint')} data-testid="deactivate-hand-to" />
              <Radio value="keep" label={t('users.openTicketsKeep')} description={t('users.openTicketsKeepHint')} data-testid="deactivate-keep" />
            </Stack>
          </Radio.Group>
          {choice === 'handTo' ? (
            <ColleaguePicker
              user={user}
              openTickets={openTickets.data}
              value={colleague.colleagueId}
              onChange={colleague.onColleagueChange}
              error={colleague.colleagueError}
            />
          ) : null}
        </>
      )}
    </Stack>
  );
}

/**
 * Confirms deactivating a user. It names the open tickets they are assigned and offers to
 * hand them back to their queues, unassigned, in the same change (the default when there
 * are any), or to one colleague: left with someone who cannot sign in, nobody would pick them up.
 */
export function DeactivateUserModal({ user, onClose, onDeactivated }: { user: User; onClose: () => void; onDeactivated?: (user: User) => void }) {
  const { t } = useTranslation();
  const openTickets = useUserOpenTickets(user.id);
  const update = useUpdateUser();
  const [choice, setChoice] = useState<OpenTicketsChoice>('return');
  const colleague = useColleagueChoice();

  const confirm = () => {
    const plan = openTicketsPlan(openTickets.data?.count ?? 0, choice, colleague.colleagueId);
    if (!plan) {
      colleague.setColleagueError(t('users.openTicketsColleagueRequired'));
      return;
    }
    update.mutate(
      { id: user.id, patch: { active: false, ...plan.patch } },
      {
        onSuccess: (u) => {
          notifications.show({ color: 'green', message: deactivationNotice(t('users.deactivated', { name: u.name }), plan, t) });
          onDeactivated?.(u);
          onClose();
        },
        onError: (error) => {
          // A refused colleague is shown at the picker, the dialog stays open to choose another.
          const refusal = colleagueRefusalMessage(t, error);
          if (refusal) {
            colleague.setColleagueError(refusal);
            return;
          }
          notifications.show({ color: 'red', message: errorMessage(t, error) });
          onClose();
        },
      },
    );
  };

  return (
    <ConfirmModal
      opened
      title={t('users.deactivateConfirmTitle', { name: user.name })}
      message={t('users.deactivateConfirmText', { name: user.name })}
      confirmLabel={t('users.deactivate')}
      color="orange"
      loading={update.isPending || openTickets.isPending}
      onConfirm={confirm}
      onClose={onClose}
    >
      <OpenTicketsQuestion user={user} openTickets={openTickets} choice={choice} onChange={setChoice} colleague={colleague} />
    </ConfirmModal>
  );
}
