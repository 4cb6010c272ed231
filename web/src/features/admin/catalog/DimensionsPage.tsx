import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditAction } from '../../../app/components/FormActions';
import { EmptyState, QueryView } from '../../../app/components/QueryStates';
import { ActiveBadge } from '../shared/ActiveBadge';
import { NewButton } from '../shared/NewButton';
import { CodeNameModal } from '../shared/CodeNameModal';
import { notifySaved } from '../shared/notify';
import { type Dimension, type DimensionValue, useDimensions, useSaveDimension, useSaveDimensionValue } from './api';
import { CatalogHeader } from './CatalogHeader';

type Editing =
  | { kind: 'dimension'; item: Dimension | null }
  | { kind: 'value'; dimension: Dimension; item: DimensionValue | null };

/** /admin/catalog/dimensions — analytic dimensions (e.g. cost centre) and their values. */
export default function DimensionsPage() {
  const { t } = useTranslation();
  const query = useDimensions();
  const saveDimension = useSaveDimension();
  const saveValue = useSaveDimensionValue();
  const [editing, setEditing] = useState<Editing | null>(null);
  const items = query.data?.items ?? [];

  return (
    <div data-testid="page-dimensions">
      <CatalogHeader
        actions={<NewButton onClick={() => setEditing({ kind: 'dimension', item: null })} testId="dimensions-new">{t('admin.dimensions.new')}</NewButton>}
      />
      <QueryView query={query} isEmpty={() => items.length === 0} empty={<Paper withBorder><EmptyState title={t('admin.dimensions.empty')} text={t('admin.dimensions.emptyText')} /></Paper>}>
        {() => (
          <Stack gap="md">
            {items.map((d) => (
              <Paper withBorder key={d.id} data-testid={`dimensions-card-${d.id}`}>
                <Group justify="space-between" p="md" pb="xs" wrap="wrap">
                  <Group gap="xs">
                    <Title order={2} size="h4" c={d.active ? undefined : 'dimmed'}>{d.name}</Title>
                    <Badge variant="outline" color="gray" tt="none" className="mono">{d.code}</Badge>
                    {d.active ? null : <ActiveBadge active={false} />}
                    <EditAction label={d.name} onClick={() => setEditing({ kind: 'dimension', item: d })} testId={`dimensions-edit-${d.id}`} />
                  </Group>
                  <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ kind: 'value', dimension: d, item: null })} data-testid={`dimensions-add-value-${d.id}`}>
                    {t('admin.dimensions.addValue')}
                  </Button>
                </Group>
                {d.values.length === 0 ? (
                  <Text size="sm" c="dimmed" px="md" pb="md">{t('admin.dimensions.noValues')}</Text>
                ) : (
                  <Table.ScrollContainer minWidth={480}>
                    <Table>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('admin.fields.name')}</Table.Th>
                          <Table.Th>{t('admin.fields.code')}</Table.Th>
                          <Table.Th>{t('common.status')}</Table.Th>
                          <Table.Th w={48} aria-label={t('common.actions')} />
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {d.values.map((v) => (
                          <Table.Tr key={v.id} data-testid={`dimension-values-row-${v.id}`}>
                            <Table.Td>{v.name}</Table.Td>
                            <Table.Td><Text className="mono">{v.code}</Text></Table.Td>
                            <Table.Td><ActiveBadge active={v.active} /></Table.Td>
                            <Table.Td><EditAction label={v.name} onClick={() => setEditing({ kind: 'value', dimension: d, item: v })} testId={`dimension-values-edit-${v.id}`} /></Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Paper>
            ))}
          </Stack>
        )}
      </QueryView>
      {editing?.kind === 'dimension' ? (
        <CodeNameModal
          title={editing.item ? t('admin.dimensions.editTitle') : t('admin.dimensions.newTitle')}
          initial={editing.item}
          testId="dimension"
          pending={saveDimension.isPending}
          error={saveDimension.error}
          onSubmit={(body) => saveDimension.mutateAsync({ id: editing.item?.id ?? null, body }).then((saved) => notifySaved(t('admin.saved', { name: saved.name })))}
          onClose={() => { saveDimension.reset(); setEditing(null); }}
        />
      ) : null}
      {editing?.kind === 'value' ? (
        <CodeNameModal
          title={editing.item ? t('admin.dimensions.editValueTitle') : t('admin.dimensions.newValueTitle')}
          context={editing.dimension.name}
          initial={editing.item}
          testId="dimension-value"
          pending={saveValue.isPending}
          error={saveValue.error}
          onSubmit={(body) => saveValue.mutateAsync({ dimensionId: editing.dimension.id, id: editing.item?.id ?? null, body }).then((saved) => notifySaved(t('admin.saved', { name: saved.name })))}
          onClose={() => { saveValue.reset(); setEditing(null); }}
        />
      ) : null}
    </div>
  );
}
