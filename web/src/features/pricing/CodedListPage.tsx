import { ActionIcon, Button, Paper, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/AuthProvider';
import { EmptyState, ErrorState, LoadingState } from '../../app/components/QueryStates';
import { ActiveBadge } from '../admin/shared/ActiveBadge';
import { CodeNameModal } from '../admin/shared/CodeNameModal';
import { notifySaved } from '../admin/shared/notify';
import { type Coded, useCatalogue, useSaveCatalogue } from './catalogueApi';
import { PricingHeader } from './PricingHeader';

/** Lists of a code and a name: technician levels (/admin/pricing/levels) and travel zones (/admin/pricing/zones). */
function CodedListPage({ kind }: { kind: 'levels' | 'zones' }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('pricing.manage');
  const path = kind === 'levels' ? 'technician-levels' : 'travel-zones';
  const list = useCatalogue<Coded>(path, 'all');
  const save = useSaveCatalogue<Coded>(path);
  const [editing, setEditing] = useState<Coded | null | undefined>(undefined);
  return (
    <div data-testid={`page-pricing-${kind}`}>
      <PricingHeader actions={manage ? <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid={`${kind}-new`}>{t(`pricing.${kind}.new`)}</Button> : undefined} />
      <Text size="sm" c="dimmed" mb="sm">{t(`pricing.${kind}.hint`)}</Text>
      <Paper withBorder>
        {list.isPending ? <LoadingState /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : list.data.length === 0 ? (
          <EmptyState title={t(`pricing.${kind}.empty`)} />
        ) : (
          <Table data-testid={`${kind}-table`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.fields.name')}</Table.Th>
                <Table.Th>{t('admin.fields.code')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                {manage ? <Table.Th w={48} aria-label={t('common.actions')} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((c) => (
                <Table.Tr key={c.id} data-testid={`${kind}-row-${c.id}`} data-code={c.code}>
                  <Table.Td fw={500}>{c.name}</Table.Td>
                  <Table.Td><Text className="mono" size="sm">{c.code}</Text></Table.Td>
                  <Table.Td><ActiveBadge active={c.active} /></Table.Td>
                  {manage ? (
                    <Table.Td>
                      <Tooltip label={t('common.edit')}>
                        <ActionIcon variant="subtle" onClick={() => setEditing(c)} aria-label={`${t('common.edit')}: ${c.name}`} data-testid={`${kind}-edit-${c.id}`}><IconPencil size={16} /></ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {editing !== undefined ? (
        <CodeNameModal
          title={editing ? editing.name : t(`pricing.${kind}.new`)}
          initial={editing ? { code: editing.code, name: editing.name, active: editing.active } : null}
          testId={kind === 'levels' ? 'level' : 'zone'}
          pending={save.isPending}
          error={save.error}
          onSubmit={(body) => save.mutateAsync({ id: editing?.id ?? null, body: { ...body } }).then(() => notifySaved(t('pricing.saved')))}
          onClose={() => { save.reset(); setEditing(undefined); }}
        />
      ) : null}
    </div>
  );
}

export function LevelsPage() {
  return <CodedListPage kind="levels" />;
}

export function ZonesPage() {
  return <CodedListPage kind="zones" />;
}
