import { Alert, Anchor, Button, Divider, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFileTypePdf, IconPackageExport } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth/AuthProvider';
import { isApiError } from '../../app/api/client';
import { errorMessage } from '../../app/api/errors';
import { ErrorState, LoadingState } from '../../app/components/QueryStates';
import { formatDate, todayIso } from '../../app/format';
import { usePhone } from '../../app/components/usePhone';
import { parseDecimalInput } from '../records/format';

import { documentPdfUrl, type Item, type StockDocument, useCreateDocument, useItemLevels, useTicketSlips, useWarehouses } from './api';
import './warehouse.css';
import { documentTitle } from './DocumentBadges';
import { factualMessage } from './errors';
import { itemLabel, ItemPicker } from './ItemPicker';
import { parseSerials, quantityProblem } from './model';
import { quantityLabel, unitLabel } from './units';

/** The ticket's slips (issues and returns) with their lines and the printable PDF. */
function SlipList({ slips }: { slips: StockDocument[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} data-testid="material-slips">
      {slips.map((s) => (
        <Group key={s.id} justify="space-between" wrap="nowrap" gap="sm" py={6} className="wh-slip" data-testid={`material-slip-${s.id}`} data-kind={s.kind} data-number={s.number ?? ''}>
          {/* The slip's text takes the room the PDF button leaves; the button keeps its size (on a phone it was squeezed to "PI"). */}
          <div style={{ flex: 1, minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <Anchor component={Link} to={`/warehouse/documents/${s.id}`} size="sm" fw={600} className="mono">{documentTitle(t, s)}</Anchor>
              <Text size="xs" c="dimmed">{t(`warehouse.kindsOne.${s.kind}`)} · {formatDate(s.date)} · {s.warehouse.name}</Text>
            </Group>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {(s.lines ?? []).map((l) => `${l.itemName} × ${quantityLabel(t, l.quantity, l.unit)}`).join(', ')}
            </Text>
          </div>
          {/* Every role that sees the slips may print them; the PDF shows costs only to roles that see costs. */}
          {s.state === 'confirmed' ? (
            <Button component="a" href={documentPdfUrl(s.id)} target="_blank" rel="noopener" size="compact-sm" variant="light" leftSection={<IconFileTypePdf size={14} />} style={{ flexShrink: 0 }} data-testid={`material-slip-pdf-${s.id}`}>
              {t('warehouse.documents.pdf')}
            </Button>
          ) : s.state === 'draft' ? <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>{t('warehouse.states.draft')}</Text> : null}
        </Group>
      ))}
    </Stack>
  );
}

/**
 * "Issue material" on a ticket: from the technician's van (their default warehouse) or the
 * main store, find the item by code, name or EAN (a scan works), the quantity, serials when
 * the item tracks them, and the slip is confirmed in one step. A refusal (not enough stock)
 * is shown with the server's words, which say what is there.
 */
function MaterialPanel({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const phone = usePhone();
  const size = phone ? 'md' : 'sm';
  const mayIssue = can('stock.issue');
  const warehouses = useWarehouses();
  const slips = useTicketSlips(ticketId);
  const create = useCreateDocument();
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [item, setItem] = useState<Item | null>(null);
  const [quantity, setQuantity] = useState('1');
  const [serials, setSerials] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const quantityRef = useRef<HTMLInputElement>(null);
  const pickerRef = useRef<HTMLInputElement>(null);

  const usable = (warehouses.data ?? []).filter((w) => w.active && w.canUse);
  // What the chosen warehouse holds of the picked item, so nobody has to guess.
  const levels = useItemLevels(item?.id ?? null);
  const inStock = item && levels.data ? (levels.data.find((l) => String(l.warehouseId) === warehouseId)?.quantity ?? '0') : null;
  // The van (default warehouse) first, then the stores.
  useEffect(() => {
    if (warehouseId !== null || usable.length === 0) return;
    const preferred = usable.find((w) => w.isMyDefault) ?? usable.find((w) => w.kind === 'store') ?? usable[0];
    if (preferred) setWarehouseId(String(preferred.id));
  }, [usable, warehouseId]);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    create.reset();
    setProblem(null);
    const q = parseDecimalInput(quantity);
    if (!item) return setProblem(t('warehouse.material.pickItem'));
    const wrongQuantity = quantityProblem(quantity, item.unit, false);
    if (q === null || wrongQuantity) return setProblem(t(`warehouse.form.errors.${wrongQuantity ?? 'quantity'}`));
    const serialList = parseSerials(serials);
    if (item.serialTracking && serialList.length !== Number(q)) return setProblem(t('warehouse.form.errors.serialCount'));
    if (!warehouseId) return setProblem(t('warehouse.material.pickWarehouse'));
    create.mutate(
      { kind: 'issue', date: todayIso(), warehouseId: Number(warehouseId), ticketId, lines: [{ itemId: item.id, quantity: q, ...(serialList.length ? { serials: serialList } : {}) }], confirm: true },
      {
        onSuccess: (doc) => {
          notifications.show({ color: 'green', message: t('warehouse.material.issued', { item: item.name, quantity: quantityLabel(t, q, item.unit), number: doc.number ?? doc.id }) });
          setItem(null);
          setQuantity('1');
          setSerials('');
          setPickerKey((k) => k + 1);
          requestAnimationFrame(() => pickerRef.current?.focus());
        },
      },
    );
  };

  // Not enough stock: say in the user's language how much is there (the server sends the values).
  const facts = factualMessage(t, create.error);
  const available = isApiError(create.error) && create.error.code === 'insufficient_stock' ? create.error.extra.available : undefined;
  const list = slips.data ?? [];

  return (
    <Paper withBorder p="md" data-testid="ticket-material">
      <Title order={2} size="h5" mb="xs">{t('warehouse.material.title')}</Title>
      {slips.isPending ? <LoadingState /> : slips.isError ? <ErrorState error={slips.error} onRetry={() => void slips.refetch()} /> : list.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="material-empty">{t('warehouse.material.empty')}</Text>
      ) : <SlipList slips={list} />}
      {mayIssue ? (
        <>
          <Divider my="sm" label={t('warehouse.material.issueTitle')} labelPosition="left" />
          {warehouses.isSuccess && usable.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="material-no-warehouse">{t('warehouse.material.noWarehouse')}</Text>
          ) : (
            <form onSubmit={submit} noValidate data-testid="material-form">
              <Stack gap="sm">
                {create.isError ? (
                  <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="material-error" data-code={(create.error as { code?: string }).code ?? ''}>
                    <Text size="sm" fw={600}>{errorMessage(t, create.error)}</Text>
                    {facts ? <Text size="sm" fw={500} data-testid="material-error-shortage" data-available={String(available ?? '')}>{facts}</Text> : null}
                  </Alert>
                ) : null}
                {/* By the panel's own width (it sits beside the ticket's details or alone): where from on a line
                    of its own, wide enough for a van's name; the item, with room for its hint, beside the quantity. */}
                <SimpleGrid type="container" cols={{ base: 1, '480px': 4 }} spacing="sm">
                  <Select
                    className="wh-issue-from"
                    label={t('warehouse.material.from')}
                    size={size}
                    allowDeselect={false}
                    data={usable.map((w) => ({ value: String(w.id), label: w.name }))}
                    // "my default" only in the list: in the field it would push the name out of sight.
                    renderOption={({ option }) => (
                      <span>
                        {option.label}
                        {usable.some((w) => String(w.id) === option.value && w.isMyDefault) ? <Text span size="xs" c="dimmed"> ({t('warehouse.warehouses.myDefault')})</Text> : null}
                      </span>
                    )}
                    value={warehouseId}
                    onChange={setWarehouseId}
                    data-testid="material-warehouse"
                  />
                  <div className="wh-issue-item">
                    <ItemPicker
                      key={pickerKey}
                      inputRef={pickerRef}
                      inputLabel={t('warehouse.fields.item')}
                      size={size}
                      label={item ? itemLabel(item) : ''}
                      testId="material-item"
                      onPick={(picked) => {
                        setItem(picked);
                        setProblem(null);
                        requestAnimationFrame(() => { quantityRef.current?.focus(); quantityRef.current?.select(); });
                      }}
                      onClear={() => setItem(null)}
                    />
                  </div>
                  <TextInput
                    ref={quantityRef}
                    label={t('warehouse.fields.quantity')}
                    size={size}
                    inputMode="decimal"
                    autoComplete="off"
                    value={quantity}
                    onChange={(e) => setQuantity(e.currentTarget.value)}
                    rightSection={item ? <Text size="xs" c="dimmed">{unitLabel(t, item.unit)}</Text> : null}
                    description={inStock !== null && item ? t('warehouse.material.available', { quantity: quantityLabel(t, inStock, item.unit) }) : undefined}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                    data-testid="material-quantity"
                  />
                </SimpleGrid>
                {item?.serialTracking ? (
                  <Textarea
                    label={t('warehouse.fields.serials')}
                    description={t('warehouse.form.serialsHint', { count: parseSerials(serials).length })}
                    autosize
                    minRows={1}
                    maxRows={5}
                    value={serials}
                    onChange={(e) => setSerials(e.currentTarget.value)}
                    data-testid="material-serials"
                  />
                ) : null}
                {problem ? <Text size="sm" c="red" role="alert" data-testid="material-problem">{problem}</Text> : null}
                <Group justify="space-between" gap="sm" wrap="wrap">
                  <Text size="xs" c="dimmed">{t('warehouse.material.hint')}</Text>
                  <Button type="submit" size={size} leftSection={<IconPackageExport size={16} />} loading={create.isPending} fullWidth={phone} data-testid="material-issue">
                    {t('warehouse.material.issue')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </>
      ) : null}
    </Paper>
  );
}

/** Mounted on the ticket page; nothing for those who may not see the warehouse. */
export function TicketMaterial({ ticketId }: { ticketId: number }) {
  const { can } = useAuth();
  return can('warehouse.read') ? <MaterialPanel ticketId={ticketId} /> : null;
}
