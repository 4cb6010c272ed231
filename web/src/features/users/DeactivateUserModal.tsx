import { Group, Loader, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api/errors';
import { ConfirmModal } from '../../app/components/ConfirmModal';
import { type OpenTickets, type User, useUpdateUser, useUserOpenTickets } from './api';
import { type OpenTicketsChoice, openTicketsPlan } from './deactivation';

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
 * The open tickets a user being deactivated is assigned, by number, and the choice what becomes of them
 * (back to their queues, unassigned, by default). Asked wherever a user is deactivated: the ⋯ menu's
 * confirmation and the edit dialog's save with "Active" turned off.
 */
export function OpenTicketsQuestion({ user, openTickets, choice, onChange }: {
  user: Pick<User, 'name'>;
  openTickets: UseQueryResult<OpenTickets>;
  choice: OpenTicketsChoice;
  onChange: (choice: OpenTicketsChoice) => void;
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
              <Radio value="keep" label={t('users.openTicketsKeep')} description={t('users.openTicketsKeepHint')} data-testid="deactivate-keep" />
            </Stack>
          </Radio.Group>
        </>
      )}
    </Stack>
  );
}

/**
 * Confirms deactivating a user. It names the open tickets they are assigned and offers to
 * hand them back to their queues, unassigned, in the same change (the default when there
 * are any): left with someone who cannot sign in, nobody would pick them up.
 */
export function DeactivateUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const openTickets = useUserOpenTickets(user.id);
  const update = useUpdateUser();
  const [choice, setChoice] = useState<OpenTicketsChoice>('return');

  const confirm = () => {
    const { patch, returning } = openTicketsPlan(openTickets.data?.count ?? 0, choice);
    update.mutate(
      { id: user.id, patch: { active: false, ...patch } },
      {
        onSuccess: (u) => {
          const deactivated = t('users.deactivated', { name: u.name });
          notifications.show({ color: 'green', message: returning ? `${deactivated} ${t('users.openTicketsReturned')}` : deactivated });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
        onSettled: onClose,
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
      <OpenTicketsQuestion user={user} openTickets={openTickets} choice={choice} onChange={setChoice} />
    </ConfirmModal>
  );
}
