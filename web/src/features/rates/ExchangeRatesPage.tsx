import { Alert, Badge, Button, Checkbox, FileButton, Group, List, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCloudDownload, IconFileImport, IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { detailMessage, errorMessage } from '../../app/api/errors';
import { isApiError } from '../../app/api/client';
import { useAuth } from '../../app/auth/AuthProvider';
import { DateField } from '../../app/components/DateFields';
import { FormActions } from '../../app/components/FormActions';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyState, LoadMore, QueryView } from '../../app/components/QueryStates';
import { formatDate, formatDateTime, todayIso } from '../../app/format';
import { useSaveKeys } from '../admin/shared/keys';
import { NewButton } from '../admin/shared/NewButton';
import { notifySaved } from '../admin/shared/notify';
import { normalizeExchangeRate } from '../billing/format';
import { type ImportReport, type RatesFilter, useExchangeRates, useFetchCnb, useImportCnb, useSaveRate } from './api';
import { rateText } from './rateText';

/** The amounts a rate may be for, as the ČNB uses them (100 HUF, 1000 IDR). */
const AMOUNTS = ['1', '10', '100', '1000', '10000', '100000', '1000000'];

/** '24.32' in the user's language: "24,320" in Czech and Slovak (see rateText). */
function useRateText() {
  const { i18n } = useTranslation();
  return (rate: string) => rateText(rate, i18n.language);
}

