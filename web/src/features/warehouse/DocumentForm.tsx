import { Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applyFormErrors } from '../../app/api/errors';
import { ConfirmModal } from '../../app/components/ConfirmModal';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { useTicketsList } from '../tickets/api';
import { type StockDocument, useConfirmDocument, useCreateDocument, useDeleteDocument, useRecordedStock, useStockCurrency, useUpdateDocument, useWarehouses } from './api';
import { stockError } from './errors';
import { LinesEditor } from './LinesEditor';
import { countSummary, type DocumentValues, KIND_PATHS, linePathMap, parseSerials, toDocumentInput } from './model';
import { signedStockMoney } from './units';
import { DateField } from '../../app/components/DateFields';

/** Picks a ticket for an issue slip made in the warehouse (on the ticket itself the ticket is given). */
function TicketSelect({ value, label, onChange }: { value: number | null; label: string | null; onChange: (id: number | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const list = useTicketsList({ q: debounced.trim() || undefined, view: 'all' });
  const options = (list.data?.pages[0]?.items ?? []).map((tk) => ({ value: String(tk.id), label: `${tk.number} · ${tk.subject}` }));
  if (value !== null && label && !options.some((o) => o.value === String(value))) options.unshift({ value: String(value), label });
  return (
    <Select
      label={t('warehouse.fields.ticket')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      data={options}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v === null ? null : Number(v))}
      nothingFoundMessage={t('common.nothingFound')}
      data-testid="document-ticketId"
    />
  );
}

interface Props {
  initial: DocumentValues;
  /** The stored draft being edited; null for a new document. */
  draft: StockDocument | null;
  /** The slip a return reverses (shown above the form). */
  returnsLabel?: string | null;
  ticketLabel?: string | null;
}

const PROBLEM_TEXT = (t: (k: string) => string, code: string) => t(`warehouse.form.errors.${code}`);

/** A receipt, transfer, issue slip, return or count: header, lines, save as a draft or confirm (after a confirmation step). */
export function DocumentForm({ initial, draft, returnsLabel, ticketLabel }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const warehouses = useWarehouses();
  const create = useCreateDocument();
  const update = useUpdateDocument();
  const confirmDoc = useConfirmDocument();
  const remove = useDeleteDocument();
  const [extra, setExtra] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const form = useForm<DocumentValues>({ initialValues: initial });
  const v = form.values;
  const kind = v.kind;
  const busy = create.isPending || update.isPending || confirmDoc.isPending;
  const currency = useStockCurrency();
  // A count shows what the records say of each line (and its confirmation what will change).
  const recorded = useRecordedStock(kind === 'count' ? v.lines.flatMap((l) => (l.itemId === null ? [] : [l.itemId])) : [], kind === 'count' && v.warehouseId ? Number(v.warehouseId) : null);
  const counted = kind === 'count' ? countSummary(v.lines, recorded) : null;
  const error = create.error ?? update.error ?? confirmDoc.error;

  const build = (confirm: boolean) => {
    setExtra([]);
    create.reset();
    update.reset();
    confirmDoc.reset();
    form.clearErrors();
    const built = toDocumentInput(form.getValues(), confirm);
    if (built.problems) {
      form.setErrors(Object.fromEntries(Object.entries(built.problems).map(([k, code]) => [k, PROBLEM_TEXT(t, code)])));
      return null;
    }
    return built.body;
  };

  const saved = (doc: StockDocument, confirmed: boolean) => {
    notifications.show({
      color: 'green',
      message: confirmed ? t('warehouse.documents.confirmed', { number: doc.number ?? doc.id }) : t('warehouse.documents.savedDraft'),
    });
    navigate(`/warehouse/documents/${doc.id}`, { replace: !draft });
  };

  const failed = (e: unknown) => {
    setConfirming(false);
    const lines = form.getValues().lines;
    setExtra(applyFormErrors(form, e, t, linePathMap(lines.length, lines.map((l) => parseSerials(l.serials).length))));
  };

  const saveDraft = () => {
    const body = build(false);
    if (!body) return;
    if (draft) {
      const { kind: _kind, confirm: _confirm, ...patch } = body;
      update.mutate({ id: draft.id, body: patch }, { onSuccess: (d) => saved(d, false), onError: failed });
    } else create.mutate(body, { onSuccess: (d) => saved(d, false), onError: failed });
  };

  const askConfirm = () => {
    if (build(true)) setConfirming(true);
  };

  const doConfirm = () => {
    const body = build(true);
    if (!body) return setConfirming(false);
    if (!draft) {
      create.mutate(body, { onSuccess: (d) => { setConfirming(false); saved(d, true); }, onError: failed });
      return;
    }
    // A draft: store what is on screen, then confirm it.
    const { kind: _kind, confirm: _confirm, ...patch } = body;
    update.mutate({ id: draft.id, body: patch }, {
      onSuccess: (d) => confirmDoc.mutate(d.id, { onSuccess: (c) => { setConfirming(false); saved(c, true); }, onError: failed }),
      onError: failed,
    });
  };

  const doDelete = () => {
    if (!draft) return;
    remove.mutate(draft.id, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('warehouse.documents.deleted') });
        navigate(`/warehouse/${KIND_PATHS[kind]}`);
      },
      onError: (e) => { setDeleting(false); notifications.show({ color: 'red', message: stockError(t, e) }); },
    });
  };

  const ctrlEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      askConfirm();
    }
  };

  // Issue slips take stock only from warehouses one may use; receipts, counts and transfers
  // go to any active warehouse the server allows (it refuses with a message otherwise).
  const usable = (warehouses.data ?? []).filter((w) => w.active && (kind === 'issue' || kind === 'return' ? w.canUse : true));
  const warehouseOptions = usable.map((w) => ({ value: String(w.id), label: `${w.code} · ${w.name}` }));
  const targetOptions = (warehouses.data ?? []).filter((w) => w.active && String(w.id) !== v.warehouseId).map((w) => ({ value: String(w.id), label: `${w.code} · ${w.name}` }));
  const lineCount = v.lines.filter((l) => l.itemId !== null).length;
  const warehouseName = (id: string | null) => warehouses.data?.find((w) => String(w.id) === id)?.name ?? '';

  return (
    <form onSubmit={(e) => { e.preventDefault(); askConfirm(); }} onKeyDown={ctrlEnter} noValidate data-testid="document-form" data-kind={kind}>
      <Stack gap="md">
        <FormErrorAlert error={error} extra={[...(error ? [stockError(t, error, true)] : []), ...extra].filter(Boolean)} testId="document-form-error" />
        {returnsLabel ? <Text size="sm" data-testid="document-returns">{t('warehouse.documents.returnsSlip', { number: returnsLabel })}</Text> : null}
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <DateField label={t('warehouse.fields.date')} required {...form.getInputProps('date')} data-testid="document-date" />
            <Select
              label={kind === 'transfer' ? t('warehouse.fields.fromWarehouse') : t('warehouse.fields.warehouse')}
              required
              searchable
              allowDeselect={false}
              data={warehouseOptions}
              {...form.getInputProps('warehouseId')}
              data-testid="document-warehouseId"
            />
            {kind === 'transfer' ? (
              <Select label={t('warehouse.fields.toWarehouse')} required searchable allowDeselect={false} data={targetOptions} {...form.getInputProps('targetWarehouseId')} data-testid="document-targetWarehouseId" />
            ) : null}
            {kind === 'receipt' ? (
              <>
                <TextInput label={t('warehouse.fields.supplier')} autoComplete="off" {...form.getInputProps('supplier')} data-testid="document-supplier" />
                <TextInput label={t('warehouse.fields.supplierDocumentNumber')} autoComplete="off" {...form.getInputProps('supplierDocumentNumber')} data-testid="document-supplierDocumentNumber" />
              </>
            ) : null}
            {kind === 'issue' || kind === 'return' ? (
              <div style={{ gridColumn: 'span 2' }} className="wh-span">
                {v.returnsDocumentId !== null ? (
                  <TextInput label={t('warehouse.fields.ticket')} value={ticketLabel ?? '—'} readOnly data-testid="document-ticket" />
                ) : (
                  <TicketSelect value={v.ticketId} label={ticketLabel ?? null} onChange={(id) => form.setFieldValue('ticketId', id)} />
                )}
              </div>
            ) : null}
            {kind === 'count' || kind === 'return' ? (
              <TextInput label={t('warehouse.fields.reason')} required={kind === 'count'} autoComplete="off" {...form.getInputProps('reason')} style={{ gridColumn: kind === 'count' ? 'span 2' : undefined }} className="wh-span" data-testid="document-reason" />
            ) : null}
          </SimpleGrid>
          {kind === 'count' ? <Text size="xs" c="dimmed" mt="xs">{t('warehouse.form.countHint')}</Text> : null}
        </Paper>
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">{t('warehouse.form.lines')}</Text>
          <LinesEditor form={form} currency={currency} recorded={recorded} focusKey={draft ? null : (initial.lines[0]?.key ?? null)} />
        </Paper>
        <Textarea label={t('warehouse.fields.note')} autosize minRows={1} maxRows={5} {...form.getInputProps('note')} data-testid="document-note" />
        <Group justify="space-between" wrap="wrap" gap="sm">
          <div>
            {draft ? (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)} data-testid="document-delete">
                {t('warehouse.documents.deleteDraft')}
              </Button>
            ) : null}
          </div>
          <Group gap="sm">
            <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={saveDraft} loading={busy && !confirming} data-testid="document-save-draft">
              {t('warehouse.documents.saveDraft')}
            </Button>
            <Button type="submit" leftSection={<IconCheck size={16} />} data-testid="document-confirm">
              {t('warehouse.documents.confirm')}
            </Button>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">{t('warehouse.form.keyboardHint')}</Text>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t(`warehouse.documents.confirmTitle.${kind}`)} attributes={{ content: { 'data-testid': 'document-confirm-modal' } }}>
        <Stack gap="sm">
          <Text size="sm">{t('warehouse.documents.confirmText', { count: lineCount })}</Text>
          {counted ? (
            <Text size="sm" data-testid="count-changes" data-changed={counted.changedLines}>
              {t('warehouse.documents.countChanged', { changed: counted.changedLines, unchanged: counted.unchangedLines })}
              {counted.differenceCostMinor !== null && counted.changedLines > 0 ? ` ${t('warehouse.documents.countCost', { cost: signedStockMoney(counted.differenceCostMinor, currency) })}` : ''}
            </Text>
          ) : null}
          <Text size="sm" fw={500}>
            {kind === 'transfer' ? `${warehouseName(v.warehouseId)} → ${warehouseName(v.targetWarehouseId)}` : warehouseName(v.warehouseId)}
          </Text>
          <Text size="xs" c="dimmed">{t('warehouse.documents.confirmFinal')}</Text>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
            <Button color="green" loading={busy} onClick={doConfirm} data-autofocus data-testid="document-confirm-ok">{t('warehouse.documents.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
      <ConfirmModal
        opened={deleting}
        title={t('warehouse.documents.deleteTitle')}
        message={t('warehouse.documents.deleteText')}
        confirmLabel={t('warehouse.documents.deleteDraft')}
        loading={remove.isPending}
        onConfirm={doDelete}
        onClose={() => setDeleting(false)}
      />
    </form>
  );
}
