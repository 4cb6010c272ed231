import { MultiSelect, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../app/components/FormActions';
import { UnsavedChangesModal } from '../../../app/components/UnsavedChangesModal';
import { FormErrorAlert } from '../../../app/components/QueryStates';
import { useSaveKeys } from '../shared/keys';
import { usePhone } from '../../../app/components/usePhone';
import { CODE_PATTERN, codeFromName } from '../process/processModel';
import { escalatingPolicyNames, personLabel, type Queue, type Team, useSaveQueue, useSaveTeam, useStaff } from './api';
import { applyFormErrors } from '../../../app/api/errors';

type Props =
  | { kind: 'queue'; item: Queue | null; onClose: () => void }
  | { kind: 'team'; item: Team | null; onClose: () => void };

/** Create or edit a queue (code, name, lead, members) or a team (name, members). */
export function GroupModal({ kind, item, onClose }: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const staff = useStaff();
  const saveQueue = useSaveQueue();
  const saveTeam = useSaveTeam();
  const mutation = kind === 'queue' ? saveQueue : saveTeam;
  const [extra, setExtra] = useState<string[]>([]);
  const [codeTouched, setCodeTouched] = useState(!!item);
  const queue = kind === 'queue' ? item : null;
  const form = useForm({
    initialValues: {
      name: item?.name ?? '',
      code: queue?.code ?? '',
      leadUserId: queue?.leadUserId ? String(queue.leadUserId) : null as string | null,
      members: (item?.members ?? []).map(String),
      active: item?.active ?? true,
    },
    validate: {
      name: (v) => (v.trim() ? null : t('errors.required')),
      code: (v) => (kind !== 'queue' ? null : !v.trim() ? t('errors.required') : CODE_PATTERN.test(v.trim()) ? null : t('errors.invalid_code')),
    },
  });

  // Current members and lead stay selectable even if they no longer work tickets.
  const options = [...(staff.data?.options ?? [])];
  for (const id of [...form.values.members, ...(form.values.leadUserId ? [form.values.leadUserId] : [])]) {
    if (!options.some((o) => o.value === id)) options.push({ value: id, label: personLabel(t, staff.data, Number(id)) });
  }

  const submit = form.onSubmit((v) => {
    setExtra([]);
    const members = v.members.map(Number);
    const onSuccess = () => {
      notifications.show({ color: 'green', message: t('admin.saved', { name: v.name.trim() }) });
      onClose();
    };
    // Server paths name members by index ("members.2"): show them on the members field.
    const onError = (error: unknown) => {
      // A queue SLA policies escalate to stays active: one line naming them all, not one per policy.
      const policies = escalatingPolicyNames(error);
      if (policies) return setExtra([t('admin.queues.escalationTarget', { policies: policies.join(', ') })]);
      setExtra(applyFormErrors(form, error, t, Object.fromEntries(members.map((_, i) => [`members.${i}`, 'members']))));
    };
    if (kind === 'queue') {
      saveQueue.mutate({ id: item?.id ?? null, body: { name: v.name.trim(), code: v.code.trim(), leadUserId: v.leadUserId ? Number(v.leadUserId) : null, members, active: v.active } }, { onSuccess, onError });
    } else {
      saveTeam.mutate({ id: item?.id ?? null, body: { name: v.name.trim(), members, active: v.active } }, { onSuccess, onError });
    }
  }, () => {
    // Refused by the form itself: the server's last answer spoke of what was sent before.
    mutation.reset();
    setExtra([]);
  });

  const saveKeys = useSaveKeys(() => submit(), mutation.isPending);

  const title = kind === 'queue' ? (item ? t('admin.queues.editTitle') : t('admin.queues.newTitle')) : item ? t('admin.teams.editTitle') : t('admin.teams.newTitle');
  return (
    <UnsavedChangesModal opened dirty={form.isDirty()} fullScreen={phone} onClose={onClose} title={title} size="lg" attributes={{ content: { 'data-testid': `${kind}-modal` } }}>
      <form onSubmit={submit} onKeyDown={saveKeys} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={mutation.error} extra={extra} testId={`${kind}-form-error`} />
          <TextInput
            label={t('admin.fields.name')}
            required
            data-autofocus
            {...form.getInputProps('name')}
            onChange={(e) => {
              form.setFieldValue('name', e.currentTarget.value);
              if (kind === 'queue' && !codeTouched) form.setFieldValue('code', codeFromName(e.currentTarget.value));
            }}
            data-testid={`${kind}-name`}
          />
          {kind === 'queue' ? (
            <>
              <TextInput
                label={t('admin.fields.code')}
                description={t('admin.fields.codeHint')}
                required
                {...form.getInputProps('code')}
                onChange={(e) => {
                  setCodeTouched(true);
                  form.setFieldValue('code', e.currentTarget.value);
                }}
                data-testid="queue-code"
              />
              <Select label={t('admin.queues.lead')} placeholder={t('admin.queues.noLead')} data={options} searchable clearable {...form.getInputProps('leadUserId')} data-testid="queue-leadUserId" />
            </>
          ) : null}
          <MultiSelect
            label={t('admin.queues.members')}
            description={staff.isError ? t('admin.queues.staffUnavailable') : t('admin.queues.membersHint')}
            placeholder={form.values.members.length ? undefined : t('admin.queues.pickMembers')}
            data={options}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('members')}
            data-testid={`${kind}-members`}
          />
          <Switch label={t('admin.fields.active')} {...form.getInputProps('active', { type: 'checkbox' })} data-testid={`${kind}-active`} />
          <FormActions creating={!item} pending={mutation.isPending} onCancel={onClose} testId={`${kind}-save`} />
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}
