import { Group, Paper, Select, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/AuthProvider';
import { ErrorState } from '../../app/components/QueryStates';
import { notifyError, notifySaved } from '../admin/shared/notify';
import { useClientPriceList, usePriceLists, useSaveClientPriceList } from './api';

const DEFAULT = 'default';

/** The client's price list on its detail page (pricing.read sees it, pricing.manage changes it). */
export function ClientPriceList({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const current = useClientPriceList(clientId);
  const lists = usePriceLists('all');
  const save = useSaveClientPriceList(clientId);
  if (current.isError) return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;
  const all = lists.data ?? [];
  const defaultList = all.find((l) => l.isDefault);
  const chosen = current.data?.priceListId ?? null;
  const effective = all.find((l) => l.id === current.data?.effectivePriceListId);
  const options = [
    { value: DEFAULT, label: t('pricing.client.useDefault', { name: defaultList?.name ?? '—' }) },
    ...all.filter((l) => l.active || l.id === chosen).map((l) => ({ value: String(l.id), label: `${l.name} (${l.currency})${l.active ? '' : ` · ${t('common.inactive')}`}` })),
  ];
  return (
    <Paper withBorder p="lg" data-testid="client-price-list">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={2} size="h4">{t('pricing.client.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="client-price-list-effective">
            {effective ? t('pricing.client.effective', { name: effective.name }) : t('pricing.client.hint')}
          </Text>
        </div>
        <Select
          data={options}
          value={chosen === null ? DEFAULT : String(chosen)}
          allowDeselect={false}
          disabled={!can('pricing.manage') || current.isPending || lists.isPending || save.isPending}
          onChange={(v) =>
            save.mutate(v === DEFAULT || v === null ? null : Number(v), {
              onSuccess: () => notifySaved(t('pricing.client.saved')),
              onError: (error) => notifyError(t, error),
            })
          }
          aria-label={t('pricing.client.title')}
          w={{ base: '100%', sm: 300 }}
          data-testid="client-price-list-select"
        />
      </Group>
    </Paper>
  );
}
