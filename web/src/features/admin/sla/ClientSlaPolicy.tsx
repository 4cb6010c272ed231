import { Group, Paper, Select, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../app/components/QueryStates';
import { notifyError, notifySaved } from '../shared/notify';
import { useClientSlaPolicy, useSaveClientSlaPolicy, useSlaPolicies } from './api';

const DEFAULT = 'default';

/** The client's SLA policy on its detail page (admins with helpdesk.configure). */
export function ClientSlaPolicy({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const current = useClientSlaPolicy(clientId);
  const policies = useSlaPolicies();
  const save = useSaveClientSlaPolicy(clientId);
  if (current.isError) return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;
  const list = policies.data?.items ?? [];
  const defaultPolicy = list.find((p) => p.isDefault);
  const chosen = current.data?.slaPolicyId ?? null;
  const effective = list.find((p) => p.id === current.data?.effectiveSlaPolicyId);
  const options = [
    { value: DEFAULT, label: t('admin.clientSla.useDefault', { name: defaultPolicy?.name ?? '—' }) },
    ...list.filter((p) => p.active || p.id === chosen).map((p) => ({ value: String(p.id), label: p.active ? p.name : `${p.name} (${t('common.inactive')})` })),
  ];
  return (
    <Paper withBorder p="lg" data-testid="client-sla">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={2} size="h4">{t('admin.clientSla.title')}</Title>
          <Text size="sm" c="dimmed">
            {effective ? t('admin.clientSla.effective', { name: effective.name }) : t('admin.clientSla.hint')}
          </Text>
        </div>
        <Select
          data={options}
          value={chosen === null ? DEFAULT : String(chosen)}
          allowDeselect={false}
          disabled={current.isPending || policies.isPending || save.isPending}
          onChange={(v) =>
            save.mutate(v === DEFAULT || v === null ? null : Number(v), {
              onSuccess: () => notifySaved(t('admin.clientSla.saved')),
              onError: (error) => notifyError(t, error),
            })
          }
          aria-label={t('admin.clientSla.title')}
          w={{ base: '100%', sm: 300 }}
          data-testid="client-sla-select"
        />
      </Group>
    </Paper>
  );
}
