import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, LoadMore, QueryView } from '../../app/components/QueryStates';
import { formatDate } from '../../app/format';
import { useContracts } from '../contracts/api';
import { ticketCountLabel } from '../tickets/ticketCount';
import { RelatedSection } from './RelatedSection';

/** Every contract of the client, active or not (contracts.read). */
export function ClientContracts({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const list = useContracts('', 'all', clientId);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const count = list.data ? ticketCountLabel({ count: rows.length, capped: !!list.hasNextPage }) : null;
  return (
    <RelatedSection title={t('clients.contracts.title')} count={count} testId="client-contracts">
      <QueryView framed query={list} isEmpty={() => rows.length === 0} empty={<EmptyState title={t('clients.contracts.empty')} />}>
        {() => (
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
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/contracts/${c.id}`} fw={600}>{c.number}</Anchor>
                    </Table.Td>
                    <Table.Td><Text size="sm" lineClamp={2}>{c.name}</Text></Table.Td>
                    <Table.Td>{t(`contracts.periodKinds.${c.periodKind}`)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.validFrom)} – {c.validTo ? formatDate(c.validTo) : t('contracts.openEnded')}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={c.active ? 'green' : 'gray'} miw="max-content" data-testid={`client-contracts-state-${c.id}`}>
                        {c.active ? t('contracts.active') : t('contracts.inactive')}
                      </Badge>
                    </Table.Td>
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
