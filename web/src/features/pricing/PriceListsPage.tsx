import { Anchor, Badge, Group, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth/AuthProvider';
import { formatDate } from '../../app/format';
import { EmptyState, QueryView } from '../../app/components/QueryStates';
import { ActiveBadge } from '../admin/shared/ActiveBadge';
import { NewButton } from '../admin/shared/NewButton';
import { usePriceLists } from './api';
import { PriceListModal } from './PriceListModal';
import { PricingHeader } from './PricingHeader';

/** /admin/pricing/lists — the price lists (one is the default) with the dates of their versions. */
export default function PriceListsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const manage = can('pricing.manage');
  const list = usePriceLists('all');
  const [creating, setCreating] = useState(false);
  return (
    <div data-testid="page-price-lists">
      <PricingHeader actions={manage ? <NewButton onClick={() => setCreating(true)} testId="price-lists-new">{t('pricing.lists.new')}</NewButton> : undefined} />
      <Paper withBorder>
        <QueryView query={list} isEmpty={(data) => data.length === 0} empty={<EmptyState title={t('pricing.lists.empty')} text={t('pricing.lists.emptyText')} />}>
          {(data) => (
            <Table.ScrollContainer minWidth={600}>
              <Table data-testid="price-lists-table" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.fields.name')}</Table.Th>
                    <Table.Th>{t('pricing.fields.currency')}</Table.Th>
                    <Table.Th>{t('pricing.lists.versions')}</Table.Th>
                    <Table.Th>{t('common.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.map((l) => (
                    <Table.Tr key={l.id} data-testid={`price-lists-row-${l.id}`} data-name={l.name}>
                      <Table.Td>
                        <Group gap="xs">
                          <Anchor component={Link} to={`/admin/pricing/lists/${l.id}`} fw={600} data-testid={`price-lists-open-${l.id}`}>{l.name}</Anchor>
                          {l.isDefault ? <Badge variant="light">{t('pricing.lists.default')}</Badge> : null}
                        </Group>
                      </Table.Td>
                      <Table.Td>{l.currency}</Table.Td>
                      <Table.Td>
                        {l.versions.length === 0 ? <Text size="sm" c="dimmed">{t('pricing.lists.noVersions')}</Text> : (
                          <Text size="sm">{l.versions.map((v) => t('pricing.lists.from', { date: formatDate(v.validFrom) })).join(' · ')}</Text>
                        )}
                      </Table.Td>
                      <Table.Td><ActiveBadge active={l.active} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryView>
      </Paper>
      {creating ? <PriceListModal item={null} hasVersions={false} onClose={() => setCreating(false)} onSaved={(l) => navigate(`/admin/pricing/lists/${l.id}`)} /> : null}
    </div>
  );
}
