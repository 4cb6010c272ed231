import { ActionIcon, Badge, Button, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api/errors';
import { ConfirmModal } from '../../app/components/ConfirmModal';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyState, QueryView } from '../../app/components/QueryStates';
import { formatDateTime } from '../../app/format';
import { type ApiToken, useRevokeToken, useTokens } from './api';
import { NewTokenModal } from './NewTokenModal';

export default function TokensPage() {
  const { t } = useTranslation();
  const query = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const items = query.data?.items ?? [];

  const doRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => notifications.show({ color: 'green', message: t('tokens.revoked', { name: revoking.name }) }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      onSettled: () => setRevoking(null),
    });
  };

  return (
    <div data-testid="page-tokens">
      <PageHeader
        title={t('tokens.title')}
        subtitle={t('tokens.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="tokens-new">
            {t('tokens.new')}
          </Button>
        }
      />
      <QueryView framed query={query} isEmpty={() => items.length === 0} empty={<EmptyState title={t('tokens.empty')} />}>
        {() => (
          <Table.ScrollContainer minWidth={600}>
            <Table data-testid="tokens-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tokens.name')}</Table.Th>
                  <Table.Th>{t('common.createdAt')}</Table.Th>
                  <Table.Th>{t('tokens.lastUsedAt')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th w={48} aria-label={t('common.actions')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((tok) => (
                  <Table.Tr key={tok.id} data-testid={`tokens-row-${tok.id}`}>
                    <Table.Td fw={500}>{tok.name}</Table.Td>
                    <Table.Td>{formatDateTime(tok.createdAt)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c={tok.lastUsedAt ? undefined : 'dimmed'}>
                        {tok.lastUsedAt ? formatDateTime(tok.lastUsedAt) : t('tokens.neverUsed')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {tok.revokedAt ? (
                        <Tooltip label={formatDateTime(tok.revokedAt)}>
                          <Badge color="gray" variant="light">{t('tokens.statusRevoked')}</Badge>
                        </Tooltip>
                      ) : (
                        <Badge color="green" variant="light">{t('common.active')}</Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {tok.revokedAt ? null : (
                        <Tooltip label={t('tokens.revoke')}>
                          <ActionIcon variant="subtle" color="red" onClick={() => setRevoking(tok)} aria-label={`${t('tokens.revoke')}: ${tok.name}`} data-testid={`tokens-revoke-${tok.id}`}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      {creating ? <NewTokenModal onClose={() => setCreating(false)} /> : null}
      <ConfirmModal
        opened={revoking !== null}
        title={t('tokens.revokeTitle')}
        message={t('tokens.revokeText', { name: revoking?.name ?? '' })}
        confirmLabel={t('tokens.revoke')}
        loading={revoke.isPending}
        onConfirm={doRevoke}
        onClose={() => setRevoking(null)}
      />
    </div>
  );
}
