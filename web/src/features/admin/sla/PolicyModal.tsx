import { Divider, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../app/components/FormActions';
import { NumberField } from '../../../app/components/NumberField';
import { FormErrorAlert } from '../../../app/components/QueryStates';
import { UnsavedChangesModal } from '../../../app/components/UnsavedChangesModal';
import { percentSuffix } from '../../../app/format';
import { isStale, StaleAlert } from '../shared/StaleAlert';
import { useSaveKeys } from '../shared/keys';
import { usePhone } from '../../../app/components/usePhone';
import { useQueues } from '../queues/api';
import { type Calendar, PRIORITIES, type SlaPolicy, useReloadSlaPolicy, useSaveSlaPolicy } from './api';
import { formToTargets, notNumberPaths, overlongMinutePaths, targetErrorPathMap, type TargetsForm, targetsToForm, warnAtPercentProblem } from './slaModel';
import { TargetsGrid } from './TargetsGrid';
import { applyFormErrors } from '../../../app/api/errors';

const NONE = { firstResponseMinutes: null, resolutionMinutes: null };

function formValues(policy: SlaPolicy | null, calendars: Calendar[]) {
  return {
    name: policy?.name ?? '',
    calendarId: policy ? String(policy.calendarId) : calendars[0] ? String(calendars[0].id) : null as string | null,
    targets: targetsToForm(policy?.targets ?? { P1: NONE, P2: NONE, P3: NONE, P4: NONE }) as TargetsForm,
    warnAtPercent: (policy?.warnAtPercent ?? 80) as number | string,
    isDefault: policy?.isDefault ?? false,
    escalateToQueueId: policy?.escalateToQueueId ? String(policy.escalateToQueueId) : null as string | null,
    active: policy?.active ?? true,
  };
}

/** Create or change an SLA policy: calendar, targets per priority, warning, default, escalation. */
export function PolicyModal({ policy: opened, calendars, onClose }: { policy: SlaPolicy | null; calendars: Calendar[]; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const save = useSaveSlaPolicy();
  const reloadPolicy = useReloadSlaPolicy();
  const queues = useQueues();
  // The policy as last loaded: its version goes with the save, and "Reload" replaces it.
  const [policy, setPolicy] = useState(opened);
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm({
    initialValues: formValues(policy, calendars),
    // All problems in one pass, each at its field: "2 h 75 min" at its minutes, 150 % at the warning,
    // "2x" at its own field (text that is no number is never read as one, so the targets wait for it).
    validate: (v) => {
      const notNumbers = notNumberPaths(v.targets);
      const targets = notNumbers.length ? null : formToTargets(v.targets);
      const zero = targets && PRIORITIES.find((p) => targets[p].firstResponseMinutes === 0 || targets[p].resolutionMinutes === 0);
      const warnAt = warnAtPercentProblem(v.warnAtPercent);
      return {
        name: v.name.trim() ? null : t('errors.required'),
        calendarId: v.calendarId ? null : t('errors.required'),
        targets: zero ? t('admin.sla.zeroTarget', { priority: zero }) : null,
        warnAtPercent: warnAt === 'notNumber' ? t('common.numberNotNumber') : warnAt ? t('admin.sla.warnAtRange') : null,
        ...Object.fromEntries(overlongMinutePaths(v.targets).map((path) => [path, t('admin.sla.minutesOverflow')])),
        ...Object.fromEntries(notNumbers.map((path) => [path, t('common.numberNotNumber')])),
      };
    },
  });

  const reload = async () => {
    if (!policy) return;
    const fresh = await reloadPolicy(policy.id);
    if (!fresh) return onClose();
    setPolicy(fresh);
    form.setValues(formValues(fresh, calendars));
    form.resetDirty(formValues(fresh, calendars));
    form.clearErrors();
    setExtra([]);
    save.reset();
  };

  const submit = form.onSubmit((v) => {
    setExtra([]);
    const body = {
      name: v.name.trim(),
      calendarId: Number(v.calendarId),
      targets: formToTargets(v.targets),
      // A number here: the form refused anything else (warnAtPercentProblem).
      warnAtPercent: v.warnAtPercent as number,
      isDefault: v.isDefault,
      escalateToQueueId: v.escalateToQueueId ? Number(v.escalateToQueueId) : null,
      active: v.active,
    };
    save.mutate(
      { ...(policy ? { id: policy.id, version: policy.version } : { id: null }), body },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('admin.saved', { name: saved.name }) });
          onClose();
        },
        onError: (error) => setExtra(applyFormErrors(form, error, t, targetErrorPathMap())),
      },
    );
  }, () => {
    // Refused by the form itself: the server's last answer spoke of what was sent before.
    save.reset();
    setExtra([]);
  });

  const saveKeys = useSaveKeys(() => submit(), save.isPending);

  // Only an active queue can be chosen (the server refuses others); the inactive one the policy has stays, marked, so an old policy reads right.
  const queueOptions = (queues.data?.items ?? [])
    .filter((q) => q.active || q.id === policy?.escalateToQueueId)
    .map((q) => ({ value: String(q.id), label: q.active ? q.name : t('admin.sla.inactiveQueue', { name: q.name }) }));
  return (
    <UnsavedChangesModal opened dirty={form.isDirty()} fullScreen={phone} onClose={onClose} size="xl" title={policy ? t('admin.sla.editTitle') : t('admin.sla.newTitle')} attributes={{ content: { 'data-testid': 'policy-modal' } }}>
      <form onSubmit={submit} onKeyDown={saveKeys} noValidate>
        <Stack gap="sm">
          {isStale(save.error)
            ? <StaleAlert message={t('admin.sla.stale')} onReload={() => void reload()} testId="policy-stale" />
            : <FormErrorAlert error={save.error} extra={extra} testId="policy-form-error" />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('admin.fields.name')} required data-autofocus {...form.getInputProps('name')} data-testid="policy-name" />
            <Select
              label={t('admin.sla.calendar')}
              required
              data={calendars.map((c) => ({ value: String(c.id), label: c.name }))}
              allowDeselect={false}
              {...form.getInputProps('calendarId')}
              data-testid="policy-calendarId"
            />
          </SimpleGrid>
          <Divider label={t('admin.sla.targets')} labelPosition="left" />
          <Text size="xs" c="dimmed">{t('admin.sla.targetsHint')}</Text>
          <TargetsGrid form={form as never} />
          {form.errors.targets ? <Text size="sm" c="red">{form.errors.targets}</Text> : null}
          <Divider />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberField
              label={t('admin.sla.warnAtPercent')}
              description={t('admin.sla.warnAtPercentHint')}
              // 1–99 is the form's rule, said in its own words ("Zadejte 1–99 %"), not the field's.
              allowNegative={false}
              allowDecimal={false}
              suffix={percentSuffix()}
              {...form.getInputProps('warnAtPercent')}
              data-testid="policy-warnAtPercent"
            />
            <Select
              label={t('admin.sla.escalateTo')}
              description={t('admin.sla.escalateToHint')}
              placeholder={t('admin.sla.noEscalation')}
              data={queueOptions}
              clearable
              {...form.getInputProps('escalateToQueueId')}
              data-testid="policy-escalateToQueueId"
            />
          </SimpleGrid>
          <Group gap="xl">
            <Switch
              label={t('admin.sla.isDefault')}
              description={policy?.isDefault ? t('admin.sla.isDefaultFixed') : t('admin.sla.isDefaultHint')}
              disabled={policy?.isDefault}
              {...form.getInputProps('isDefault', { type: 'checkbox' })}
              data-testid="policy-isDefault"
            />
            <Switch label={t('admin.fields.active')} disabled={policy?.isDefault} {...form.getInputProps('active', { type: 'checkbox' })} data-testid="policy-active" />
          </Group>
          <FormActions creating={!policy} pending={save.isPending} onCancel={onClose} testId="policy-save" />
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}
