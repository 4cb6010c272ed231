import { Anchor, Group, Paper, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api/errors';
import { useAuth } from '../../app/auth/AuthProvider';
import { pickerProps } from '../../app/components/pickerProps';
import { useContracts, useSetTicketContract } from './api';

/**
 * The contract a ticket falls under, with a link to it; those who manage
 * contracts choose another active contract of the ticket's client, or none
 * (its unbilled records follow, and so does the SLA policy).
 */
/** What the ticket page knows of a ticket (the contract fields come with the ticket detail). */
export interface TicketWithContract {
  id: number;
  client: { id: number };
  contractId?: number | null;
  contractNumber?: string | null;
}

export function TicketContractSelector({ ticket }: { ticket: TicketWithContract }) {
  const { t } = useTranslation();
  const ticketId = ticket.id;
  const clientId = ticket.client.id;
  const contractId = ticket.contractId ?? null;
  const contractNumber = ticket.contractNumber ?? null;
  const { can } = useAuth();
  const manage = can('tickets.set_contract');
  const contracts = useContracts('', 'true', clientId, manage);
  const change = useSetTicketContract(ticketId);
  const link = contractId === null ? <Text size="sm" c="dimmed">{t('contracts.ticket.none')}</Text> : can('contracts.read')
    ? <Anchor component={Link} to={`/contracts/${contractId}`} size="sm" data-testid="ticket-contract-link">{contractNumber}</Anchor>
    : <Text size="sm">{contractNumber}</Text>;
  if (!manage) {
    return (
      <Paper withBorder p="md">
        <Group gap="xs" data-testid="ticket-contract">
          <Text size="sm" c="dimmed">{t('contracts.ticket.label')}:</Text>
          {link}
        </Group>
      </Paper>
    );
  }
  const options = (contracts.data?.pages.flatMap((p) => p.items) ?? []).map((c) => ({ value: String(c.id), label: `${c.number} · ${c.name}` }));
  if (contractId !== null && !options.some((o) => o.value === String(contractId))) options.unshift({ value: String(contractId), label: contractNumber ?? `#${contractId}` });
  // A refused change is said under the field (and read out), like a form field's error.
  const error = change.isError ? errorMessage(t, change.error) : undefined;
  return (
    <Paper withBorder p="md" data-testid="ticket-contract">
      <Select
        label={t('contracts.ticket.label')}
        placeholder={t('contracts.ticket.none')}
        data={options}
        value={contractId === null ? null : String(contractId)}
        onChange={(v) => change.mutate(v ? Number(v) : null)}
        clearable
        {...pickerProps({ error })}
        error={error}
        errorProps={{ role: 'alert', 'data-testid': 'ticket-contract-error' }}
        disabled={change.isPending}
        nothingFoundMessage={contracts.isFetching ? t('common.loading') : t('contracts.ticket.noContracts')}
        data-testid="ticket-contract-select"
        // The link beside the field itself, so a message under the field does not push it down.
        inputContainer={(input) => (
          <Group gap="xs" wrap="nowrap">
            <div style={{ flex: 1, minWidth: 0 }}>{input}</div>
            {contractId !== null ? <Anchor component={Link} to={`/contracts/${contractId}`} size="sm" data-testid="ticket-contract-link">{t('contracts.ticket.open')}</Anchor> : null}
          </Group>
        )}
      />
      {change.data && change.data.recordsMoved > 0 ? <Text size="xs" c="dimmed" mt={4}>{t('contracts.ticket.recordsMoved', { n: change.data.recordsMoved })}</Text> : null}
    </Paper>
  );
}