/** The problems of a refused file (or of the bank's answer), one a line, in the user's language. */
function ImportProblems({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const lines = isApiError(error) ? error.details.filter((d) => /^line \d+$/.test(d.path)) : [];
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="rates-import-error">
      <Text size="sm" fw={600}>{lines.length > 0 ? t('rates.import.refused') : errorMessage(t, error)}</Text>
      {lines.length > 0 ? (
        <List size="sm" mt={4}>
          {lines.map((d) => (
            <List.Item key={`${d.path}-${d.code}`} data-testid="rates-import-problem">
              {t(`rates.problems.${d.code}`, { line: d.path.slice(5), defaultValue: d.message })}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}

/** What an import or fetch did, said in full: the day taken, counts, the hand-entered rates kept. */
function ImportResult({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const otherDay = report.requestedDay !== undefined && report.requestedDay !== report.day;
  return (
    <Alert color="green" icon={<IconInfoCircle size={18} />} data-testid="rates-import-result">
      <Text size="sm">
        {t('rates.import.result', { day: formatDate(report.day), added: report.added.length, replaced: report.replaced.length, unchanged: report.unchanged.length })}
      </Text>
      {otherDay ? <Text size="sm">{t('rates.import.otherDay', { requested: formatDate(report.requestedDay), day: formatDate(report.day) })}</Text> : null}
      {report.keptManual.length > 0 ? <Text size="sm" c="orange.8" data-testid="rates-kept-manual">{t('rates.import.keptManual', { currencies: report.keptManual.join(', ') })}</Text> : null}
    </Alert>
  );
}

/** Fetch a day's list from the ČNB, or import a file pasted or chosen. */
function CnbPanel() {
  const { t } = useTranslation();
  const fetchCnb = useFetchCnb();
  const importCnb = useImportCnb();
  const [day, setDay] = useState(todayIso());
  const [replaceManual, setReplaceManual] = useState(false);
  const [importing, setImporting] = useState(false);
  const [text, setText] = useState('');
  const report = fetchCnb.data ?? importCnb.data;
  const fetchDay = (e?: FormEvent) => {
    e?.preventDefault();
    importCnb.reset();
    fetchCnb.mutate({ day, replaceManual });
  };
  const importText = () => {
    if (!text.trim()) return;
    fetchCnb.reset();
    importCnb.mutate({ text, replaceManual }, { onSuccess: () => { setImporting(false); setText(''); } });
  };
  const saveKeys = useSaveKeys(importText, importCnb.isPending, importing);
  const choose = (file: File | null) => {
    if (file) void file.text().then(setText);
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t('rates.cnb.title')}</Title>
        <Text size="sm" c="dimmed">{t('rates.cnb.help')}</Text>
        <form onSubmit={fetchDay} noValidate>
          <Group align="flex-end" gap="sm">
            <DateField label={t('rates.cnb.day')} value={day} onChange={setDay} max={todayIso()} data-testid="rates-fetch-day" />
            <Button type="submit" leftSection={<IconCloudDownload size={16} />} loading={fetchCnb.isPending} disabled={!day} data-testid="rates-fetch">
              {t('rates.cnb.fetch')}
            </Button>
            <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => { importCnb.reset(); setImporting(true); }} data-testid="rates-import-open">
              {t('rates.import.open')}
            </Button>
          </Group>
        </form>
        <Checkbox
          label={t('rates.cnb.replaceManual')}
          description={t('rates.cnb.replaceManualHint')}
          checked={replaceManual}
          onChange={(e) => setReplaceManual(e.currentTarget.checked)}
          data-testid="rates-replace-manual"
        />
        {fetchCnb.isPending ? <Text size="sm" c="dimmed" data-testid="rates-fetching">{t('rates.cnb.fetching')}</Text> : null}
        {!importing ? <ImportProblems error={fetchCnb.error ?? importCnb.error} /> : null}
        {report ? <ImportResult report={report} /> : null}
      </Stack>
      {importing ? (
        <Modal opened onClose={() => setImporting(false)} title={t('rates.import.title')} size="lg" attributes={{ content: { 'data-testid': 'rates-import-modal' } }}>
          <form onSubmit={(e) => { e.preventDefault(); importText(); }} onKeyDown={saveKeys} noValidate>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">{t('rates.import.help')}</Text>
              <ImportProblems error={importCnb.error} />
              <Textarea
                label={t('rates.import.text')}
                placeholder={'27.11.2026 #230\nzemě|měna|množství|kód|kurz\nEMU|euro|1|EUR|24,305'}
                autosize
                minRows={6}
                maxRows={16}
                classNames={{ input: 'mono' }}
                value={text}
                onChange={(e) => { setText(e.currentTarget.value); importCnb.reset(); }}
                data-autofocus
                data-testid="rates-import-text"
              />
              <Group justify="space-between">
                <FileButton onChange={choose} accept=".txt,text/plain">
                  {(props) => <Button variant="subtle" {...props} data-testid="rates-import-file">{t('rates.import.file')}</Button>}
                </FileButton>
                <Group gap="sm">
                  <Button variant="default" onClick={() => setImporting(false)}>{t('common.cancel')}</Button>
                  <Button type="submit" loading={importCnb.isPending} disabled={!text.trim()} data-testid="rates-import-submit">{t('rates.import.submit')}</Button>
                </Group>
              </Group>
            </Stack>
          </form>
        </Modal>
      ) : null}
    </Paper>
  );
}

/** A rate entered by hand: currency, day, amount, crowns for the amount. */
function RateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveRate();
  const [currency, setCurrency] = useState('');
  const [day, setDay] = useState(todayIso());
  const [amount, setAmount] = useState('1');
  const [rate, setRate] = useState('');
  const [tried, setTried] = useState(false);
  const code = currency.trim().toUpperCase();
  const badCurrency = !/^[A-Z]{3}$/.test(code) || code === 'CZK';
  const normalized = normalizeExchangeRate(rate);
  const submit = () => {
    setTried(true);
    if (badCurrency || normalized === null || !day) return;
    save.mutate({ currency: code, day, amount: Number(amount), rate: normalized }, {
      onSuccess: (saved) => { notifySaved(t('rates.saved', { currency: saved.currency, day: formatDate(saved.day) })); onClose(); },
    });
  };
  const saveKeys = useSaveKeys(submit, save.isPending);
  // In the user's language: a day that does not exist, or is still ahead, is named as such (errors.ts).
  const serverFields = isApiError(save.error) ? new Map(save.error.details.map((d) => [d.path, detailMessage(t, d)])) : new Map<string, string>();
  return (
    <Modal opened onClose={onClose} title={t('rates.add')} attributes={{ content: { 'data-testid': 'rate-modal' } }}>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} onKeyDown={saveKeys} noValidate>
        <Stack gap="sm">
          {save.error && serverFields.size === 0 ? <Alert color="red">{errorMessage(t, save.error)}</Alert> : null}
          <SimpleGrid cols={2}>
            <TextInput
              label={t('rates.fields.currency')}
              description={t('rates.fields.currencyHint')}
              required
              maxLength={3}
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value)}
              error={tried && badCurrency ? t('rates.fields.currencyInvalid') : serverFields.get('currency')}
              data-autofocus
              data-testid="rate-currency"
            />
            <DateField label={t('rates.fields.day')} required value={day} onChange={setDay} error={tried && !day ? t('errors.required') : serverFields.get('day')} data-testid="rate-day" />
            <Select label={t('rates.fields.amount')} description={t('rates.fields.amountHint')} data={AMOUNTS} value={amount} onChange={(v) => setAmount(v ?? '1')} allowDeselect={false} data-testid="rate-amount" />
            <TextInput
              label={t('rates.fields.rate', { amount, currency: code || '…' })}
              description={t('rates.fields.rateHint')}
              required
              inputMode="decimal"
              value={rate}
              onChange={(e) => setRate(e.currentTarget.value)}
              error={tried && normalized === null ? t('rates.fields.rateInvalid') : serverFields.get('rate')}
              data-testid="rate-rate"
            />
          </SimpleGrid>
          <FormActions creating={false} pending={save.isPending} onCancel={onClose} testId="rate-save" />
        </Stack>
      </form>
    </Modal>
  );
}

/** /admin/exchange-rates — the daily exchange-rate list: by day and currency, by hand or from the ČNB. */
export default function ExchangeRatesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('rates.manage');
  const rateText = useRateText();
  const [filter, setFilter] = useState<RatesFilter>({ currency: '', from: '', to: '' });
  const [adding, setAdding] = useState(false);
  const list = useExchangeRates(filter);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div data-testid="page-exchange-rates">
      <PageHeader
        title={t('rates.title')}
        subtitle={t('rates.subtitle')}
        actions={manage ? <NewButton onClick={() => setAdding(true)} testId="rate-new">{t('rates.add')}</NewButton> : undefined}
      />
      <Stack gap="md">
        {manage ? <CnbPanel /> : null}
        <Group gap="sm" align="flex-end">
          <TextInput
            label={t('rates.fields.currency')}
            placeholder="EUR"
            maxLength={3}
            w={110}
            value={filter.currency}
            onChange={(e) => { const v = e.currentTarget.value.toUpperCase(); setFilter((f) => ({ ...f, currency: /^[A-Z]{3}$/.test(v) ? v : '' })); }}
            data-testid="rates-filter-currency"
          />
          <DateField label={t('rates.from')} value={filter.from} onChange={(from) => setFilter((f) => ({ ...f, from }))} clearable data-testid="rates-filter-from" />
          <DateField label={t('rates.to')} value={filter.to} onChange={(to) => setFilter((f) => ({ ...f, to }))} clearable data-testid="rates-filter-to" />
        </Group>
        <Paper withBorder>
          <QueryView query={list} isEmpty={() => rows.length === 0} empty={<EmptyState title={t('rates.empty')} text={manage ? t('rates.emptyHint') : undefined} />}>
            {() => (
              <Table.ScrollContainer minWidth={640}>
                <Table data-testid="rates-table" verticalSpacing="xs" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('rates.fields.day')}</Table.Th>
                      <Table.Th>{t('rates.fields.currency')}</Table.Th>
                      <Table.Th ta="right">{t('rates.fields.amount')}</Table.Th>
                      <Table.Th ta="right">{t('rates.fields.rateColumn')}</Table.Th>
                      <Table.Th>{t('rates.fields.source')}</Table.Th>
                      <Table.Th>{t('rates.fields.entered')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <Table.Tr key={`${r.day}-${r.currency}`} data-testid={`rate-row-${r.currency}-${r.day}`}>
                        <Table.Td>{formatDate(r.day)}</Table.Td>
                        <Table.Td fw={600}>{r.currency}</Table.Td>
                        <Table.Td ta="right">{r.amount}</Table.Td>
                        <Table.Td ta="right" className="mono" data-testid="rate-value">{rateText(r.rate)}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={r.source === 'cnb' ? 'blue' : 'orange'}>{t(`rates.sources.${r.source}`)}</Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" c="dimmed">{r.enteredBy?.name ?? t('rates.bySystem')} · {formatDateTime(r.enteredAt)}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </QueryView>
        </Paper>
        <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} testId="rates-more" />
      </Stack>
      {adding ? <RateModal onClose={() => setAdding(false)} /> : null}
    </div>
  );
}
