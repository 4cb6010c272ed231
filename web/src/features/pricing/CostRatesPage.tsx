import { ActionIcon, Button, Group, Paper, SegmentedControl, Select, Table, Text, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../app/api/errors';
import { useAuth, useMe } from '../../app/auth/AuthProvider';
import { ConfirmModal } from '../../app/components/ConfirmModal';
import { formatDate } from '../../app/format';
import { EmptyState, FormErrorAlert, QueryView } from '../../app/components/QueryStates';
import { ForbiddenPage } from '../../app/components/StatusPages';
import { useSaveKeys } from '../admin/shared/keys';
import { notifyError, notifySaved } from '../admin/shared/notify';
import { type CostRate, useCostRates, useCreateCostRate, useDeleteCostRate, useTechnicianSettings } from './catalogueApi';
import { formatMoney, majorToMinor } from './money';
import { PricingHeader } from './PricingHeader';
import { DateField } from '../../app/components/DateFields';
import { NumberField } from '../../app/components/NumberField';

type Values = { kind: 'hourly' | 'per_km'; userId: string | null; amount: number | ''; validFrom: string };

function AddCostRate({ technicians }: { technicians: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const create = useCreateCostRate();
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<Values>({
    initialValues: { kind: 'hourly', userId: null, amount: '', validFrom: '' },
    validate: {
      userId: (v, all) => (all.kind === 'hourly' && !v ? t('errors.required') : null),
      amount: (v) => (majorToMinor(v) === null ? t('pricing.editor.errors.amount') : null),
      validFrom: (v) => (v ? null : t('errors.required')),
    },
  });
  const submit = form.onSubmit((v) => {
    setExtra([]);
    const amountMinor = majorToMinor(v.amount) ?? 0;
    const body = v.kind === 'hourly' ? { kind: 'hourly' as const, userId: Number(v.userId), amountMinor, validFrom: v.validFrom } : { kind: 'per_km' as const, amountMinor, validFrom: v.validFrom };
    create.mutate(body, {
      onSuccess: () => { notifySaved(t('pricing.saved')); form.reset(); },
      onError: (e) => setExtra(applyFormErrors(form, e, t, { amountMinor: 'amount' })),
    });
  });
  const saveKeys = useSaveKeys(() => submit(), create.isPending);
  return (
    <form onSubmit={submit} onKeyDown={saveKeys} noValidate data-testid="cost-rate-form">
      <FormErrorAlert error={create.error} extra={extra} testId="cost-rate-error" />
      <Group gap="sm" align="flex-end" wrap="wrap" mt="xs">
        <SegmentedControl data={[{ value: 'hourly', label: t('pricing.costs.hourly') }, { value: 'per_km', label: t('pricing.costs.perKm') }]} {...form.getInputProps('kind')} data-testid="cost-rate-kind" />
        {form.values.kind === 'hourly' ? (
          <Select label={t('records.fields.technician')} data={technicians} searchable {...form.getInputProps('userId')} w={220} data-testid="cost-rate-user" />
        ) : null}
        <NumberField label={form.values.kind === 'hourly' ? t('pricing.costs.perHour') : t('pricing.costs.perKmAmount')} min={0} decimalScale={2} {...form.getInputProps('amount')} w={160} data-testid="cost-rate-amount" />
        <DateField label={t('pricing.fields.validFrom')} {...form.getInputProps('validFrom')} w={170} data-testid="cost-rate-validFrom" />
        <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.isPending} data-testid="cost-rate-add">{t('pricing.costs.add')}</Button>
      </Group>
    </form>
  );
}

/** /admin/pricing/costs — internal cost rates: per technician and hour, and per km, each valid from a date. Roles that see costs only. */
export default function CostRatesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const me = useMe();
  const manage = can('pricing.manage');
  const list = useCostRates(me.fieldScope.costs);
  const technicians = useTechnicianSettings();
  const remove = useDeleteCostRate();
  const [deleting, setDeleting] = useState<CostRate | null>(null);
  if (!me.fieldScope.costs) return <ForbiddenPage />;
  const names = new Map((technicians.data ?? []).map((s) => [s.userId, s.userName]));
  const rates = [...(list.data ?? [])].sort((a, b) =>
    a.kind.localeCompare(b.kind) || (names.get(a.userId ?? 0) ?? '').localeCompare(names.get(b.userId ?? 0) ?? '') || a.validFrom.localeCompare(b.validFrom));
  return (
    <div data-testid="page-pricing-costs">
      <PricingHeader />
      <Text size="sm" c="dimmed" mb="sm">{t('pricing.costs.hint')}</Text>
      {manage ? (
        <Paper withBorder p="md" mb="md">
          <Title order={2} size="h5">{t('pricing.costs.newTitle')}</Title>
          <AddCostRate technicians={(technicians.data ?? []).map((s) => ({ value: String(s.userId), label: s.userName }))} />
        </Paper>
      ) : null}
      <Paper withBorder>
        <QueryView query={list} isEmpty={() => rates.length === 0} empty={<EmptyState title={t('pricing.costs.empty')} />}>
          {() => (
            <Table.ScrollContainer minWidth={520}>
              <Table data-testid="costs-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('pricing.costs.what')}</Table.Th>
                    <Table.Th ta="right">{t('pricing.fields.amount')}</Table.Th>
                    <Table.Th>{t('pricing.fields.validFrom')}</Table.Th>
                    {manage ? <Table.Th w={48} aria-label={t('common.actions')} /> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rates.map((r) => (
                    <Table.Tr key={r.id} data-testid={`costs-row-${r.id}`} data-kind={r.kind}>
                      <Table.Td>{r.kind === 'per_km' ? t('pricing.costs.perKm') : names.get(r.userId ?? 0) ?? `#${r.userId}`}</Table.Td>
                      <Table.Td ta="right" fw={600}>{formatMoney(r.amountMinor, r.currency)} / {r.kind === 'per_km' ? 'km' : 'h'}</Table.Td>
                      <Table.Td>{formatDate(r.validFrom)}</Table.Td>
                      {manage ? (
                        <Table.Td>
                          <Tooltip label={t('pricing.costs.delete')}>
                            <ActionIcon variant="subtle" color="red" onClick={() => setDeleting(r)} aria-label={t('pricing.costs.delete')} data-testid={`costs-delete-${r.id}`}><IconTrash size={16} /></ActionIcon>
                          </Tooltip>
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
      <ConfirmModal
        opened={deleting !== null}
        title={t('pricing.costs.delete')}
        message={t('pricing.costs.deleteText')}
        confirmLabel={t('pricing.costs.delete')}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => notifySaved(t('pricing.saved')), onError: (e) => notifyError(t, e), onSettled: () => setDeleting(null) })}
        onClose={() => setDeleting(null)}
      />
    </div>
  );
}
