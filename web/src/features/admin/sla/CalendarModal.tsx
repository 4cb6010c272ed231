import { ActionIcon, Badge, Button, Checkbox, Divider, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../app/components/FormActions';
import { FormErrorAlert } from '../../../app/components/QueryStates';
import { UnsavedChangesModal } from '../../../app/components/UnsavedChangesModal';
import { isStale, StaleAlert } from '../shared/StaleAlert';
import { useSaveKeys } from '../shared/keys';
import { usePhone } from '../../../app/components/usePhone';
import { formatDate } from '../../../app/format';
import { type Calendar, HOLIDAY_COUNTRIES, type HolidayCountry, useReloadCalendar, useSaveCalendar } from './api';
import { officeWeek } from './slaModel';
import { DayOffHints, PublicHolidayLists, useCalendarHolidays } from './PublicHolidays';
import { CopyMondayButton, WeeklyHours } from './WeeklyHours';
import { DateField } from '../../../app/components/DateFields';
import { applyFormErrors } from '../../../app/api/errors';

const PREFERRED_ZONES = ['Europe/Prague', 'Europe/Bratislava', 'Europe/Vienna', 'Europe/Berlin', 'Europe/Warsaw', 'Europe/Budapest', 'Europe/London', 'UTC'];

function timeZones(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...PREFERRED_ZONES, ...all])];
}

function formValues(calendar: Calendar | null) {
  return {
    name: calendar?.name ?? '',
    timeZone: calendar?.timeZone ?? 'Europe/Prague',
    weekly: calendar?.weekly ?? officeWeek(),
    holidayCountries: (calendar?.holidayCountries ?? ['CZ']) as HolidayCountry[],
    extraDaysOff: calendar?.extraDaysOff ?? [],
  };
}

