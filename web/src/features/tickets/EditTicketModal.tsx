import { Button, Divider, Grid, Group, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { applyFormErrors } from '../../app/api/errors';
import { focusFirstInvalid } from '../../app/components/focusInvalid';
import { pickerProps } from '../../app/components/pickerProps';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { CancelButton } from '../../app/components/FormActions';
import { UnsavedChangesModal } from '../../app/components/UnsavedChangesModal';
import { useKeyboardScreen } from '../../app/components/useKeyboardScreen';
import { useFieldShortcuts } from '../../app/components/useShortcuts';
import { type Ticket, useTicketsByIds, useUpdateTicket } from './api';
import { useClientContacts, useCustomFields, useDimensions, useQueues, useTeams } from './configApi';
import { EditConflictNotice, useEditConflict } from './EditConflict';
import { CustomFieldInputs, DimensionInputs, fieldProps, refuseCustomNumberText } from './FieldInputs';
import { TICKET_DIALOG_SHORTCUTS } from './keys';
import { AssigneePicker, CategoryPicker, TicketPicker } from './Pickers';
import { formPathOf, rebaseEdits, ticketToValues, toTicketPatch, type TicketFormValues } from './ticketFormModel';
import { isStale } from './useTicketErrors';
import { WatcherPickers } from './WatcherPickers';
import { notify } from './notify';

interface Props {
  ticket: Ticket;
  onClose: () => void;
}

/** The form's labels of the fields the dialog edits, for naming the ones someone else changed too. */
const FIELD_LABELS: Partial<Record<keyof TicketFormValues, string>> = {
  subject: 'tickets.fields.subject',
  description: 'tickets.fields.description',
  requesterContactId: 'tickets.fields.requester',
  queueId: 'tickets.fields.queue',
  teamId: 'tickets.fields.team',
  assigneeId: 'tickets.fields.assignee',
  categoryId: 'tickets.fields.category',
  tags: 'tickets.fields.tags',
  watcherUserIds: 'tickets.fields.watcherUsers',
  watcherContactIds: 'tickets.fields.watcherContacts',
  parentId: 'tickets.fields.parent',
};

/**
 * Every editable field of a ticket; only the changed ones are sent, with the version the
 * dialog started from. Someone else's save in between keeps the dialog open with what was
 * typed (EditConflict), and the user's changes can be moved onto the current version.
 */
export function EditTicketModal({ ticket, onClose }: Props) {
  const { t } = useTranslation();
  const update = useUpdateTicket(ticket.id);
  const fields = useCustomFields(ticket.type.id);
  const queues = useQueues();
  const teams = useTeams();
  const dimensions = useDimensions();
  const contacts = useClientContacts(ticket.client.id);
  const conflict = useEditConflict(ticket.id);
  const [extra, setExtra] = useState<string[]>([]);
  // What the edit started from: the changes are what differs from it, and its version is sent.
  const base = useRef<{ ticket: Ticket; values: TicketFormValues }>({ ticket, values: ticketToValues(ticket, []) });
  const form = useForm<TicketFormValues>({
    initialValues: base.current.values,
    validate: { subject: (v) => (v.trim() ? null : t('errors.required')) },
  });
  const values = form.getValues();
  // Changed is what would be sent: a subject changed only by spaces, or watchers reordered, is not.
  const dirty = toTicketPatch(base.current.values, values, fields.data ?? [], base.current.ticket.version) !== null;
  // On a touch screen a focused subject would raise the on-screen keyboard over the dialog, which is
  // opened there mostly for the assignee or tags: the subject gets the focus only with a keyboard.
  const keyboard = useKeyboardScreen();

  // The type's custom fields arrive after the dialog opens: their inputs then.
  useEffect(() => {
    if (!fields.data) return;
    base.current.values = ticketToValues(base.current.ticket, fields.data);
    form.setFieldValue('custom', base.current.values.custom);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fields.data]);

  const formRef = useRef<HTMLFormElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const focusError = () => focusFirstInvalid(formRef.current);
  const submit = form.onSubmit((v) => {
    setExtra([]);
    if (refuseCustomNumberText(form, fields.data ?? [], v.custom, t)) return;
    const patch = toTicketPatch(base.current.values, v, fields.data ?? [], base.current.ticket.version);
    if (!patch) {
      notify('gray', t('tickets.edit.nothingChanged'));
      onClose();
      return;
    }
    update.mutate(patch, {
      onSuccess: () => {
        notify('green', t('tickets.edit.saved'));
        onClose();
      },
      onError: (error) => {
        if (isStale(error)) {
          conflict.stale();
          return;
        }
        const pathMap = isApiError(error) ? Object.fromEntries(error.details.map((d) => [d.path, formPathOf(d.path)])) : {};
        setExtra(applyFormErrors(form, error, t, pathMap));
        focusError();
      },
    });
  }, focusError);
  const saveKeys = useFieldShortcuts(TICKET_DIALOG_SHORTCUTS, { save: () => submit() });

  const labelOf = (path: string): string => {
    const [group, key = ''] = path.split('.');
    if (group === 'custom') return fields.data?.find((f) => f.key === key)?.label ?? key;
    if (group === 'dimensions') return dimensions.data?.find((d) => d.code === key)?.name ?? key;
    const label = FIELD_LABELS[path as keyof TicketFormValues];
    return label ? t(label) : path;
  };
  // The ticket as it is now, with the fields this user changed put back over it; saved again from its version.
  const reload = () =>
    void conflict.reload((current) => {
      const now = ticketToValues(current, fields.data ?? []);
      const mine = form.getValues();
      const { values: next, overlap } = rebaseEdits(base.current.values, { ...mine, subject: mine.subject.trim() }, now);
      base.current = { ticket: current, values: now };
      form.setValues(next);
      form.clearErrors();
      setExtra([]);
      update.reset();
      return overlap.map(labelOf);
    });

  // The parent as the picker shows it before any search: its number and subject.
  const [parent] = useTicketsByIds(ticket.parentId ? [ticket.parentId] : []);
  const contactOptions = (contacts.data ?? [])
    .filter((c) => c.active || c.id === ticket.requester?.id)
    .map((c) => ({ value: String(c.id), label: c.email ? `${c.name} <${c.email}>` : c.name }));
  const errorOf = (path: keyof TicketFormValues) => form.errors[path] as string | undefined;

  return (
    <UnsavedChangesModal opened dirty={dirty} onClose={onClose} title={t('tickets.edit.title', { number: ticket.number })} size="xl" attributes={{ content: { 'data-testid': 'ticket-edit-modal' } }}>
      <form ref={formRef} onSubmit={submit} onKeyDown={saveKeys} noValidate data-testid="ticket-edit-form">
        <Stack gap="sm">
          <EditConflictNotice conflict={conflict.conflict} loading={conflict.loading} onReload={reload} afterReload={() => saveButton.current?.focus()} testId="ticket-edit-conflict" />
          <FormErrorAlert error={isStale(update.error) ? null : update.error} extra={extra} testId="ticket-edit-error" />
          <TextInput label={t('tickets.fields.subject')} withAsterisk maxLength={300} data-autofocus={keyboard || undefined} {...fieldProps(form, 'subject', 'edit')} />
          <Textarea label={t('tickets.fields.description')} description={t('tickets.create.descriptionHint')} autosize minRows={3} maxRows={12} {...fieldProps(form, 'description', 'edit')} />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('tickets.fields.requester')}
                clearable
                allowDeselect={false}
                // As in the new ticket form: typed text finds a contact by name or e-mail.
                {...pickerProps({ error: errorOf('requesterContactId') })}
                nothingFoundMessage={t('common.nothingFound')}
                data={contactOptions}
                value={values.requesterContactId ? String(values.requesterContactId) : null}
                onChange={(v) => form.setFieldValue('requesterContactId', v ? Number(v) : null)}
                error={errorOf('requesterContactId')}
                data-testid="edit-requesterContactId"
                errorProps={{ 'data-testid': 'edit-requesterContactId-error' }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select label={t('tickets.fields.queue')} allowDeselect={false} {...pickerProps({ error: errorOf('queueId') })} nothingFoundMessage={t('common.nothingFound')} data={(queues.data ?? []).map((q) => ({ value: String(q.id), label: q.name }))} {...fieldProps(form, 'queueId', 'edit')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('tickets.fields.team')}
                clearable
                allowDeselect={false}
                {...pickerProps({ error: errorOf('teamId') })}
                nothingFoundMessage={t('common.nothingFound')}
                data={[...(teams.data ?? []).map((tm) => ({ value: String(tm.id), label: tm.name })), ...(ticket.team && !teams.data?.some((tm) => tm.id === ticket.team?.id) ? [{ value: String(ticket.team.id), label: ticket.team.name }] : [])]}
                {...fieldProps(form, 'teamId', 'edit')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <AssigneePicker
                queueId={values.queueId}
                label={t('tickets.fields.assignee')}
                placeholder={t('tickets.unassigned')}
                current={ticket.assignee}
                value={values.assigneeId}
                onChange={(v) => form.setFieldValue('assigneeId', v)}
                error={errorOf('assigneeId')}
                data-testid="edit-assigneeId"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <CategoryPicker
                label={t('tickets.fields.category')}
                current={ticket.category}
                value={values.categoryId}
                onChange={(v) => form.setFieldValue('categoryId', v)}
                error={errorOf('categoryId')}
                data-testid="edit-categoryId"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TagsInput label={t('tickets.fields.tags')} placeholder={t('tickets.create.tagsPlaceholder')} maxTags={20} clearable {...fieldProps(form, 'tags', 'edit')} />
            </Grid.Col>
          </Grid>
          <WatcherPickers
            userIds={values.watcherUserIds}
            contactIds={values.watcherContactIds}
            onUsersChange={(ids) => form.setFieldValue('watcherUserIds', ids)}
            onContactsChange={(ids) => form.setFieldValue('watcherContactIds', ids)}
            contacts={contacts.data ?? []}
            current={ticket.watchers}
            usersError={errorOf('watcherUserIds')}
            contactsError={errorOf('watcherContactIds')}
            contactsPlaceholder={t('tickets.create.noContacts')}
            prefix="edit"
          />
          <TicketPicker
            label={t('tickets.fields.parent')}
            description={t('tickets.edit.parentHint')}
            placeholder={t('tickets.links.ticketPlaceholder')}
            exclude={[ticket.id, ...ticket.childIds]}
            current={parent?.data ?? null}
            value={values.parentId}
            onChange={(v) => form.setFieldValue('parentId', v)}
            error={errorOf('parentId')}
            data-testid="edit-parentId"
          />
          <DimensionInputs form={form} dimensions={dimensions.data ?? []} prefix="edit" />
          {fields.data?.length ? (
            <>
              <Divider label={t('tickets.fields.custom')} labelPosition="left" />
              <CustomFieldInputs form={form} fields={fields.data} prefix="edit" />
            </>
          ) : null}
          <Group justify="flex-end" mt="sm">
            <CancelButton onCancel={onClose} />
            <Button ref={saveButton} type="submit" loading={update.isPending} data-testid="edit-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}
