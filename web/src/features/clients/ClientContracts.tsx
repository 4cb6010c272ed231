import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, LoadMore, QueryView } from '../../app/components/QueryStates';
import { RowCard, RowCards } from '../../app/components/RowCards';
import { usePhone } from '../../app/components/usePhone';
import { formatDate } from '../../app/format';
import { type Contract, useContracts } from '../contracts/api';
import { ticketCountLabel } from '../tickets/ticketCount';
import { RelatedSection } from './RelatedSection';

function ContractLink({ contract }: { contract: Contract }) {
  return <Anchor component={Link} to={`/contracts/${contract.id}`} fw={600}>{contract.number}</Anchor>;
}

function ContractState({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={contract.active ? 'green' : 'gray'} miw="max-content" data-testid={`client-contracts-state-${contract.id}`}>
      {contract.active ? t('contracts.active') : t('contracts.inactive')}
    </Badge>
  );
}

const validityText = (t: TFunction, c: Contract) => `${formatDate(c.validFrom)} – ${c.validTo ? formatDate(c.validTo) : t('contracts.openEnded')}`;

/**
 * The contracts on a phone: one card a contract, its number (the link to it) and name with
 * whether it is active beside them, its billing period and validity below.
 */
function ContractCards({ rows }: { rows: Contract[] }) {
  const { t } = useTranslation();
  return (
    <RowCards testId="client-contracts-table">
      {rows.map((c) => (
        <RowCard
          key={c.id}
          testId={`client-contracts-row-${c.id}`}
          head={(
            <>
              <Text size="sm"><ContractLink contract={c} /></Text>
              <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>{c.name}</Text>
            </>
          )}
          headEnd={<ContractState contract={c} />}
          foot={<Text size="xs" c="dimmed">{t('clients.contracts.period', { kind: t(`contracts.periodKinds.${c.periodKind}`) })}</Text>}
          footEnd={<Text size="xs" c="dimmed" data-testid={`client-contracts-validity-${c.id}`}>{validityText(t, c)}</Text>}
        />
      ))}
    </RowCards>
  );
}

/** Every contract of the client, active or not (contracts.read). */
export function ClientContracts({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const list = useContracts('', 'all', clientId);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const count = list.data ? ticketCountLabel({ count: rows.length, capped: !!list.hasNextPage }) : null;
  const phone = usePhone();
  return (
    <RelatedSection title={t('clients.contracts.title')} count={count} testId="client-contracts">
      <QueryView framed query={list} isEmpty={() => rows.length === 0} empty={<EmptyState title={t('clients.contracts.empty')} />}>
        {() => phone ? <ContractCards rows={rows} /> : (
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="client-contracts-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('contracts.fields.number')}</Table.Th>
                  <Table.Th>{t('contracts.fields.name')}</Table.Th>
                  <Table.Th>{t('contracts.fields.periodKind')}</Table.Th>
                  <Table.Th>{t('contracts.fields.validity')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((c) => (
                  <Table.Tr key={c.id} data-testid={`client-contracts-row-${c.id}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}><ContractLink contract={c} /></Table.Td>
                    <Table.Td><Text size="sm" lineClamp={2}>{c.name}</Text></Table.Td>
                    <Table.Td>{t(`contracts.periodKinds.${c.periodKind}`)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{validityText(t, c)}</Table.Td>
                    <Table.Td><ContractState contract={c} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} testId="client-contracts-more" />
    </RelatedSection>
  );
}
