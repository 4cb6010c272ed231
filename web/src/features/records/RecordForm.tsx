import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCar, IconClockHour4, IconReceipt } from '@tabler/icons-react';
import { type KeyboardEvent, type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { applyFormErrors } from '../../app/api/errors';
import { DraftNotice } from '../../app/components/DraftNotice';
import { focusFirstInvalid } from '../../app/components/focusInvalid';
import { pickerProps } from '../../app/components/pickerProps';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { formatMoney } from '../pricing/money';
import { usePhone } from '../../app/components/usePhone';
import { feeOptionLabel } from './feeWording';
import { useUnitFees, useWorkTypes, useZones } from '../pricing/catalogueApi';
import { type ServiceRecord, type Timer, useCreateRecord, useStopTimer, useTimer, useUpdateRecord, useWorkDay } from './api';
import { coverageWords } from './coverage';
import { formatDecimal } from './format';
import { noPriceReason, recordSummary } from './RecordBadges';
import { clearRecordDraft, isUntouchedLog, loadRecordDraft, saveRecordDraft } from './recordDraft';
import {
  emptyLog, type FeeUnit, futureEnd, fromRecord, fromTimer, isSubmitShortcut, type LogKind, type LogProblems, type LogValues, rememberedWorkType, rememberWorkType, timerTimesAfter, toNewRecord, toRecordChange, toTimerStop,
  withDefaultBillable, withWorkType, type WorkTypeBillable,
} from './recordFormModel';
import { isIsoDate } from './week';
import { DateField, TimeField } from '../../app/components/DateFields';
import { todayIso } from '../../app/format';

interface Props {
  ticketId: number;
  /** A draft to correct (then the kind is fixed and saving changes it); none to log a new record. */
  record?: ServiceRecord;
  /** The running timer being stopped: the form starts from what it measured, and logging stops it (a work entry). */
  timer?: Timer;
  /** Called once the correction is saved or the timer's entry logged. */
  onSaved?: () => void;
  /** The record was changed elsewhere since the form was filled (409 stale_version). */
  onStale?: () => void;
  /** Another way out beside the save button (the stop dialog's "discard the timer"). */
  secondaryAction?: ReactNode;
  /** Told whether the form differs from what it opened with, whenever that changes: the correction and timer-stop dialogs ask before dropping it. */
  onDirtyChange?: (dirty: boolean) => void;
}

/**
 * The compact "log work" form of the ticket: work, travel or a unit fee in a few keystrokes;
 * also corrects a draft, and logs what a stopped timer measured.
 */
export function RecordForm({ ticketId, record, timer, onSaved, onStale, secondaryAction, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const size = phone ? 'md' : 'sm';
  const mode = record ? 'edit' : timer ? 'timer' : 'new';
  const create = useCreateRecord(ticketId);
  const update = useUpdateRecord();
  const stop = useStopTimer();
  const saving = mode === 'edit' ? update : mode === 'timer' ? stop : create;
  const runningTimer = useTimer(mode === 'new');
  const workTypes = useWorkTypes('true');
  const zones = useZones('true');
  const fees = useUnitFees('true');
  const durationRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // A refused entry puts the cursor in the first field that says what to fix.
  const focusError = () => focusFirstInvalid(formRef.current);
  const [extra, setExtra] = useState<string[]>([]);
  const workTypeBillable: WorkTypeBillable = (workTypeId) => workTypes.data?.find((w) => String(w.id) === workTypeId)?.billableDefault;
  const feeUnit: FeeUnit = (feeId) => fees.data?.find((f) => String(f.id) === feeId)?.unit;
  // A new entry left unlogged on this ticket comes back after a reload (see recordDraft.ts).
  // "Untouched" is the form as it stands before anything is typed: the defaults, then what
  // stays in it after logging (the day, the kind…); only what differs from it is a draft.
  const [untouched, setUntouched] = useState(() => emptyLog(todayIso(), rememberedWorkType()));
  const [restoredDraft] = useState(() => (mode === 'new' ? loadRecordDraft(ticketId, untouched) : null));
  const [draftRestored, setDraftRestored] = useState(restoredDraft !== null);
  const form = useForm<LogValues>({
    initialValues: record
      ? fromRecord(record, (d) => formatDecimal(d))
      : timer ? fromTimer(timer, rememberedWorkType(), workTypeBillable) : withDefaultBillable(restoredDraft ?? untouched, workTypeBillable),
  });
  const v = form.values;
  // The "billable" default the form sets by itself (below, when the work types arrive) is no
  // change of the user's: it counts only once ticked or unticked by hand (billableChosen).
  const dirty = (Object.keys(v) as (keyof LogValues)[]).some((key) => (key !== 'billable' || v.billableChosen) && form.isDirty(key));
  // A layout effect: the dialog around knows before the next key (an Escape straight after typing) is handled.
  useLayoutEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  // "Billable" follows the entry's default until the user ticks or unticks it: the work types may
  // arrive after the form is filled, and the kind and the work type (picked, remembered, the
  // timer's) change it, as does the form emptied after logging.
  useEffect(() => {
    const values = form.getValues();
    const next = withDefaultBillable(values, workTypeBillable);
    if (next !== values) form.setFieldValue('billable', next.billable);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the default can change
  }, [workTypes.data, v.kind, v.workTypeId, v.billable, v.billableChosen]);
  useEffect(() => {
    if (mode === 'new') saveRecordDraft(ticketId, v, untouched);
  }, [mode, ticketId, v, untouched]);
  const field = (name: keyof LogValues) => ({ ...form.getInputProps(name), 'data-testid': `record-${name}`, size });
  // Stopping a timer: start, minutes and end move together (see timerTimesAfter).
  const timeField = (name: 'startTime' | 'duration' | 'endTime') => {
    const props = field(name);
    if (mode !== 'timer') return props;
    const onChange = (change: string | { currentTarget: { value: string } }) => {
      const value = typeof change === 'string' ? change : change.currentTarget.value;
      const moved = timerTimesAfter(form.getValues(), name, value);
      form.setValues(moved);
      for (const changed of Object.keys(moved)) form.clearFieldError(changed);
    };
    return { ...props, onChange };
  };
  // Work on a weekend or holiday without a start is priced as business hours (the time class
  // needs the start): the form says so under the times, before anything is logged.
  const askDay = v.kind === 'work' && v.startTime.trim() === '' && isIsoDate(v.date);
  const workDay = useWorkDay(ticketId, v.date, askDay);
  const offDay = askDay && workDay.data?.date === v.date && workDay.data.dayKind !== 'business_day' ? workDay.data.dayKind : null;
  // Work that ends after now is most likely a typo in the minutes or the start: said, not refused.
  const endFuture = futureEnd(v, new Date());

  const done = (r: ServiceRecord) => {
    // What the client pays: covered or prepaid work in words, not at its list price.
    const covered = coverageWords(t, r).headline;
    const amount = r.price.status === 'no_price'
      ? `${t('records.noPrice')}: ${noPriceReason(t, r)}`
      : covered ?? (r.amountMinor !== undefined && r.amountMinor !== null && r.price.currency ? formatMoney(r.amountMinor, r.price.currency) : '');
    const what = recordSummary(t, r);
    const headline = mode === 'edit' ? t('records.saved', { what }) : t('records.logged', { what });
    notifications.show({ color: r.price.status === 'no_price' ? 'orange' : 'green', message: [headline, amount].filter(Boolean).join(' · ') });
    if (mode !== 'new') {
      onSaved?.();
      return;
    }
    // The day, kind, work type, zone and fee stay for the next entry: as they are, they are no draft.
    // Billable is the default again (a box ticked by hand was for the entry just logged).
    const cleared = { duration: '', endTime: '', startTime: '', description: '', internalNote: '', km: '', vehicle: '', quantity: '1', billableChosen: false };
    setUntouched({ ...form.getValues(), ...cleared });
    setDraftRestored(false);
    clearRecordDraft(ticketId);
    form.setValues(cleared);
    form.resetDirty();
    durationRef.current?.focus();
  };

  const submit = form.onSubmit((values) => {
    setExtra([]);
    saving.reset();
    // An unreadable time reads as the time field itself says it.
    const showProblems = (problems: LogProblems) => {
      form.setErrors(Object.fromEntries(Object.entries(problems).map(([k, code]) => [k, code === 'time' ? t('common.timeInvalid') : t(`records.form.errors.${code}`)])));
      focusError();
    };
    const onError = (error: unknown) => {
      setExtra(applyFormErrors(form, error, t, { minutes: 'duration' }));
      // The general text of not_whole_units speaks of stock items: a fee's quantity says it as the form does.
      if (isApiError(error) && error.details.some((d) => d.path === 'quantity' && d.code === 'not_whole_units')) form.setFieldError('quantity', t('records.form.errors.wholeUnits'));
      focusError();
    };
    if (record) {
      const onChangeError = (error: unknown) => (isApiError(error) && error.code === 'stale_version' && onStale ? onStale() : onError(error));
      const change = toRecordChange(values, record.version, feeUnit);
      if (change.problems) showProblems(change.problems);
      else update.mutate({ id: record.id, body: change.body }, { onSuccess: done, onError: onChangeError });
      return;
    }
    if (mode === 'timer') {
      const stopped = toTimerStop(values);
      if (stopped.problems) showProblems(stopped.problems);
      else stop.mutate(stopped.body, { onSuccess: done, onError });
      return;
    }
    const built = toNewRecord(values, feeUnit);
    if (built.problems) showProblems(built.problems);
    else create.mutate(built.body, { onSuccess: done, onError });
  }, focusError);

  // On the form, not on single fields: Ctrl+Enter logs (or saves) from every field (km, minutes, selects, notes) as the hint says.
  const ctrlEnter = (e: KeyboardEvent<HTMLFormElement>) => {
    if (isSubmitShortcut(e)) {
      e.preventDefault();
      submit();
    }
  };

  // The timer on this ticket got its work type (picked beside the timer): an empty form takes it too.
  const timerWorkType = runningTimer.data?.ticket.id === ticketId && runningTimer.data.workType ? String(runningTimer.data.workType.id) : null;
  useEffect(() => {
    if (timerWorkType && !form.getValues().workTypeId) form.setFieldValue('workTypeId', timerWorkType);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the timer's work type changes
  }, [timerWorkType]);

  // The restored entry thrown away: the form starts as new, and nothing is kept.
  const discardDraft = () => {
    const blank = withDefaultBillable(emptyLog(todayIso(), rememberedWorkType() ?? timerWorkType), workTypeBillable);
    clearRecordDraft(ticketId);
    setUntouched(blank);
    setDraftRestored(false);
    setExtra([]);
    saving.reset();
    form.setValues(blank);
    form.resetDirty(blank);
    form.clearErrors();
    durationRef.current?.focus();
  };

  const setWorkType = (value: string | null) => {
    const { billable, billableChosen } = withWorkType(form.getValues(), value, workTypeBillable);
    form.setFieldValue('workTypeId', value);
    form.setValues({ billable, billableChosen });
    rememberWorkType(value);
  };

  const kinds = [
    { value: 'work', label: t('records.kinds.work'), icon: <IconClockHour4 size={16} /> },
    { value: 'travel', label: t('records.kinds.travel'), icon: <IconCar size={16} /> },
    { value: 'fee', label: t('records.kinds.fee'), icon: <IconReceipt size={16} /> },
  ];
  const timed = v.kind !== 'fee';

  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={ctrlEnter} noValidate data-testid="record-form" data-kind={v.kind}>
      <Stack gap="sm">
        {/* Until the entry is logged or discarded; gone once the form is emptied by hand. */}
        {draftRestored && !isUntouchedLog(v, untouched) ? (
          <DraftNotice kind="restored" message={t('records.form.draftRestored')} onDiscard={discardDraft} testId="record-draft" />
        ) : null}
        {mode !== 'new' ? null : <Button.Group w="100%" aria-label={t('records.fields.kind')} data-testid="record-kind">
          {kinds.map((k) => (
            <Button
              key={k.value}
              size={size}
              variant={v.kind === k.value ? 'filled' : 'default'}
              aria-pressed={v.kind === k.value}
              leftSection={phone ? undefined : k.icon}
              px={phone ? 4 : undefined}
              onClick={() => { form.setFieldValue('kind', k.value as LogKind); form.clearErrors(); }}
              style={{ flex: 1 }}
              data-testid={`record-kind-${k.value}`}
            >
              {k.label}
            </Button>
          ))}
        </Button.Group>}
        <FormErrorAlert error={saving.error} extra={extra} testId="record-form-error" />
        <SimpleGrid type="container" cols={{ base: 2, '480px': 4 }} spacing="sm" verticalSpacing="sm">
          <DateField className="records-date" label={t('records.fields.date')} required {...field('date')} size={size} />
          {timed ? <TimeField label={t('records.fields.startTime')} {...timeField('startTime')} /> : null}
          {timed ? (
            <TextInput
              ref={durationRef}
              label={t('records.fields.minutes')}
              placeholder={t('records.form.durationPlaceholder')}
              inputMode="text"
              autoComplete="off"
              required={v.kind === 'work'}
              {...timeField('duration')}
            />
          ) : null}
          {timed ? (
            <TimeField
              label={t('records.fields.endTime')}
              {...timeField('endTime')}
              description={endFuture ? <Text span size="xs" c="orange.8" role="status" data-testid="record-end-future">{t('records.form.endInFuture', { time: endFuture })}</Text> : undefined}
              // Under the field, so that the times stay in one line.
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          ) : null}
          {offDay ? (
            <Text size="xs" c="orange" role="status" style={{ gridColumn: '1 / -1' }} mt={-4} data-testid="record-start-hint" data-day={offDay}>
              {t(`records.form.noStartOn.${offDay}`)}
            </Text>
          ) : null}
          {v.kind === 'work' ? (
            <Select
              label={t('records.fields.workType')}
              required
              allowDeselect={false}
              {...pickerProps({ error: form.errors.workTypeId })}
              nothingFoundMessage={t('common.nothingFound')}
              data={(workTypes.data ?? []).map((w) => ({ value: String(w.id), label: w.name }))}
              {...field('workTypeId')}
              onChange={setWorkType}
              style={{ gridColumn: 'span 2' }}
            />
          ) : null}
          {v.kind === 'travel' ? (
            <>
              <TextInput label={t('records.fields.km')} inputMode="decimal" placeholder="36,5" autoComplete="off" {...field('km')} />
              <Select
                label={t('records.fields.zone')}
                clearable
                allowDeselect={false}
                {...pickerProps({ error: form.errors.zoneId })}
                nothingFoundMessage={t('common.nothingFound')}
                data={(zones.data ?? []).map((z) => ({ value: String(z.id), label: z.name }))}
                {...field('zoneId')}
                // No zones in the catalogue: say so instead of opening an empty list.
                disabled={zones.isSuccess && zones.data.length === 0}
                placeholder={zones.isSuccess && zones.data.length === 0 ? t('records.form.noZones') : undefined}
              />
              <TextInput label={t('records.fields.vehicle')} autoComplete="off" {...field('vehicle')} style={{ gridColumn: 'span 2' }} />
            </>
          ) : null}
          {v.kind === 'fee' ? (
            <>
              <Select
                label={t('records.fields.fee')}
                required
                allowDeselect={false}
                {...pickerProps({ error: form.errors.feeId })}
                nothingFoundMessage={t('common.nothingFound')}
                data={(fees.data ?? []).map((f) => ({ value: String(f.id), label: feeOptionLabel(t, f) }))}
                {...field('feeId')}
                style={{ gridColumn: 'span 2' }}
              />
              <TextInput label={t('records.fields.quantity')} inputMode="decimal" required autoComplete="off" {...field('quantity')} />
            </>
          ) : null}
        </SimpleGrid>
        <Textarea
          label={t('records.fields.description')}
          description={phone ? t('records.form.descriptionHint') : `${t('records.form.descriptionHint')} ${t(mode === 'edit' ? 'records.form.keyboardHintSave' : 'records.form.keyboardHint')}`}
          autosize
          minRows={1}
          maxRows={6}
          {...field('description')}
        />
        <Textarea label={t('records.fields.internalNote')} autosize minRows={1} maxRows={4} {...field('internalNote')} />
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Checkbox
            label={t('records.fields.billable')}
            size={size}
            className="tap-target"
            {...form.getInputProps('billable', { type: 'checkbox' })}
            onChange={(e) => form.setValues({ billable: e.currentTarget.checked, billableChosen: true })}
            data-testid="record-billable"
          />
          <Group gap="sm" wrap="wrap" justify="flex-end" w={phone ? '100%' : undefined}>
            {secondaryAction}
            <Button type="submit" size={size} loading={saving.isPending} fullWidth={phone} data-testid="record-save">
              {mode === 'edit' ? t('records.form.saveChanges') : t('records.form.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
