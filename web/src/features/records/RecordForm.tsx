import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCar, IconClockHour4, IconReceipt } from '@tabler/icons-react';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../app/api/errors';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { formatMoney } from '../pricing/money';
import { usePhone } from '../admin/shared/usePhone';
import { useUnitFees, useWorkTypes, useZones } from '../pricing/catalogueApi';
import { type ServiceRecord, useCreateRecord } from './api';
import { formatMinutes } from './format';
import { noPriceReason, recordWhat } from './RecordBadges';
import { emptyLog, isSubmitShortcut, type LogKind, type LogValues, rememberedWorkType, rememberWorkType, toNewRecord } from './recordFormModel';
import { todayIso } from './week';

/** The compact "log work" form of the ticket: work, travel or a unit fee in a few keystrokes. */
export function RecordForm({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const size = phone ? 'md' : 'sm';
  const create = useCreateRecord(ticketId);
  const workTypes = useWorkTypes('true');
  const zones = useZones('true');
  const fees = useUnitFees('true');
  const durationRef = useRef<HTMLInputElement>(null);
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<LogValues>({ initialValues: emptyLog(todayIso(), rememberedWorkType()) });
  const v = form.values;
  const field = (name: keyof LogValues) => ({ ...form.getInputProps(name), 'data-testid': `record-${name}`, size });

  const done = (r: ServiceRecord) => {
    const amount = r.price.status === 'no_price'
      ? `${t('records.noPrice')}: ${noPriceReason(t, r)}`
      : r.amountMinor !== undefined && r.amountMinor !== null && r.price.currency ? formatMoney(r.amountMinor, r.price.currency) : '';
    const what = r.kind === 'fee' ? recordWhat(t, r) : formatMinutes(r.minutes);
    notifications.show({ color: r.price.status === 'no_price' ? 'orange' : 'green', message: [t('records.logged', { what }), amount].filter(Boolean).join(' · '), position: 'bottom-right' });
    form.setValues({ duration: '', endTime: '', startTime: '', description: '', internalNote: '', km: '', vehicle: '', quantity: '1' });
    form.resetDirty();
    durationRef.current?.focus();
  };

  const submit = form.onSubmit((values) => {
    setExtra([]);
    create.reset();
    const built = toNewRecord(values);
    if (built.problems) {
      form.setErrors(Object.fromEntries(Object.entries(built.problems).map(([k, code]) => [k, t(`records.form.errors.${code}`)])));
      return;
    }
    create.mutate(built.body, {
      onSuccess: done,
      onError: (error) => setExtra(applyFormErrors(form, error, t, { minutes: 'duration' })),
    });
  });

  // On the form, not on single fields: Ctrl+Enter logs from every field (km, minutes, selects, notes) as the hint says.
  const ctrlEnter = (e: KeyboardEvent<HTMLFormElement>) => {
    if (isSubmitShortcut(e)) {
      e.preventDefault();
      submit();
    }
  };

  const setWorkType = (value: string | null) => {
    form.setFieldValue('workTypeId', value);
    rememberWorkType(value);
    const wt = workTypes.data?.find((w) => String(w.id) === value);
    if (wt) form.setFieldValue('billable', wt.billableDefault);
  };

  const kinds = [
    { value: 'work', label: t('records.kinds.work'), icon: <IconClockHour4 size={16} /> },
    { value: 'travel', label: t('records.kinds.travel'), icon: <IconCar size={16} /> },
    { value: 'fee', label: t('records.kinds.fee'), icon: <IconReceipt size={16} /> },
  ];
  const timed = v.kind !== 'fee';

  return (
    <form onSubmit={submit} onKeyDown={ctrlEnter} noValidate data-testid="record-form" data-kind={v.kind}>
      <Stack gap="sm">
        <Button.Group w="100%" aria-label={t('records.fields.kind')} data-testid="record-kind">
          {kinds.map((k) => (
            <Button
              key={k.value}
              size={size}
              variant={v.kind === k.value ? 'filled' : 'default'}
              aria-pressed={v.kind === k.value}
              leftSection={phone ? undefined : k.icon}
              px={phone ? 'xs' : undefined}
              onClick={() => { form.setFieldValue('kind', k.value as LogKind); form.clearErrors(); }}
              style={{ flex: 1 }}
              data-testid={`record-kind-${k.value}`}
            >
              {k.label}
            </Button>
          ))}
        </Button.Group>
        <FormErrorAlert error={create.error} extra={extra} testId="record-form-error" />
        <SimpleGrid type="container" cols={{ base: 2, '480px': 4 }} spacing="sm" verticalSpacing="sm">
          <TextInput type="date" label={t('records.fields.date')} required {...field('date')} />
          {timed ? <TextInput type="time" label={t('records.fields.startTime')} {...field('startTime')} /> : null}
          {timed ? (
            <TextInput
              ref={durationRef}
              label={t('records.fields.minutes')}
              placeholder={t('records.form.durationPlaceholder')}
              inputMode="text"
              autoComplete="off"
              required={v.kind === 'work'}
              {...field('duration')}
            />
          ) : null}
          {timed ? <TextInput type="time" label={t('records.fields.endTime')} {...field('endTime')} /> : null}
          {v.kind === 'work' ? (
            <Select
              label={t('records.fields.workType')}
              required
              searchable
              allowDeselect={false}
              data={(workTypes.data ?? []).map((w) => ({ value: String(w.id), label: w.name }))}
              {...field('workTypeId')}
              onChange={setWorkType}
              style={{ gridColumn: 'span 2' }}
            />
          ) : null}
          {v.kind === 'travel' ? (
            <>
              <TextInput label={t('records.fields.km')} inputMode="decimal" placeholder="36,5" autoComplete="off" {...field('km')} />
              <Select label={t('records.fields.zone')} clearable data={(zones.data ?? []).map((z) => ({ value: String(z.id), label: z.name }))} {...field('zoneId')} />
              <TextInput label={t('records.fields.vehicle')} autoComplete="off" {...field('vehicle')} style={{ gridColumn: 'span 2' }} />
            </>
          ) : null}
          {v.kind === 'fee' ? (
            <>
              <Select
                label={t('records.fields.fee')}
                required
                searchable
                allowDeselect={false}
                data={(fees.data ?? []).map((f) => ({ value: String(f.id), label: `${f.name} (${f.unit})` }))}
                {...field('feeId')}
                style={{ gridColumn: 'span 2' }}
              />
              <TextInput label={t('records.fields.quantity')} inputMode="decimal" required autoComplete="off" {...field('quantity')} />
            </>
          ) : null}
        </SimpleGrid>
        <Textarea label={t('records.fields.description')} description={t('records.form.descriptionHint')} autosize minRows={1} maxRows={6} {...field('description')} />
        <Textarea label={t('records.fields.internalNote')} autosize minRows={1} maxRows={4} {...field('internalNote')} />
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Checkbox label={t('records.fields.billable')} size={size} {...form.getInputProps('billable', { type: 'checkbox' })} data-testid="record-billable" />
          <Button type="submit" size={size} loading={create.isPending} fullWidth={phone} data-testid="record-save">
            {t('records.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
