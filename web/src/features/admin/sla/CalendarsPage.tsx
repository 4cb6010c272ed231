import { ActionIcon, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../app/components/ConfirmModal';
import { EditAction } from '../../../app/components/FormActions';
import { EmptyState, QueryView } from '../../../app/components/QueryStates';
import { formatDate } from '../../../app/format';
import { NewButton } from '../shared/NewButton';
import { notifyError, notifySaved } from '../shared/notify';
import { type Calendar, useCalendars, useDeleteCalendar, useSlaPolicies, WEEKDAYS } from './api';
import { CalendarModal } from './CalendarModal';
import { SlaHeader } from './SlaHeader';
import { formatDay, formatMinutes, weeklyMinutes } from './slaModel';

/** /admin/sla/calendars — business calendars the SLA policies count time in. */
export default function CalendarsPage() {
  const { t } = useTranslation();
  const query = useCalendars();
  const policies = useSlaPolicies();
  const remove = useDeleteCalendar();
  const [editing, setEditing] = useState<Calendar | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Calendar | null>(null);
  const items = query.data?.items ?? [];
  const usedBy = (c: Calendar) => (policies.data?.items ?? []).filter((p) => p.calendarId === c.id).map((p) => p.name);

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => notifySaved(t('admin.calendars.deleted', { name: deleting.name })),
      onError: (error) => notifyError(t, error),
      onSettled: () => setDeleting(null),
    });
  };

  return (
    <div data-testid="page-calendars">
      <SlaHeader actions={<NewButton onClick={() => setEditing(null)} testId="calendars-new">{t('admin.calendars.new')}</NewButton>} />
      <QueryView query={query} isEmpty={() => items.length === 0} empty={<Paper withBorder><EmptyState title={t('admin.calendars.empty')} /></Paper>}>
        {() => (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {items.map((c) => {
              const used = usedBy(c);
              return (
                <Paper withBorder p="md" key={c.id} data-testid={`calendars-card-${c.id}`}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <div style={{ minWidth: 0 }}>
                      <Title order={2} size="h4">{c.name}</Title>
                      <Text size="sm" c="dimmed">{c.timeZone} · {t('admin.calendars.perWeek', { hours: formatMinutes(weeklyMinutes(c.weekly)) ?? '0 h' })}</Text>
                    </div>
                    <Group gap={2} wrap="nowrap">
                      <EditAction label={c.name} onClick={() => setEditing(c)} testId={`calendars-edit-${c.id}`} />
                      <Tooltip label={used.length ? t('admin.calendars.inUse', { policies: used.join(', ') }) : t('admin.calendars.delete')}>
                        <ActionIcon variant="subtle" color="red" disabled={used.length > 0} onClick={() => setDeleting(c)} aria-label={`${t('admin.calendars.delete')}: ${c.name}`} data-testid={`calendars-delete-${c.id}`}><IconTrash size={16} /></ActionIcon>
                      </Tooltip>
                    </Group>
                  </Group>
                  <Table mt="sm" verticalSpacing={2} withRowBorders={false}>
                    <Table.Tbody>
                      {WEEKDAYS.map((d) => (
                        <Table.Tr key={d}>
                          <Table.Td w={110}><Text size="sm">{t(`admin.calendars.weekdays.${d}`)}</Text></Table.Td>
                          <Table.Td><Text size="sm" c={c.weekly[d].length ? undefined : 'dimmed'}>{formatDay(c.weekly[d]) || t('admin.calendars.closed')}</Text></Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  <Stack gap={4} mt="sm">
                    <Group gap={6}>
                      <Text size="sm" fw={500}>{t('admin.calendars.holidays')}:</Text>
                      {c.holidayCountries.length ? c.holidayCountries.map((h) => <Badge key={h} variant="light" tt="none">{t(`admin.calendars.holidayCountries.${h}`)}</Badge>) : <Text size="sm" c="dimmed">{t('admin.calendars.noHolidays')}</Text>}
                    </Group>
                    <Group gap={6}>
                      <Text size="sm" fw={500}>{t('admin.calendars.extraDaysOff')}:</Text>
                      <Text size="sm" c={c.extraDaysOff.length ? undefined : 'dimmed'}>
                        {c.extraDaysOff.length ? c.extraDaysOff.slice(0, 6).map((day) => formatDate(day)).join(', ') + (c.extraDaysOff.length > 6 ? ` +${c.extraDaysOff.length - 6}` : '') : t('admin.calendars.noDaysOff')}
                      </Text>
                    </Group>
                    {used.length ? <Text size="xs" c="dimmed">{t('admin.calendars.usedBy', { policies: used.join(', ') })}</Text> : null}
                  </Stack>
                </Paper>
              );
            })}
          </SimpleGrid>
        )}
      </QueryView>
      {editing !== undefined ? <CalendarModal calendar={editing} onClose={() => setEditing(undefined)} /> : null}
      <ConfirmModal
        opened={!!deleting}
        title={t('admin.calendars.deleteTitle')}
        message={t('admin.calendars.deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('admin.calendars.delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      />
    </div>
  );
}
