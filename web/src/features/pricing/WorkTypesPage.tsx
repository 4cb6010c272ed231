import { ActionIcon, Badge, Button, Group, Modal, NumberInput, Paper, Select, Stack, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../app/api/errors';
import { useAuth } from '../../app/auth/AuthProvider';
import { EmptyState, ErrorState, FormErrorAlert, LoadingState } from '../../app/components/QueryStates';
import { ActiveBadge } from '../admin/shared/ActiveBadge';
import { notifySaved } from '../admin/shared/notify';
import { codeFromName } from '../admin/process/processModel';
import { type VatCategory, type WorkType, useSaveCatalogue, useWorkTypes } from './catalogueApi';
import { PricingHeader } from './PricingHeader';
import { vatCategoryLabel, vatCategoryOptions } from './VatCategoryLabel';

type Values = { code: string; name: string; vatCategory: VatCategory; billableDefault: boolean; minimumMinutes: number | ''; active: boolean };

function WorkTypeModal({ item, onClose }: { item: WorkType | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCatalogue<WorkType>('work-types');
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<Values>({
    initialValues: item ? { ...item } : { code: '', name: '', vatCategory: 'standard', billableDefault: true, minimumMinutes: 0, active: true },
    validate: { name: (v) => (v.trim() ? null : t('errors.required')), code: (v) => (v.trim() ? null : t('errors.required')) },
  });
  const submit = form.onSubmit((v) => {
    setExtra([]);
    const body = { ...v, code: v.code.trim(), name: v.name.trim(), minimumMinutes: v.minimumMinutes === '' ? 0 : v.minimumMinutes };
    save.mutate({ id: item?.id ?? null, body }, {
      onSuccess: () => { notifySaved(t('pricing.saved')); onClose(); },
      onError: (e) => setExtra(applyFormErrors(form, e, t)),
    });
  });
  return (
    <Modal opened onClose={onClose} title={item ? item.name : t('pricing.workTypes.new')} attributes={{ content: { 'data-testid': 'work-type-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={save.error} extra={extra} testId="work-type-form-error" />
          <TextInput label={t('admin.fields.name')} required data-autofocus {...form.getInputProps('name')}
            onChange={(e) => { form.setFieldValue('name', e.currentTarget.value); if (!item) form.setFieldValue('code', codeFromName(e.currentTarget.value)); }} data-testid="work-type-name" />
          <TextInput label={t('admin.fields.code')} description={t('admin.fields.codeHint')} required {...form.getInputProps('code')} data-testid="work-type-code" />
          <Select label={t('pricing.fields.vatCategory')} data={vatCategoryOptions(t)} allowDeselect={false} {...form.getInputProps('vatCategory')} data-testid="work-type-vatCategory" />
          <NumberInput label={t('pricing.fields.minimumMinutes')} description={t('pricing.workTypes.minimumHint')} min={0} max={1440} allowDecimal={false} {...form.getInputProps('minimumMinutes')} data-testid="work-type-minimumMinutes" />
          <Switch label={t('pricing.fields.billableDefault')} {...form.getInputProps('billableDefault', { type: 'checkbox' })} data-testid="work-type-billableDefault" />
          <Switch label={t('admin.fields.active')} {...form.getInputProps('active', { type: 'checkbox' })} data-testid="work-type-active" />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending} data-testid="work-type-save">{item ? t('common.save') : t('admin.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** /admin/pricing/work-types — what work is priced by (rates per work type live in the price lists). */
export default function WorkTypesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('pricing.manage');
  const list = useWorkTypes('all');
  const [editing, setEditing] = useState<WorkType | null | undefined>(undefined);
  return (
    <div data-testid="page-pricing-work-types">
      <PricingHeader actions={manage ? <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="work-types-new">{t('pricing.workTypes.new')}</Button> : undefined} />
      <Paper withBorder>
        {list.isPending ? <LoadingState /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : list.data.length === 0 ? (
          <EmptyState title={t('pricing.workTypes.empty')} />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="work-types-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.fields.name')}</Table.Th>
                  <Table.Th>{t('admin.fields.code')}</Table.Th>
                  <Table.Th>{t('pricing.fields.vatCategory')}</Table.Th>
                  <Table.Th>{t('pricing.fields.minimumMinutes')}</Table.Th>
                  <Table.Th>{t('pricing.fields.billableDefault')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  {manage ? <Table.Th w={48} aria-label={t('common.actions')} /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((w) => (
                  <Table.Tr key={w.id} data-testid={`work-types-row-${w.id}`} data-code={w.code}>
                    <Table.Td fw={500}>{w.name}</Table.Td>
                    <Table.Td><Text className="mono" size="sm">{w.code}</Text></Table.Td>
                    <Table.Td>{vatCategoryLabel(t, w.vatCategory)}</Table.Td>
                    <Table.Td>{w.minimumMinutes ? `${w.minimumMinutes} min` : '—'}</Table.Td>
                    <Table.Td><Badge variant="light" color={w.billableDefault ? 'green' : 'gray'}>{w.billableDefault ? t('common.yes') : t('common.no')}</Badge></Table.Td>
                    <Table.Td><ActiveBadge active={w.active} /></Table.Td>
                    {manage ? (
                      <Table.Td>
                        <Tooltip label={t('common.edit')}>
                          <ActionIcon variant="subtle" onClick={() => setEditing(w)} aria-label={`${t('common.edit')}: ${w.name}`} data-testid={`work-types-edit-${w.id}`}><IconPencil size={16} /></ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {editing !== undefined ? <WorkTypeModal item={editing} onClose={() => setEditing(undefined)} /> : null}
    </div>
  );
}
