import { Badge, Group, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditAction } from '../../../app/components/FormActions';
import { EmptyState, QueryView } from '../../../app/components/QueryStates';
import { useTicketTypes } from '../process/api';
import { typeLabel } from '../../tickets/labels';
import { ActiveBadge } from '../shared/ActiveBadge';
import { NewButton } from '../shared/NewButton';
import { type CustomField, useCustomFields } from './api';
import { CatalogHeader } from './CatalogHeader';
import { CustomFieldModal } from './CustomFieldModal';

const ALL = 'any';
const GLOBAL = 'global';

/** /admin/catalog/fields — custom fields of tickets, per type or for all types. */
export default function CustomFieldsPage() {
  const { t } = useTranslation();
  const query = useCustomFields();
  const types = useTicketTypes();
  const [filter, setFilter] = useState<string>(ALL);
  const [editing, setEditing] = useState<CustomField | null | undefined>(undefined);
  const typeList = types.data?.items ?? [];
  const typeName = (id: number | null) => {
    if (id === null) return t('admin.customFields.allTypes');
    const type = typeList.find((ty) => ty.id === id);
    return type ? typeLabel(t, type) : `#${id}`;
  };
  const items = (query.data?.items ?? [])
    .filter((f) => filter === ALL || (filter === GLOBAL ? f.typeId === null : f.typeId === Number(filter)))
    .sort((a, b) => (a.typeId ?? 0) - (b.typeId ?? 0) || a.sortOrder - b.sortOrder || a.label.localeCompare(b.label));

  return (
    <div data-testid="page-custom-fields">
      <CatalogHeader
        actions={<NewButton onClick={() => setEditing(null)} testId="fields-new">{t('admin.customFields.new')}</NewButton>}
      />
      <Group mb="md">
        <Select
          value={filter}
          onChange={(v) => setFilter(v ?? ALL)}
          allowDeselect={false}
          aria-label={t('admin.customFields.appliesTo')}
          data={[
            { value: ALL, label: t('admin.customFields.filterAll') },
            { value: GLOBAL, label: t('admin.customFields.allTypes') },
            ...typeList.map((ty) => ({ value: String(ty.id), label: typeLabel(t, ty) })),
          ]}
          w={260}
          data-testid="fields-type-filter"
        />
      </Group>
      <QueryView framed query={query} isEmpty={() => items.length === 0} empty={<EmptyState title={t('admin.customFields.empty')} text={t('admin.customFields.emptyText')} />}>
        {() => (
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="fields-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.customFields.label')}</Table.Th>
                  <Table.Th>{t('admin.customFields.key')}</Table.Th>
                  <Table.Th>{t('admin.customFields.appliesTo')}</Table.Th>
                  <Table.Th>{t('admin.customFields.kind')}</Table.Th>
                  <Table.Th ta="right">{t('admin.fields.sortOrder')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th w={48} aria-label={t('common.actions')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((f) => (
                  <Table.Tr key={f.id} data-testid={`fields-row-${f.id}`}>
                    <Table.Td>
                      <Group gap={6}>
                        <Text fw={500} size="sm">{f.label}</Text>
                        {f.required ? <Badge size="xs" color="orange" variant="light">{t('admin.customFields.requiredBadge')}</Badge> : null}
                      </Group>
                    </Table.Td>
                    <Table.Td><Text className="mono">{f.key}</Text></Table.Td>
                    <Table.Td>{typeName(f.typeId)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`admin.customFields.kinds.${f.kind}`)}</Text>
                      {f.options.length ? <Text size="xs" c="dimmed" lineClamp={1}>{f.options.join(', ')}</Text> : null}
                    </Table.Td>
                    <Table.Td ta="right">{f.sortOrder}</Table.Td>
                    <Table.Td><ActiveBadge active={f.active} /></Table.Td>
                    <Table.Td>
                      <EditAction label={f.label} onClick={() => setEditing(f)} testId={`fields-edit-${f.id}`} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      {editing !== undefined ? (
        <CustomFieldModal field={editing} types={typeList} defaultTypeId={filter !== ALL && filter !== GLOBAL ? Number(filter) : null} onClose={() => setEditing(undefined)} />
      ) : null}
    </div>
  );
}
