import { Alert, Button, Divider, Group, Paper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordError } from './errors';
import { useAuth, useMe } from '../../app/auth/AuthProvider';
import { ConfirmModal } from '../../app/components/ConfirmModal';
import { UnsavedChangesModal } from '../../app/components/UnsavedChangesModal';
import { QueryView } from '../../app/components/QueryStates';
import { formatMoney } from '../pricing/money';
import { usePhone } from '../../app/components/usePhone';
import { type ServiceRecord, useDeleteRecord, useSubmitRecords, useTicketRecords } from './api';
import { RecordForm } from './RecordForm';
import { CoverageNote, recordWhat } from './RecordBadges';
import { RecordsList } from './RecordsList';
import { TimerControl } from './TimerControl';
import { clientTotals, prepaidTimeWords } from './coverage';
import { ticketTotals, totalsParts } from './totals';
import './records.css';

/**
 * Totals of the ticket: time, km, fees and material and, for those who see prices, what the
 * client pays per currency (covered work at 0, not at its list price); work from prepaid
 * hours is counted apart as time (not as a number of records), its overage known only at the
 * period's end.
 */
function Totals({ records }: { records: ServiceRecord[] }) {
  const { t } = useTranslation();
  const unpriced = records.filter((r) => r.price.status === 'no_price').length;
  const pays = clientTotals(records);
  return (
    <Text size="sm" c="dimmed" data-testid="records-totals">
      {[
        ...totalsParts(t, ticketTotals(records)), ...pays.money.map((m) => formatMoney(m.amountMinor, m.currency)),
        prepaidTimeWords(t, pays.prepaid), unpriced ? t('records.unpricedCount', { count: unpriced }) : null,
      ]
        .filter(Boolean)
        .join(' · ')}
    </Text>
  );
}

/** Service records of a ticket: the list, the timer and the log form (mounted on the ticket detail page). */
export function RecordsPanel({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const me = useMe();
  const list = useTicketRecords(ticketId);
  const submit = useSubmitRecords();
  const remove = useDeleteRecord();
  const [busyId, setBusyId] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<ServiceRecord | null>(null);
  // The record being corrected, read from the live list: after a change made elsewhere the
  // list is reloaded and the form starts again from the saved values (keyed by version).
  const [editingId, setEditingId] = useState<number | null>(null);
  const [staleEdit, setStaleEdit] = useState(false);
  const [editDirty, setEditDirty] = useState(false);
  const phone = usePhone();
  const canWrite = can('records.write');
  const records = list.data ?? [];
  const editing = records.find((r) => r.id === editingId) ?? null;
  const edit = (r: ServiceRecord | null) => {
    setStaleEdit(false);
    setEditDirty(false);
    setEditingId(r?.id ?? null);
  };
  const onStale = () => {
    setStaleEdit(true);
    void list.refetch();
  };
  const myDrafts = records.filter((r) => r.state === 'draft' && r.technician.id === me.id && r.kind !== 'material');

  const submitIds = (ids: number[], one: boolean) => {
    setBusyId(one ? (ids[0] ?? null) : null);
    submit.mutate(ids, {
      onSuccess: (count) => notifications.show({ color: 'green', message: t('records.submitted', { count }) }),
      onError: (error) => notifications.show({ color: 'red', message: recordError(t, error) }),
      onSettled: () => setBusyId(null),
    });
  };

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => notifications.show({ color: 'green', message: t('records.deleted') }),
      onError: (error) => notifications.show({ color: 'red', message: recordError(t, error) }),
      onSettled: () => setDeleting(null),
    });
  };

  return (
    <Paper withBorder p="md" data-testid="records-panel">
      <Group justify="space-between" align="flex-start" gap="sm" mb="xs" wrap="wrap">
        <div>
          <Title order={2} size="h5">{t('records.panelTitle')}</Title>
          {records.length ? <Totals records={records} /> : null}
        </div>
        {canWrite ? <TimerControl ticketId={ticketId} /> : null}
      </Group>
      <QueryView query={list} isEmpty={() => records.length === 0} empty={<Text size="sm" c="dimmed" data-testid="records-empty">{t('records.empty')}</Text>}>
        {() => <RecordsList records={records} busyId={busyId} onSubmit={(r) => submitIds([r.id], true)} onDelete={setDeleting} onEdit={edit} />}
      </QueryView>
      {canWrite && myDrafts.length > 1 ? (
        <Group justify="flex-end" mt="xs">
          <Button size="xs" className="tap-target" variant="light" leftSection={<IconSend size={14} />} loading={submit.isPending && busyId === null} onClick={() => submitIds(myDrafts.map((r) => r.id), false)} data-testid="records-submit-all">
            {t('records.submitMine', { count: myDrafts.length })}
          </Button>
        </Group>
      ) : null}
      {canWrite ? (
        <>
          <Divider my="sm" label={t('records.logTitle')} labelPosition="left" />
          {/* A form per ticket: going to another ticket never carries an entry (or its kept draft) over. */}
          <RecordForm key={ticketId} ticketId={ticketId} />
        </>
      ) : null}
      <UnsavedChangesModal
        opened={editing !== null}
        dirty={editDirty}
        onClose={() => edit(null)}
        fullScreen={phone}
        size="lg"
        title={editing ? t('records.editTitle', { what: recordWhat(t, editing) }) : ''}
        attributes={{ content: { 'data-testid': 'record-edit-modal' } }}
      >
        {staleEdit ? (
          <Alert color="orange" mb="sm" role="alert" data-testid="record-edit-stale">
            <Text size="sm">{t('records.editStale')}</Text>
          </Alert>
        ) : null}
        {editing ? <CoverageNote record={editing} /> : null}
        {editing ? <RecordForm key={`${editing.id}-${editing.version}`} ticketId={ticketId} record={editing} onSaved={() => edit(null)} onStale={onStale} onDirtyChange={setEditDirty} /> : null}
      </UnsavedChangesModal>
      <ConfirmModal
        opened={deleting !== null}
        title={t('records.deleteTitle')}
        message={t('records.deleteText')}
        confirmLabel={t('records.delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      />
    </Paper>
  );
}
