import { ActionIcon, Button, Group, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type TimeWindow, WEEKDAYS, type Weekday } from './api';
import { nextWindow } from './slaModel';

interface Props {
  weekly: Record<Weekday, TimeWindow[]>;
  /** Form errors by path: "weekly.1.0" (a window), "weekly.1" (a day). */
  errors: Record<string, React.ReactNode>;
  onChange: (weekly: Record<Weekday, TimeWindow[]>) => void;
}

/** Opening hours per weekday, any number of windows a day (HH:MM, the end may be 24:00). */
export function WeeklyHours({ weekly, errors, onChange }: Props) {
  const { t } = useTranslation();
  const setDay = (day: Weekday, windows: TimeWindow[]) => onChange({ ...weekly, [day]: windows });
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table verticalSpacing={6} data-testid="calendar-weekly">
        <Table.Tbody>
          {WEEKDAYS.map((day) => {
            const windows = weekly[day];
            const dayError = errors[`weekly.${day}`];
            return (
              <Table.Tr key={day} data-testid={`calendar-day-${day}`}>
                <Table.Td w={96} style={{ verticalAlign: 'top', paddingTop: 12 }}>
                  <Text size="sm" fw={500}>{t(`admin.calendars.weekdays.${day}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={6}>
                    {windows.length === 0 ? <Text size="sm" c="dimmed" pt={8}>{t('admin.calendars.closed')}</Text> : null}
                    {windows.map((w, i) => {
                      const error = errors[`weekly.${day}.${i}`];
                      const set = (patch: Partial<TimeWindow>) => setDay(day, windows.map((x, j) => (j === i ? { ...x, ...patch } : x)));
                      return (
                        <div key={i}>
                          <Group gap={6} wrap="nowrap">
                            <TextInput value={w.start} onChange={(e) => set({ start: e.currentTarget.value })} placeholder="08:00" w={76} maxLength={5} error={!!error} aria-label={`${t(`admin.calendars.weekdays.${day}`)} ${i + 1}: ${t('admin.calendars.from')}`} data-testid={`calendar-${day}-${i}-start`} />
                            <Text c="dimmed">–</Text>
                            <TextInput value={w.end} onChange={(e) => set({ end: e.currentTarget.value })} placeholder="17:00" w={76} maxLength={5} error={!!error} aria-label={`${t(`admin.calendars.weekdays.${day}`)} ${i + 1}: ${t('admin.calendars.to')}`} data-testid={`calendar-${day}-${i}-end`} />
                            <Tooltip label={t('admin.calendars.removeWindow')}>
                              <ActionIcon variant="subtle" color="gray" onClick={() => setDay(day, windows.filter((_, j) => j !== i))} aria-label={t('admin.calendars.removeWindow')} data-testid={`calendar-${day}-${i}-remove`}>
                                <IconX size={14} />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                          {error ? <Text size="xs" c="red" mt={2}>{error}</Text> : null}
                        </div>
                      );
                    })}
                    {dayError ? <Text size="xs" c="red">{dayError}</Text> : null}
                    <div>
                      <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => setDay(day, [...windows, nextWindow(windows)])} aria-label={`${t('admin.calendars.addWindow')}: ${t(`admin.calendars.weekdays.${day}`)}`} data-testid={`calendar-${day}-add`}>
                        {t('admin.calendars.addWindow')}
                      </Button>
                    </div>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function CopyMondayButton({ weekly, onChange }: { weekly: Record<Weekday, TimeWindow[]>; onChange: (w: Record<Weekday, TimeWindow[]>) => void }) {
  const { t } = useTranslation();
  return (
    <Button size="xs" variant="subtle" onClick={() => onChange({ ...weekly, 2: weekly['1'], 3: weekly['1'], 4: weekly['1'], 5: weekly['1'] })} data-testid="calendar-copy-monday">
      {t('admin.calendars.copyMonday')}
    </Button>
  );
}
