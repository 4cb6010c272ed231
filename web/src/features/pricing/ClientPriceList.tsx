import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/AuthProvider';
import { DefaultChoiceCard } from '../../app/components/DefaultChoiceCard';
import { ErrorState } from '../../app/components/QueryStates';
import { notifyError, notifySaved } from '../admin/shared/notify';
import { useClientPriceList, usePriceLists, useSaveClientPriceList } from './api';

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
  return (
    <DefaultChoiceCard
      testId="client-price-list"
      title={t('pricing.client.title')}
      description={effective ? t('pricing.client.effective', { name: effective.name }) : t('pricing.client.hint')}
      descriptionTestId="client-price-list-effective"
      defaultLabel={t('pricing.client.useDefault', { name: defaultList?.name ?? '—' })}
      options={all.filter((l) => l.active || l.id === chosen).map((l) => ({ id: l.id, label: `${l.name} (${l.currency})${l.active ? '' : ` · ${t('common.inactive')}`}` }))}
      chosen={chosen}
      disabled={!can('pricing.manage') || current.isPending || lists.isPending || save.isPending}
      onChoose={(id) => save.mutate(id, { onSuccess: () => notifySaved(t('pricing.client.saved')), onError: (error) => notifyError(t, error) })}
    />
  );
}
