import { ActionIcon, Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconSitemap } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../../app/components/PageHeader';
import { EditAction } from '../../../app/components/FormActions';
import { EmptyState, QueryView } from '../../../app/components/QueryStates';
import { ActiveBadge } from '../shared/ActiveBadge';
import { NewButton } from '../shared/NewButton';
import '../shared/admin.css';
import { type TicketType, useTicketTypes } from './api';
import { TicketTypeModal } from './TicketTypeModal';
import { typeLabel } from '../../tickets/labels';

/** /admin/ticket-types — the ticket types; each opens its process editor. */
export default function TicketTypesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useTicketTypes();
  const [editing, setEditing] = useState<TicketType | null | undefined>(undefined);
  const items = [...(query.data?.items ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));

  return (
    <div data-testid="page-ticket-types">
      <PageHeader
        title={t('admin.types.title')}
        subtitle={t('admin.types.subtitle')}
        actions={
          <NewButton onClick={() => setEditing(null)} testId="types-new">
            {t('admin.types.new')}
          </NewButton>
        }
      />
      <QueryView framed query={query} isEmpty={() => items.length === 0} empty={<EmptyState title={t('admin.types.empty')} />}>
        {() => (
          <Table.ScrollContainer minWidth={640}>
            <Table highlightOnHover data-testid="types-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.fields.name')}</Table.Th>
                  <Table.Th>{t('admin.fields.code')}</Table.Th>
                  <Table.Th ta="right">{t('admin.fields.sortOrder')}</Table.Th>
                  <Table.Th>{t('admin.types.process')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th w={96} aria-label={t('common.actions')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((type) => (
                  <Table.Tr key={type.id} data-testid={`types-row-${type.id}`} data-code={type.code}>
                    <Table.Td fw={500}>
                      <Anchor component={Link} to={`/admin/ticket-types/${type.id}`} data-testid={`types-open-${type.id}`}>{typeLabel(t, type)}</Anchor>
                    </Table.Td>
                    <Table.Td><Text className="mono">{type.code}</Text></Table.Td>
                    <Table.Td ta="right">{type.sortOrder}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge variant="light" color="gray" tt="none">{t('admin.types.statesCount', { count: type.states.length })}</Badge>
                        <Badge variant="light" color="gray" tt="none">{t('admin.types.transitionsCount', { count: type.transitions.length })}</Badge>
                      </Group>
                    </Table.Td>
                    <Table.Td><ActiveBadge active={type.active} /></Table.Td>
                    <Table.Td>
                      <Group gap={2} wrap="nowrap" justify="flex-end">
                        <Tooltip label={t('admin.types.editProcess')}>
                          <ActionIcon variant="subtle" onClick={() => navigate(`/admin/ticket-types/${type.id}`)} aria-label={`${t('admin.types.editProcess')}: ${typeLabel(t, type)}`} data-testid={`types-process-${type.id}`}>
                            <IconSitemap size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <EditAction label={typeLabel(t, type)} onClick={() => setEditing(type)} testId={`types-edit-${type.id}`} />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      {editing !== undefined ? (
        <TicketTypeModal type={editing} onClose={() => setEditing(undefined)} onCreated={(created) => navigate(`/admin/ticket-types/${created.id}`)} />
      ) : null}
    </div>
  );
}
