import { useTranslation } from 'react-i18next';
import { DefaultChoiceCard } from '../../../app/components/DefaultChoiceCard';
import { ErrorState } from '../../../app/components/QueryStates';
import { notifyError, notifySaved } from '../shared/notify';
import { useClientSlaPolicy, useSaveClientSlaPolicy, useSlaPolicies } from './api';

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
  return (
    <DefaultChoiceCard
      testId="client-sla"
      title={t('admin.clientSla.title')}
      description={effective ? t('admin.clientSla.effective', { name: effective.name }) : t('admin.clientSla.hint')}
      defaultLabel={t('admin.clientSla.useDefault', { name: defaultPolicy?.name ?? '—' })}
      options={list.filter((p) => p.active || p.id === chosen).map((p) => ({ id: p.id, label: p.active ? p.name : `${p.name} (${t('common.inactive')})` }))}
      chosen={chosen}
      disabled={current.isPending || policies.isPending || save.isPending}
      onChoose={(id) => save.mutate(id, { onSuccess: () => notifySaved(t('admin.clientSla.saved')), onError: (error) => notifyError(t, error) })}
    />
  );
}
