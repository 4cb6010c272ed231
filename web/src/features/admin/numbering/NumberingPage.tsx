import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api/client';
import { detailMessage, errorMessage } from '../../../app/api/errors';
import { PageHeader } from '../../../app/components/PageHeader';
import { EmptyState, QueryView } from '../../../app/components/QueryStates';
import { formatDateTime } from '../../../app/format';
import { useSaveKeys } from '../shared/keys';
import { notifySaved } from '../shared/notify';
import { type NumberingSeries, useNumberingSeries, useSaveNumberingSeries } from '../../warehouse/api';
import { previewNumber } from './pattern';

/** One series: its pattern as an input, the next number as it would be with what is typed, save. */
function SeriesRow({ series }: { series: NumberingSeries }) {
  const { t } = useTranslation();
  const save = useSaveNumberingSeries();
  const [pattern, setPattern] = useState(series.pattern);
  const dirty = pattern !== series.pattern;
  const preview = previewNumber(pattern.trim(), series.year, series.lastSequence + 1);
  const type = series.documentType;
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!dirty) return;
    save.mutate({ documentType: type, pattern: pattern.trim() }, {
      onSuccess: (saved) => { setPattern(saved.pattern); notifySaved(t('numbering.saved', { type: t(`numbering.types.${type}`, { defaultValue: type }) })); },
    });
  };
  const saveKeys = useSaveKeys(submit, save.isPending);
  // The pattern's own problem ("too long, at most 100") rather than the general "some fields need fixing".
  const patternDetail = isApiError(save.error) ? save.error.details.find((d) => d.path === 'pattern') : undefined;
  const serverError = save.isError && dirty ? (patternDetail ? detailMessage(t, patternDetail) : errorMessage(t, save.error)) : null;
  return (
    <Table.Tr data-testid={`numbering-row-${type}`} data-pattern={series.pattern}>
      <Table.Td>
        {/* The document type's name; its code (the API's documentType) only on hover. */}
        <Tooltip label={type} openDelay={500}>
          <Text size="sm" fw={600} span data-testid={`numbering-type-${type}`}>{t(`numbering.types.${type}`, { defaultValue: type })}</Text>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <form onSubmit={submit} onKeyDown={saveKeys} noValidate>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              value={pattern}
              onChange={(e) => { setPattern(e.currentTarget.value); save.reset(); }}
              onKeyDown={(e) => { if (e.key === 'Escape') { setPattern(series.pattern); save.reset(); } }}
              aria-label={`${t('numbering.pattern')}: ${t(`numbering.types.${type}`, { defaultValue: type })}`}
              classNames={{ input: 'mono' }}
              autoComplete="off"
              spellCheck={false}
              error={serverError ?? (!preview.ok && dirty ? t(`numbering.problems.${preview.problem}`) : undefined)}
              style={{ flex: 1, minWidth: 180 }}
              data-testid={`numbering-pattern-${type}`}
            />
            <Button type="submit" variant={dirty ? 'filled' : 'default'} disabled={!dirty} loading={save.isPending} data-testid={`numbering-save-${type}`}>
              {t('common.save')}
            </Button>
          </Group>
        </form>
      </Table.Td>
      <Table.Td>
        <Text size="sm" className="mono" fw={600} data-testid={`numbering-next-${type}`} c={preview.ok ? undefined : 'red'}>
          {!dirty && series.nextNumber ? series.nextNumber : preview.ok ? preview.number : '—'}
        </Text>
        <Text size="xs" c="dimmed">{t('numbering.counter', { year: series.year, count: series.lastSequence })}</Text>
      </Table.Td>
      <Table.Td><Text size="xs" c="dimmed">{formatDateTime(series.updatedAt)}</Text></Table.Td>
    </Table.Tr>
  );
}

/** Invoices first, then the stock documents in the order they happen. */
const ORDER = ['invoice', 'credit_note', 'receipt', 'transfer', 'issue_slip', 'return_slip', 'stock_count'];
const rank = (type: string) => (ORDER.includes(type) ? ORDER.indexOf(type) : ORDER.length);
const byType = (a: NumberingSeries, b: NumberingSeries) => rank(a.documentType) - rank(b.documentType) || a.documentType.localeCompare(b.documentType);

/** /admin/numbering — the numbering series of invoices, credit notes and stock documents. */
export default function NumberingPage() {
  const { t } = useTranslation();
  const list = useNumberingSeries();
  return (
    <div data-testid="page-numbering">
      <PageHeader title={t('numbering.title')} subtitle={t('numbering.subtitle')} />
      <Stack gap="md">
        <Alert icon={<IconInfoCircle size={18} />} variant="light">
          <Text size="sm">{t('numbering.help')}</Text>
          <Text size="sm" className="mono" mt={4}>{'{YYYY} · {YY} · {#####}'}</Text>
        </Alert>
        <Paper withBorder>
          <QueryView query={list} isEmpty={(data) => data.length === 0} empty={<EmptyState title={t('numbering.empty')} />}>
            {(data) => (
              <Table.ScrollContainer minWidth={720}>
                <Table data-testid="numbering-table" verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('numbering.documentType')}</Table.Th>
                      <Table.Th>{t('numbering.pattern')}</Table.Th>
                      <Table.Th>{t('numbering.next')}</Table.Th>
                      <Table.Th>{t('common.updatedAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...data].sort(byType).map((s) => <SeriesRow key={`${s.documentType}-${s.pattern}`} series={s} />)}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </QueryView>
        </Paper>
      </Stack>
    </div>
  );
}
