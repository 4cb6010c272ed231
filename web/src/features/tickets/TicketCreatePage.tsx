import { Button, Fieldset, Grid, Group, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api/client';
import { applyFormErrors } from '../../app/api/errors';
import { useMe } from '../../app/auth/AuthProvider';
import { PageHeader } from '../../app/components/PageHeader';
import { focusFirstInvalid } from '../../app/components/focusInvalid';
import { pickerProps } from '../../app/components/pickerProps';
import { usePhone } from '../../app/components/usePhone';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { DraftNotice } from '../../app/components/DraftNotice';
import { useFieldShortcuts } from '../../app/components/useShortcuts';
import { useFormDraft } from '../../app/useFormDraft';
import { useCreateTicket } from './api';
import { useClientContacts, useClientName, useCustomFields, useDimensions, useQueues, useTeams, useTicketTypes } from './configApi';
import { CustomFieldInputs, DimensionInputs, fieldProps, refuseCustomNumberText } from './FieldInputs';
import { TICKET_CREATE_SHORTCUTS } from './keys';
import { typeLabel } from './labels';
import { AssigneePicker, CategoryPicker, ClientPicker } from './Pickers';
import { WatcherPickers } from './WatcherPickers';
import { PriorityFields } from './PriorityFields';
import { customInputsFor, emptyTicketValues, formPathOf, toNewTicket, type TicketFormValues } from './ticketFormModel';
import { notify } from './notify';
import { draftForClient, isUntouchedTicket, newTicketDraftKey, readTicketDraft } from './ticketDraft';

export default function TicketCreatePage() {
  // Discarding the draft opens the form anew, as it opens from the menu (defaults, focus).
  const [opened, setOpened] = useState(0);
  return <TicketCreateForm key={opened} onDiscarded={() => setOpened((n) => n + 1)} />;
}

function TicketCreateForm({ onDiscarded }: { onDiscarded: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const phone = usePhone();
  const canPrioritize = me.permissions.includes('tickets.prioritize');
  const create = useCreateTicket();
  const [extra, setExtra] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const focusError = () => focusFirstInvalid(formRef.current);
  // What was typed and not created comes back after leaving the form or a reload (see ticketDraft.ts).
  const [untouched] = useState<TicketFormValues>(() => ({ ...emptyTicketValues(), clientId: Number(params.get('clientId')) || null }));
  const draft = useFormDraft({ key: newTicketDraftKey(me.id), read: readTicketDraft });
  const form = useForm<TicketFormValues>({
    initialValues: draft.restored ? draftForClient(draft.restored, untouched.clientId) : untouched,
    validate: {
      clientId: (v) => (v ? null : t('errors.required')),
      subject: (v) => (v.trim() ? null : t('errors.required')),
    },
  });
  const values = form.getValues();
  const { keep } = draft;
  useEffect(() => keep(form.values, !isUntouchedTicket(form.values, untouched)), [keep, form.values, untouched]);

  const types = useTicketTypes();
  const queues = useQueues();
  const teams = useTeams();
  const dimensions = useDimensions();
  const type = types.data?.find((ty) => ty.code === values.typeCode);
  const fields = useCustomFields(type?.id);
  const contacts = useClientContacts(values.clientId);
  const activeContacts = useMemo(() => (contacts.data ?? []).filter((c) => c.active), [contacts.data]);
  // A client of a draft that is gone, or no longer visible to this user, is let go with its
  // requester: the field is empty and says Required, as on a new form.
  const client = useClientName(values.clientId);
  const clientRefused = client.isError && isApiError(client.error) && client.error.status >= 400 && client.error.status < 500;
  useEffect(() => {
    if (clientRefused) form.setValues({ clientId: null, requesterContactId: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clientRefused]);

  // The default queue, once the queues are known; also in place of a draft's queue that is gone.
  useEffect(() => {
    if (!queues.data?.length) return;
    const current = form.getValues().queueId;
    if (current && queues.data.some((q) => String(q.id) === current)) return;
    const desk = queues.data.find((q) => q.code === 'service_desk') ?? queues.data[0];
    if (desk) form.setFieldValue('queueId', String(desk.id));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queues.data]);

  // The chosen type's custom fields: inputs for them, keeping what was typed where a key stays.
  useEffect(() => {
    if (fields.data) form.setFieldValue('custom', customInputsFor(fields.data, form.getValues().custom));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fields.data]);

  // A requester of another client cannot stay; a client with one contact has it preselected.
  useEffect(() => {
    if (!contacts.data) return;
    // Watching contacts of another client are let go too.
    const watching = form.getValues().watcherContactIds;
    const kept = watching.filter((id) => activeContacts.some((c) => c.id === id));
    if (kept.length !== watching.length) form.setFieldValue('watcherContactIds', kept);
    const current = form.getValues().requesterContactId;
    if (current && activeContacts.some((c) => c.id === current)) return;
    form.setFieldValue('requesterContactId', activeContacts.length === 1 ? activeContacts[0]!.id : null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contacts.data]);

  const submit = form.onSubmit((v) => {
    setExtra([]);
    if (refuseCustomNumberText(form, fields.data ?? [], v.custom, t)) return;
    create.mutate(toNewTicket(v, fields.data ?? [], canPrioritize), {
      onSuccess: (ticket) => {
        draft.forget();
        notify('green', t('tickets.created', { number: ticket.number }));
        navigate(`/tickets/${ticket.id}`);
      },
      onError: (error) => {
        const pathMap = isApiError(error) ? Object.fromEntries(error.details.map((d) => [d.path, formPathOf(d.path)])) : {};
        setExtra(applyFormErrors(form, error, t, pathMap));
        focusError();
      },
    });
  }, focusError);
  const createKeys = useFieldShortcuts(TICKET_CREATE_SHORTCUTS, { create: () => submit() });

  const errorOf = (path: keyof TicketFormValues) => form.errors[path] as string | undefined;
  const select = (path: 'clientId' | 'requesterContactId' | 'assigneeId' | 'categoryId') => ({
    value: values[path],
    onChange: (v: number | null) => form.setFieldValue(path, v),
    error: errorOf(path),
    'data-testid': `ticket-${path}`,
    errorProps: { 'data-testid': `ticket-${path}-error` },
  });

  return (
    <div data-testid="page-ticket-new">
      <PageHeader title={t('tickets.newTitle')} />
      <form ref={formRef} onSubmit={submit} onKeyDown={createKeys} noValidate data-testid="ticket-form">
        <Stack gap="md" maw={960}>
          {draft.notice ? (
            <DraftNotice kind={draft.notice} message={t('tickets.create.draftRestored')} testId="ticket-draft" onDiscard={() => { draft.forget(); onDiscarded(); }} />
          ) : null}
          <FormErrorAlert error={create.error} extra={extra} testId="ticket-form-error" />
          <Fieldset legend={t('tickets.create.clientSection')}>
            <Stack gap="sm">
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  {/* Not on a phone: the focused picker opens its list over the rest of the form. */}
                  <ClientPicker label={t('tickets.fields.client')} placeholder={t('tickets.create.clientPlaceholder')} withAsterisk autoFocus={!phone} {...select('clientId')} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Select
                    label={t('tickets.fields.requester')}
                    placeholder={!values.clientId ? t('tickets.create.pickClientFirst') : activeContacts.length ? t('tickets.create.requesterPlaceholder') : t('tickets.create.noContacts')}
                    disabled={!values.clientId || !activeContacts.length}
                    clearable
                    allowDeselect={false}
                    // Typed text finds a contact by name or e-mail; Enter takes the first match, highlighted as it is typed.
                    {...pickerProps({ error: errorOf('requesterContactId') })}
                    nothingFoundMessage={t('common.nothingFound')}
                    data={activeContacts.map((c) => ({ value: String(c.id), label: c.email ? `${c.name} <${c.email}>` : c.name }))}
                    {...select('requesterContactId')}
                    value={values.requesterContactId ? String(values.requesterContactId) : null}
                    onChange={(v) => form.setFieldValue('requesterContactId', v ? Number(v) : null)}
                  />
                </Grid.Col>
              </Grid>
              <WatcherPickers
                userIds={values.watcherUserIds}
                contactIds={values.watcherContactIds}
                onUsersChange={(ids) => form.setFieldValue('watcherUserIds', ids)}
                onContactsChange={(ids) => form.setFieldValue('watcherContactIds', ids)}
                contacts={activeContacts}
                usersError={errorOf('watcherUserIds')}
                contactsError={errorOf('watcherContactIds')}
                contactsPlaceholder={!values.clientId ? t('tickets.create.pickClientFirst') : t('tickets.create.noContacts')}
                prefix="ticket"
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('tickets.create.ticketSection')}>
            <Stack gap="sm">
              <TextInput label={t('tickets.fields.subject')} withAsterisk maxLength={300} {...fieldProps(form, 'subject')} />
              <Textarea label={t('tickets.fields.description')} description={t('tickets.create.descriptionHint')} autosize minRows={4} maxRows={16} {...fieldProps(form, 'description')} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('tickets.create.classificationSection')}>
            <Stack gap="sm">
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Select label={t('tickets.fields.type')} allowDeselect={false} {...pickerProps({ error: errorOf('typeCode'), searchable: false })} data={(types.data ?? []).map((ty) => ({ value: ty.code, label: typeLabel(t, ty) }))} {...fieldProps(form, 'typeCode')} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Select label={t('tickets.fields.queue')} allowDeselect={false} {...pickerProps({ error: errorOf('queueId') })} nothingFoundMessage={t('common.nothingFound')} data={(queues.data ?? []).map((q) => ({ value: String(q.id), label: q.name }))} {...fieldProps(form, 'queueId')} />
                </Grid.Col>
              </Grid>
              <PriorityFields
                impact={values.impact}
                urgency={values.urgency}
                priority={values.priority}
                onChange={(patch) => form.setValues(patch)}
                canOverride={canPrioritize}
                error={errorOf('priority')}
                prefix="ticket"
              />
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <CategoryPicker label={t('tickets.fields.category')} {...select('categoryId')} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TagsInput label={t('tickets.fields.tags')} placeholder={t('tickets.create.tagsPlaceholder')} maxTags={20} clearable {...fieldProps(form, 'tags')} />
                </Grid.Col>
              </Grid>
              <DimensionInputs form={form} dimensions={dimensions.data ?? []} />
            </Stack>
          </Fieldset>

          {fields.data?.length ? (
            <Fieldset legend={t('tickets.create.customSection')}>
              <CustomFieldInputs form={form} fields={fields.data} />
            </Fieldset>
          ) : null}

          <Fieldset legend={t('tickets.create.assignmentSection')}>
            <Grid gap="sm" align="flex-end">
              {teams.data?.length ? (
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Select label={t('tickets.fields.team')} clearable allowDeselect={false} {...pickerProps({ error: errorOf('teamId') })} nothingFoundMessage={t('common.nothingFound')} data={teams.data.map((tm) => ({ value: String(tm.id), label: tm.name }))} {...fieldProps(form, 'teamId')} />
                </Grid.Col>
              ) : null}
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <AssigneePicker queueId={values.queueId} label={t('tickets.fields.assignee')} placeholder={t('tickets.unassigned')} {...select('assigneeId')} />
              </Grid.Col>
            </Grid>
          </Fieldset>

          <Group justify="space-between" gap="sm">
            <Text size="xs" c="dimmed" visibleFrom="sm">{t('tickets.create.submitHint')}</Text>
            <Group gap="sm" ml="auto">
              <Button variant="default" component={Link} to="/tickets" data-testid="ticket-cancel">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="ticket-create">
                {t('tickets.submitCreate')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </div>
  );
}
