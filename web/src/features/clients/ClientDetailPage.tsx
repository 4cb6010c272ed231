import { Button, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconHistory, IconPencil, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../app/api/client';
import { errorMessage } from '../../app/api/errors';
import { useAuth } from '../../app/auth/AuthProvider';
import { ConfirmModal } from '../../app/components/ConfirmModal';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorState, LoadingState, type NotFoundText } from '../../app/components/QueryStates';
import { RecordPage, useNotFoundText } from '../../app/components/RecordPage';
import { useKeyShortcuts } from '../../app/components/hotkeys';
import { formatDateTime, formatNumber } from '../../app/format';
import { type Address, useClient, useSaveClient } from './api';
import { ClientSlaPolicy } from '../admin/sla/ClientSlaPolicy';
import { ClientPriceList } from '../pricing/ClientPriceList';
import { ContactsSection } from './ContactsSection';
import { ClientContracts } from './ClientContracts';
import { ClientInvoices } from './ClientInvoices';
import { ClientTickets } from './ClientTickets';
import { taxIdFields } from './clientFormModel';
import { countryName } from './reference';
import { ActiveBadge } from '../admin/shared/ActiveBadge';
import { clientNotFoundText, useOwnOrganisation } from './ownOrganisation';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" data-testid={testId} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function formatAddress(a: Address | null): string {
  if (!a) return '—';
  return [a.street, [a.postalCode, a.city].filter(Boolean).join(' '), countryName(a.country)].filter(Boolean).join('\n');
}

export default function ClientDetailPage() {
  const { t } = useTranslation();
  const notFound = clientNotFoundText(useNotFoundText('clients.notFound', '/clients'), useOwnOrganisation(), t);
  return <RecordPage notFound={notFound}>{(id) => <ClientDetail id={id} notFound={notFound} />}</RecordPage>;
}

function ClientDetail({ id, notFound }: { id: number; notFound: NotFoundText }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const query = useClient(id);
  const save = useSaveClient(id);
  const [confirm, setConfirm] = useState(false);
  const canWrite = can('clients.write');
  // A client contact's list is this page: no way "back" to it.
  const { clientOnly } = useOwnOrganisation();

  const shortcuts = useMemo(() => (canWrite ? { e: () => navigate(`/clients/${id}/edit`) } : {}), [canWrite, id, navigate]);
  useKeyShortcuts(shortcuts);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} notFound={notFound} />;
  const c = query.data;
  const ids = taxIdFields(c.country, c.taxId);

  const toggleActive = () =>
    save.mutate(
      { active: !c.active, version: c.version },
      {
        onSuccess: (client) => {
          setConfirm(false);
          notifications.show({ color: 'green', message: client.active ? t('clients.activated') : t('clients.deactivated') });
        },
        onError: (error) => {
          setConfirm(false);
          notifications.show({ color: 'red', message: errorMessage(t, error) });
          if (isApiError(error) && error.code === 'stale_version') void query.refetch();
        },
      },
    );

  return (
    <div data-testid="page-client-detail">
      {clientOnly ? null : (
        <Button component={Link} to="/clients" variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} />} mb="xs" data-testid="client-back">
          {t('clients.backToList')}
        </Button>
      )}
      <PageHeader
        title={<span data-testid="client-detail-name">{c.name}</span>}
        badge={
          <ActiveBadge active={c.active} testId="client-detail-status" />
        }
        actions={
          <>
            {can('audit.read') ? (
              <Button variant="default" component={Link} to={`/admin/audit?entity=client&entityId=${c.id}`} leftSection={<IconHistory size={16} />} data-testid="client-history">
                {t('clients.history')}
              </Button>
            ) : null}
            {canWrite ? (
              <>
                <Button variant="default" onClick={() => (c.active ? setConfirm(true) : toggleActive())} loading={save.isPending && !confirm} leftSection={c.active ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />} data-testid="client-toggle-active">
                  {c.active ? t('clients.deactivate') : t('clients.activate')}
                </Button>
                <Button component={Link} to={`/clients/${c.id}/edit`} leftSection={<IconPencil size={16} />} data-testid="client-edit">
                  {t('common.edit')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="lg">
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="lg" verticalSpacing="md">
            <Field label={t('clients.fields.companyId')} testId="client-detail-companyId">{c.companyId ?? '—'}</Field>
            <Field label={t(`clients.fields.${ids.vatIdKey}`)} testId="client-detail-vatId">{c.vatId ?? '—'}</Field>
            {ids.showTaxId ? <Field label={t('clients.fields.taxId')} testId="client-detail-taxId">{c.taxId ?? '—'}</Field> : null}
            <Field label={t('clients.fields.country')}>{countryName(c.country)}</Field>
            <Field label={t('clients.fields.language')}>{t(`languages.${c.language}`)}</Field>
            <Field label={t('clients.fields.email')}>{c.email ?? '—'}</Field>
            <Field label={t('clients.fields.phone')}>{c.phone ?? '—'}</Field>
            <Field label={t('clients.fields.currency')}>{c.currency}</Field>
            <Field label={t('clients.fields.paymentTermsDays')}>
              {formatNumber(c.paymentTermsDays)} {t('clients.daysSuffix')}
            </Field>
            <Field label={t('clients.sections.registeredAddress')}>{formatAddress(c.registeredAddress)}</Field>
            <Field label={t('clients.sections.billingAddress')}>
              {c.billingAddress ? formatAddress(c.billingAddress) : t('clients.sameAsRegistered')}
            </Field>
            <Field label={t('common.createdAt')}>{formatDateTime(c.createdAt)}</Field>
            <Field label={t('common.updatedAt')}>{formatDateTime(c.updatedAt)}</Field>
          </SimpleGrid>
          {/* Internal: the server leaves them out for whoever may not read them (a client contact). */}
          {c.notes ? (
            <Stack gap={4} mt="lg">
              <Field label={t('clients.fields.notes')} testId="client-detail-notes">{c.notes}</Field>
            </Stack>
          ) : null}
        </Paper>
        {/* Each only for those who may read that kind of record: the lists behind them would refuse the rest. */}
        {can('tickets.read') ? <ClientTickets clientId={c.id} /> : null}
        {can('contracts.read') ? <ClientContracts clientId={c.id} /> : null}
        {can('invoices.read') ? <ClientInvoices clientId={c.id} /> : null}
        {can('helpdesk.configure') ? <ClientSlaPolicy clientId={c.id} /> : null}
        {can('pricing.read') ? <ClientPriceList clientId={c.id} /> : null}
        <div>
          <ContactsSection client={c} canWrite={canWrite} />
        </div>
      </Stack>
      <ConfirmModal
        opened={confirm}
        title={t('clients.deactivateTitle')}
        message={t('clients.deactivateText', { name: c.name })}
        confirmLabel={t('clients.deactivate')}
        color="orange"
        loading={save.isPending}
        onConfirm={toggleActive}
        onClose={() => setConfirm(false)}
      />
    </div>
  );
}
