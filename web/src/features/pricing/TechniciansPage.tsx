import { Paper, Select, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/AuthProvider';
import { EmptyState, QueryView } from '../../app/components/QueryStates';
import { notifyError, notifySaved } from '../admin/shared/notify';
import { type TechnicianSettings, useLevels, useSaveTechnicianSettings, useTechnicianSettings } from './catalogueApi';
import { PricingHeader } from './PricingHeader';

/** /admin/pricing/technicians — each staff user's technician level (for level rates) and auto-approval of their records. */
export default function TechniciansPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('pricing.manage');
  const list = useTechnicianSettings();
  const levels = useLevels('all');
  const save = useSaveTechnicianSettings();
  const levelOptions = (current: number | null) =>
    (levels.data ?? []).filter((l) => l.active || l.id === current).map((l) => ({ value: String(l.id), label: l.active ? l.name : `${l.name} (${t('common.inactive')})` }));
  const change = (s: TechnicianSettings, patch: Partial<Pick<TechnicianSettings, 'levelId' | 'autoApprove'>>) =>
    save.mutate({ userId: s.userId, levelId: s.levelId, autoApprove: s.autoApprove, ...patch }, {
      onSuccess: () => notifySaved(t('pricing.saved')),
      onError: (e) => notifyError(t, e),
    });
  return (
    <div data-testid="page-pricing-technicians">
      <PricingHeader />
      <Text size="sm" c="dimmed" mb="sm">{t('pricing.technicians.hint')}</Text>
      <Paper withBorder>
        <QueryView query={list} isEmpty={(data) => data.length === 0} empty={<EmptyState title={t('pricing.technicians.empty')} />}>
          {(data) => (
            <Table.ScrollContainer minWidth={520}>
              <Table data-testid="technicians-table" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('records.fields.technician')}</Table.Th>
                    <Table.Th>{t('pricing.fields.level')}</Table.Th>
                    <Table.Th>{t('pricing.fields.autoApprove')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.map((s) => (
                    <Table.Tr key={s.userId} data-testid={`technicians-row-${s.userId}`}>
                      <Table.Td fw={500}>{s.userName}</Table.Td>
                      <Table.Td>
                        <Select
                          data={levelOptions(s.levelId)}
                          value={s.levelId === null ? null : String(s.levelId)}
                          onChange={(v) => change(s, { levelId: v ? Number(v) : null })}
                          placeholder={t('pricing.technicians.noLevel')}
                          clearable
                          disabled={!manage || save.isPending}
                          aria-label={`${t('pricing.fields.level')}: ${s.userName}`}
                          w={220}
                          data-testid={`technicians-level-${s.userId}`}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Switch
                          checked={s.autoApprove}
                          onChange={(e) => change(s, { autoApprove: e.currentTarget.checked })}
                          disabled={!manage || save.isPending}
                          aria-label={`${t('pricing.fields.autoApprove')}: ${s.userName}`}
                          data-testid={`technicians-auto-${s.userId}`}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryView>
      </Paper>
    </div>
  );
}
