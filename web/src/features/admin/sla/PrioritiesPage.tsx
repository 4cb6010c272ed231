import { Alert, Badge, Button, Code, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api/client';
import { detailMessage, errorMessage } from '../../../app/api/errors';
import { ErrorState, LoadingState } from '../../../app/components/QueryStates';
import { useSaveKeys } from '../shared/keys';
import { notifySaved } from '../shared/notify';
import { LEVELS, type Level, PRIORITIES, type Priority, type PriorityMatrix, usePriorityMatrix, useSavePriorityMatrix, useSaveTicketNumberPrefix, useTicketNumberPrefix } from './api';
import { SlaHeader } from './SlaHeader';
import { PRIORITY_COLORS } from './TargetsGrid';

function MatrixEditor({ initial }: { initial: PriorityMatrix }) {
  const { t } = useTranslation();
  const save = useSavePriorityMatrix();
  const [matrix, setMatrix] = useState(initial);
  const dirty = JSON.stringify(matrix) !== JSON.stringify(initial);
  const details = isApiError(save.error) ? save.error.details : [];
  const cellError = (impact: Level, urgency: Level) => details.find((d) => d.path === `${impact}.${urgency}`);
  const submit = (e?: React.FormEvent) => {
    e?.preventDefault();
    if (dirty) save.mutate(matrix, { onSuccess: () => notifySaved(t('admin.priorities.matrixSaved')) });
  };
  const saveKeys = useSaveKeys(submit, save.isPending);
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} onKeyDown={saveKeys} data-testid="priority-matrix">
      <Title order={2} size="h4">{t('admin.priorities.matrix')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('admin.priorities.matrixHint')}</Text>
      {save.error ? (
        <Alert color="red" mb="sm" data-testid="priority-matrix-error">
          <Text size="sm" fw={500}>{errorMessage(t, save.error)}</Text>
          {details.map((d) => <Text key={d.path + d.message} size="sm">{t(`admin.priorities.impactLevels.${d.path.split('.')[0]}`, { defaultValue: d.path })} × {t(`admin.priorities.urgencyLevels.${d.path.split('.')[1]}`, { defaultValue: '' })}: {detailMessage(t, d)}</Text>)}
        </Alert>
      ) : null}
      {/* Wide enough for "P1 · Kritická" (the names tickets show) in every cell; narrower screens scroll the table rather than cut the names. */}
      <Table.ScrollContainer minWidth={680}>
        <Table withTableBorder withColumnBorders verticalSpacing="xs" style={{ tableLayout: 'fixed' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}><Text size="xs" c="dimmed">{t('admin.priorities.impactUrgency')}</Text></Table.Th>
              {LEVELS.map((u) => <Table.Th key={u} ta="center">{t(`admin.priorities.urgencyLevels.${u}`)}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {LEVELS.map((impact) => (
              <Table.Tr key={impact}>
                <Table.Th>{t(`admin.priorities.impactLevels.${impact}`)}</Table.Th>
                {LEVELS.map((urgency) => {
                  const value = matrix[impact][urgency];
                  return (
                    <Table.Td key={urgency} bg={cellError(impact, urgency) ? 'var(--mantine-color-red-light)' : undefined}>
                      <Select
                        data={PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priorities.${p}`) }))}
                        value={value}
                        allowDeselect={false}
                        onChange={(v) => v && setMatrix({ ...matrix, [impact]: { ...matrix[impact], [urgency]: v as Priority } })}
                        leftSection={<Badge size="xs" circle color={PRIORITY_COLORS[value]}> </Badge>}
                        renderOption={({ option }) => <Group gap={6}><Badge size="xs" circle color={PRIORITY_COLORS[option.value as Priority]}> </Badge>{option.label}</Group>}
                        aria-label={`${t(`admin.priorities.impactLevels.${impact}`)} × ${t(`admin.priorities.urgencyLevels.${urgency}`)}`}
                        miw={170}
                        data-testid={`matrix-${impact}-${urgency}`}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="flex-end" mt="md" gap="xs">
        <Button variant="default" disabled={!dirty} onClick={() => { setMatrix(initial); save.reset(); }}>{t('admin.discardChanges')}</Button>
        <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} disabled={!dirty} loading={save.isPending} data-testid="matrix-save">{t('common.save')}</Button>
      </Group>
    </Paper>
  );
}

function PrefixEditor({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const save = useSaveTicketNumberPrefix();
  const [prefix, setPrefix] = useState(initial);
  const valid = /^[A-Z]{0,5}$/.test(prefix);
  const fieldError = isApiError(save.error) ? save.error.details.find((d) => d.path === 'prefix') : undefined;
  const submit = (e?: React.FormEvent) => {
    e?.preventDefault();
    if (valid && prefix !== initial) save.mutate(prefix, { onSuccess: (s) => notifySaved(t('admin.priorities.prefixSaved', { prefix: s.prefix || '—' })) });
  };
  const saveKeys = useSaveKeys(submit, save.isPending);
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} onKeyDown={saveKeys} data-testid="ticket-prefix">
      <Title order={2} size="h4">{t('admin.priorities.prefix')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('admin.priorities.prefixHint')}</Text>
      <Stack gap="sm">
        <TextInput
          label={t('admin.priorities.prefixLabel')}
          value={prefix}
          onChange={(e) => setPrefix(e.currentTarget.value.toUpperCase())}
          maxLength={5}
          error={!valid ? t('admin.priorities.prefixInvalid') : fieldError ? detailMessage(t, fieldError) : save.error ? errorMessage(t, save.error) : undefined}
          w={200}
          data-testid="prefix-input"
        />
        <Text size="sm">{t('admin.priorities.prefixExample')} <Code data-testid="prefix-example">{`${prefix}${new Date().getFullYear()}-000123`}</Code></Text>
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} disabled={prefix === initial || !valid} loading={save.isPending} data-testid="prefix-save">{t('common.save')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** /admin/sla/priorities — the impact × urgency matrix and the ticket number prefix. */
export default function PrioritiesPage() {
  const matrix = usePriorityMatrix();
  const prefix = useTicketNumberPrefix();
  return (
    <div data-testid="page-priorities">
      <SlaHeader />
      {/* The matrix takes the whole width from 1400 px down (its priority names must fit); only very wide screens put the prefix beside it. */}
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md" style={{ alignItems: 'start' }}>
        {matrix.isPending ? <LoadingState /> : matrix.isError ? <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} /> : <MatrixEditor key={JSON.stringify(matrix.data)} initial={matrix.data} />}
        {prefix.isPending ? <LoadingState /> : prefix.isError ? <ErrorState error={prefix.error} onRetry={() => void prefix.refetch()} /> : <PrefixEditor key={prefix.data.prefix} initial={prefix.data.prefix} />}
      </SimpleGrid>
    </div>
  );
}
