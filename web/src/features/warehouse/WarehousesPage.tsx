import { ActionIcon, Badge, Button, Group, Paper, Table, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconStar, IconStarFilled, IconTruck, IconBuildingWarehouse } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/AuthProvider';
import { useKeyShortcuts } from '../../app/components/hotkeys';
import { EditAction } from '../../app/components/FormActions';
import { EmptyState, QueryView } from '../../app/components/QueryStates';
import { ActiveBadge } from '../admin/shared/ActiveBadge';
import { notifyError, notifySaved } from '../admin/shared/notify';
import { type Warehouse, useSetMyDefaultWarehouse, useWarehouses } from './api';
import { WarehouseHeader } from './WarehouseHeader';
import { WarehouseModal } from './WarehouseModal';

export function WarehouseKindBadge({ kind }: { kind: Warehouse['kind'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={kind === 'van' ? 'orange' : 'blue'} leftSection={kind === 'van' ? <IconTruck size={12} /> : <IconBuildingWarehouse size={12} />}>
      {t(`warehouse.kinds.${kind}`)}
    </Badge>
  );
}

/** /warehouse/warehouses — the main store(s) and the technicians' vans; each user picks a default one. */
export default function WarehousesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('warehouse.manage');
  const list = useWarehouses();
  const setDefault = useSetMyDefaultWarehouse();
  const [editing, setEditing] = useState<Warehouse | null | undefined>(undefined);
  const shortcuts = useMemo(() => (manage ? { n: () => setEditing(null) } : {}), [manage]);
  useKeyShortcuts(shortcuts);

  const makeDefault = (w: Warehouse) => {
    if (w.isMyDefault) return;
    setDefault.mutate(w.id, {
      onSuccess: () => notifySaved(t('warehouse.warehouses.defaultSet', { name: w.name })),
      onError: (e) => notifyError(t, e),
    });
  };

  return (
    <div data-testid="page-warehouses">
      <WarehouseHeader actions={manage ? <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="warehouses-new">{t('warehouse.warehouses.new')}</Button> : undefined} />
      <Paper withBorder>
        <QueryView query={list} isEmpty={(warehouses) => warehouses.length === 0} empty={<EmptyState title={t('warehouse.warehouses.empty')} text={manage ? t('warehouse.warehouses.emptyText') : undefined} />}>
          {(warehouses) => (
            <Table.ScrollContainer minWidth={720}>
              <Table data-testid="warehouses-table" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={44} aria-label={t('warehouse.warehouses.myDefault')} />
                    <Table.Th>{t('warehouse.fields.code')}</Table.Th>
                    <Table.Th>{t('warehouse.fields.name')}</Table.Th>
                    <Table.Th>{t('warehouse.fields.kind')}</Table.Th>
                    <Table.Th>{t('warehouse.fields.owner')}</Table.Th>
                    <Table.Th>{t('warehouse.fields.access')}</Table.Th>
                    <Table.Th>{t('common.status')}</Table.Th>
                    {manage ? <Table.Th w={48} aria-label={t('common.actions')} /> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {warehouses.map((w) => (
                    <Table.Tr key={w.id} data-testid={`warehouses-row-${w.id}`} data-code={w.code} data-default={w.isMyDefault ? 'yes' : 'no'}>
                      <Table.Td>
                        <Tooltip label={w.isMyDefault ? t('warehouse.warehouses.isDefault') : w.canUse ? t('warehouse.warehouses.setDefault') : t('warehouse.warehouses.cannotUse')}>
                          <ActionIcon
                            variant="subtle"
                            color={w.isMyDefault ? 'yellow' : 'gray'}
                            disabled={!w.canUse}
                            loading={setDefault.isPending && setDefault.variables === w.id}
                            onClick={() => makeDefault(w)}
                            aria-pressed={w.isMyDefault}
                            aria-label={`${t('warehouse.warehouses.setDefault')}: ${w.name}`}
                            data-testid={`warehouses-default-${w.id}`}
                          >
                            {w.isMyDefault ? <IconStarFilled size={16} /> : <IconStar size={16} />}
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                      <Table.Td><Text className="mono" size="sm">{w.code}</Text></Table.Td>
                      <Table.Td fw={500}>
                        <Group gap={6}>
                          {w.name}
                          {w.isMyDefault ? <Badge size="xs" color="yellow" variant="light">{t('warehouse.warehouses.myDefault')}</Badge> : null}
                        </Group>
                      </Table.Td>
                      <Table.Td><WarehouseKindBadge kind={w.kind} /></Table.Td>
                      <Table.Td>{w.ownerName ?? '—'}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={w.canUse ? 'green' : 'gray'}>{w.canUse ? t('warehouse.warehouses.canUse') : t('warehouse.warehouses.readOnly')}</Badge>
                        {w.userIds.length ? <Text span size="xs" c="dimmed" ml={6}>{t('warehouse.warehouses.usersCount', { count: w.userIds.length })}</Text> : null}
                      </Table.Td>
                      <Table.Td><ActiveBadge active={w.active} /></Table.Td>
                      {manage ? (
                        <Table.Td>
                          <EditAction label={w.name} onClick={() => setEditing(w)} testId={`warehouses-edit-${w.id}`} />
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryView>
      </Paper>
      {editing !== undefined ? <WarehouseModal warehouse={editing} onClose={() => setEditing(undefined)} /> : null}
    </div>
  );
}