/** Create or change a business calendar: zone, weekly hours, public holidays, own days off. */
export function CalendarModal({ calendar: opened, onClose }: { calendar: Calendar | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const save = useSaveCalendar();
  const reloadCalendar = useReloadCalendar();
  // The calendar as last loaded: its version goes with the save, and "Reload" replaces it.
  const [calendar, setCalendar] = useState(opened);
  const [extra, setExtra] = useState<string[]>([]);
  const [newDay, setNewDay] = useState('');
  // Each added day gives a fresh, empty day field, ready (focused) for the next one.
  const [addedDays, setAddedDays] = useState(0);
  const zones = useMemo(timeZones, []);
  const form = useForm({
    initialValues: formValues(calendar),
    validate: { name: (v) => (v.trim() ? null : t('errors.required')) },
  });

  const reload = async () => {
    if (!calendar) return;
    const fresh = await reloadCalendar(calendar.id);
    if (!fresh) return onClose();
    setCalendar(fresh);
    form.setValues(formValues(fresh));
    form.resetDirty(formValues(fresh));
    form.clearErrors();
    setExtra([]);
    save.reset();
  };

  const addDay = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newDay)) return;
    form.setFieldValue('extraDaysOff', [...new Set([...form.values.extraDaysOff, newDay])].sort());
    setNewDay('');
    setAddedDays((n) => n + 1);
  };

  const submit = form.onSubmit((v) => {
    setExtra([]);
    save.mutate(
      {
        ...(calendar ? { id: calendar.id, version: calendar.version } : { id: null }),
        body: { ...v, name: v.name.trim(), extraDaysOff: [...v.extraDaysOff] },
      },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('admin.saved', { name: saved.name }) });
          onClose();
        },
        onError: (error) => setExtra(applyFormErrors(form, error, t)),
      },
    );
  }, () => {
    // Refused by the form itself: the server's last answer spoke of what was sent before.
    save.reset();
    setExtra([]);
  });

  const saveKeys = useSaveKeys(() => submit(), save.isPending);
  const dayErrors = form.values.extraDaysOff.map((_, i) => form.errors[`extraDaysOff.${i}`]).filter(Boolean);
  const holidays = useCalendarHolidays(form.values);
  return (
    // A day typed but not yet added counts as a change too.
    <UnsavedChangesModal opened dirty={form.isDirty() || newDay !== ''} fullScreen={phone} onClose={onClose} size="xl" title={calendar ? t('admin.calendars.editTitle') : t('admin.calendars.newTitle')} attributes={{ content: { 'data-testid': 'calendar-modal' } }}>
      <form onSubmit={submit} onKeyDown={saveKeys} noValidate>
        <Stack gap="sm">
          {isStale(save.error)
            ? <StaleAlert message={t('admin.calendars.stale')} onReload={() => void reload()} testId="calendar-stale" />
            : <FormErrorAlert error={save.error} extra={extra} testId="calendar-form-error" />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('admin.fields.name')} required data-autofocus {...form.getInputProps('name')} data-testid="calendar-name" />
            <Select label={t('admin.calendars.timeZone')} data={zones} searchable allowDeselect={false} limit={50} {...form.getInputProps('timeZone')} data-testid="calendar-timeZone" />
          </SimpleGrid>
          <Divider label={t('admin.calendars.weeklyHours')} labelPosition="left" />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">{t('admin.calendars.weeklyHint')}</Text>
            <CopyMondayButton weekly={form.values.weekly} onChange={(w) => form.setFieldValue('weekly', w)} />
          </Group>
          <WeeklyHours weekly={form.values.weekly} errors={form.errors} onChange={(w) => form.setFieldValue('weekly', w)} />
          {form.errors.weekly ? <Text size="sm" c="red">{form.errors.weekly}</Text> : null}
          <Divider label={t('admin.calendars.daysOff')} labelPosition="left" />
          <Checkbox.Group label={t('admin.calendars.holidays')} description={t('admin.calendars.holidaysHint')} {...form.getInputProps('holidayCountries')}>
            <Group mt={6}>
              {HOLIDAY_COUNTRIES.map((c) => (
                <Checkbox key={c} value={c} label={t(`admin.calendars.holidayCountries.${c}`)} data-testid={`calendar-holidays-${c}`} />
              ))}
            </Group>
          </Checkbox.Group>
          <PublicHolidayLists lists={holidays.lists} />
          <div>
            <Text size="sm" fw={500}>{t('admin.calendars.extraDaysOff')}</Text>
            <Text size="xs" c="dimmed" mb={6}>{t('admin.calendars.extraDaysOffHint')}</Text>
            <Group gap={6} mb={6} data-testid="calendar-days-off">
              {form.values.extraDaysOff.length === 0 ? <Text size="sm" c="dimmed">{t('admin.calendars.noDaysOff')}</Text> : null}
              {form.values.extraDaysOff.map((d) => (
                <Badge key={d} variant="light" color={form.errors[`extraDaysOff.${form.values.extraDaysOff.indexOf(d)}`] ? 'red' : holidays.hints.some((h) => h.date === d) ? 'yellow' : 'blue'} tt="none" pr={3}
                  rightSection={<ActionIcon size="xs" variant="transparent" color="gray" onClick={() => form.setFieldValue('extraDaysOff', form.values.extraDaysOff.filter((x) => x !== d))} aria-label={`${t('admin.calendars.removeDay')}: ${formatDate(d)}`}><IconX size={12} /></ActionIcon>}>
                  {formatDate(d)}
                </Badge>
              ))}
            </Group>
            <Group gap={6}>
              <DateField key={addedDays} autoFocus={addedDays > 0} value={newDay} onChange={setNewDay} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); addDay(); } }} aria-label={t('admin.calendars.addDay')} w={180} data-testid="calendar-day-input" />
              <Button variant="light" leftSection={<IconPlus size={14} />} onClick={addDay} disabled={!newDay} data-testid="calendar-day-add">{t('admin.calendars.addDay')}</Button>
            </Group>
            <DayOffHints hints={holidays.hints} />
            {dayErrors.map((e, i) => <Text key={i} size="xs" c="red">{e}</Text>)}
          </div>
          <FormActions creating={!calendar} pending={save.isPending} onCancel={onClose} testId="calendar-save" />
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}
