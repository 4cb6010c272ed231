import { ActionIcon, Anchor, Button, Group, Paper, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconLink, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth/AuthProvider';
import { pickerProps } from '../../app/components/pickerProps';
import { type Ticket, useChangeRelation, useTicketsByIds } from './api';
import { StateBadge } from './Badges';
import { notify } from './notify';
import { TicketPicker } from './Pickers';
import { RELATION_KINDS, relationProblem, type RelationKind } from './relations';
import { errorText, isStale, useTicketErrorHandler } from './useTicketErrors';

/**
 * Parent, sub-tickets and linked tickets, each with its number, subject and state. Who may
 * edit the ticket links another one, sets or clears the parent, and removes a tie here.
 */
export function RelatedTickets({ ticket, onStale }: { ticket: Ticket; onStale: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canWrite = can('tickets.write');
  const change = useChangeRelation(ticket);
  const handleError = useTicketErrorHandler(ticket.id, onStale);
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  // The form is gone once done or cancelled: focus goes back to the button that opened it, not to the page.
  const closeForm = () => {
    setAdding(false);
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const groups = [
    { key: 'parent' as const, ids: ticket.parentId ? [ticket.parentId] : [] },
    { key: 'children' as const, ids: ticket.childIds },
    { key: 'related' as const, ids: ticket.linkedIds },
  ].filter((g) => g.ids.length);
  const ids = [...new Set(groups.flatMap((g) => g.ids))].slice(0, 30);
  const results = useTicketsByIds(ids);
  if (!groups.length && !canWrite) return null;
  const byId = new Map(ids.map((id, i) => [id, results[i]?.data]));
  const kindOf = { parent: 'parent', children: 'child', related: 'related' } as const;

  const remove = (kind: RelationKind, otherId: number, number: string) =>
    change.mutate({ kind, otherId, remove: true }, {
      onSuccess: () => notify('green', t('tickets.links.removed', { number })),
      onError: handleError,
    });

  return (
    <Paper withBorder p="md" data-testid="ticket-links">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h5">{t('tickets.links.title')}</Title>
        {canWrite && !adding ? (
          <Button ref={addButton} size="compact-sm" className="tap-target" variant="subtle" leftSection={<IconLink size={14} />} onClick={() => setAdding(true)} data-testid="ticket-link-add">
            {t('tickets.links.add')}
          </Button>
        ) : null}
      </Group>
      <Stack gap="sm">
        {!groups.length && !adding ? <Text size="sm" c="dimmed">{t('tickets.links.none')}</Text> : null}
        {groups.map((g) => (
          <div key={g.key}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>{t(`tickets.links.${g.key}`)}</Text>
            <Stack gap={4}>
              {g.ids.map((id) => {
                const other = byId.get(id);
                const number = other?.number ?? `#${id}`;
                return (
                  <Group key={id} gap="xs" wrap="nowrap" data-testid={`ticket-link-${id}`}>
                    <Anchor component={Link} to={`/tickets/${id}`} size="sm" className="mono" style={{ flexShrink: 0 }}>
                      {number}
                    </Anchor>
                    <Text size="sm" truncate style={{ flex: 1 }}>{other?.subject ?? ''}</Text>
                    {other ? <StateBadge state={other.state} size="xs" /> : null}
                    {canWrite ? (
                      <Tooltip label={t(`tickets.links.remove.${g.key}`, { number })} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          size="sm"
                          aria-label={t(`tickets.links.remove.${g.key}`, { number })}
                          disabled={change.isPending}
                          onClick={() => remove(kindOf[g.key], id, number)}
                          data-testid={`ticket-link-remove-${id}`}
                        >
                          <IconX size={14} />
                        </ActionIcon>
                      </Tooltip>
                    ) : null}
                  </Group>
                );
              })}
            </Stack>
          </div>
        ))}
        {adding ? <LinkTicketForm ticket={ticket} onDone={closeForm} onStale={onStale} /> : null}
      </Stack>
    </Paper>
  );
}

/** "Link a ticket": how (linked, parent, sub-ticket) and which one, found by number or subject. */
function LinkTicketForm({ ticket, onDone, onStale }: { ticket: Ticket; onDone: () => void; onStale: () => void }) {
  const { t } = useTranslation();
  const change = useChangeRelation(ticket);
  const handleError = useTicketErrorHandler(ticket.id, onStale);
  const [kind, setKind] = useState<RelationKind>('related');
  const [otherId, setOtherId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (otherId === null) {
      setError(t('errors.required'));
      return;
    }
    const problem = relationProblem(ticket, kind, otherId);
    if (problem) {
      setError(t(`tickets.links.problem.${problem}`));
      return;
    }
    change.mutate({ kind, otherId, remove: false }, {
      onSuccess: () => {
        notify('green', t('tickets.links.added'));
        onDone();
      },
      // Refused (no such ticket, not visible, a loop): said under the picker, where the choice can be changed.
      onError: (e) => (isStale(e) ? handleError(e) : setError(errorText(t, e))),
    });
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
      data-testid="ticket-link-form"
    >
      <Stack gap="xs">
        <Select
          label={t('tickets.links.kind')}
          allowDeselect={false}
          {...pickerProps({ searchable: false })}
          data={RELATION_KINDS.map((k) => ({ value: k, label: t(`tickets.links.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => {
            if (v) setKind(v as RelationKind);
            setError(null);
          }}
          data-testid="ticket-link-kind"
        />
        <TicketPicker
          label={t('tickets.links.ticket')}
          placeholder={t('tickets.links.ticketPlaceholder')}
          exclude={[ticket.id]}
          value={otherId}
          onChange={(v) => {
            setOtherId(v);
            setError(null);
          }}
          error={error}
          data-autofocus
          autoFocus
          data-testid="ticket-link-ticket"
          errorProps={{ 'data-testid': 'ticket-link-error' }}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" size="xs" loading={change.isPending} data-testid="ticket-link-save">{t('tickets.links.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
