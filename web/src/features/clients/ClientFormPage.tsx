import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api/client';
import { applyFormErrors } from '../../app/api/errors';
import { useAuth, useMe } from '../../app/auth/AuthProvider';
import { DraftNotice } from '../../app/components/DraftNotice';
import { focusFirstInvalid } from '../../app/components/focusInvalid';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorState, FormErrorAlert, LoadingState, NotFoundState } from '../../app/components/QueryStates';
import { recordIdFrom } from '../../app/components/recordId';
import { useNotFoundText } from '../../app/components/RecordPage';
import { useFormDraft } from '../../app/useFormDraft';
import { type Client, useClient, useSaveClient } from './api';
import { clientDraftKey, isUntouchedClient, readClientDraft } from './clientDraft';
import { ClientForm } from './ClientForm';
import { clientToValues, emptyClientValues, type ClientFormValues, paymentTermsDaysProblem, valuesToPayload, vatIdWithoutPrefix } from './clientFormModel';
import { defaultCurrency } from './reference';

export default function ClientFormPage() {
  const { id: idParam } = useParams();
  const id = recordIdFrom(idParam);
  const isEdit = id !== null;
  // /clients/abc/edit names no client: "not found", not an empty new-client form.
  const namesNoClient = idParam !== undefined && id === null;
  const notFound = useNotFoundText('clients.notFound', '/clients');
  const clientQuery = useClient(id ?? Number.NaN);
  // Discarding the draft, or loading the client again after a refused save, opens the form anew.
  const [opened, setOpened] = useState(0);

  if (namesNoClient) return <NotFoundState notFound={notFound} />;
  if (isEdit && clientQuery.isPending) return <LoadingState />;
  if (isEdit && clientQuery.isError) return <ErrorState error={clientQuery.error} onRetry={() => void clientQuery.refetch()} notFound={notFound} />;
  const client = isEdit ? clientQuery.data ?? null : null;
  return (
    <ClientFormBody
      key={`${client?.id ?? 'new'}.${opened}`}
      client={client}
      reopen={() => setOpened((n) => n + 1)}
      reload={async () => (await clientQuery.refetch()).data !== undefined}
    />
  );
}

function ClientFormBody({ client, reopen, reload: reloadClient }: { client: Client | null; reopen: () => void; reload: () => Promise<boolean> }) {
  const isEdit = client !== null;
  const id = client?.id ?? null;
  const { t } = useTranslation();
  const me = useMe();
  const { defaults } = useAuth();
  const navigate = useNavigate();
  const save = useSaveClient(id);
  const [extraErrors, setExtraErrors] = useState<string[]>([]);
  const [stale, setStale] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused save (by the checks here or by the server) the user lands on what needs fixing.
  const focusError = () => focusFirstInvalid(formRef.current);

  // What was typed and not saved comes back after leaving the form or a reload, on the same version only.
  // The version the form opened on: saved with it, so that a change saved meanwhile is refused, not overwritten.
  const [version] = useState(client?.version ?? null);
  const [untouched] = useState(() => (client ? clientToValues(client) : emptyClientValues(me.language, defaults?.clientCountry ?? null)));
  const draft = useFormDraft({ key: clientDraftKey(id), read: readClientDraft, version });
  const form = useForm<ClientFormValues>({
    initialValues: draft.restored ?? untouched,
    validate: {
      name: (v) => (v.trim() ? null : t('errors.required')),
      paymentTermsDays: (v) => {
        const problem = paymentTermsDaysProblem(v);
        return problem === 'notNumber' ? t('common.numberNotNumber') : problem ? t('errors.required') : null;
      },
      vatId: (v, values) => {
        const suggestion = vatIdWithoutPrefix(v, values.country);
        if (!suggestion) return null;
        // A Slovak client has a DIČ field of its own: point there rather than to leaving this one empty.
        return t(values.country === 'SK' ? 'clients.errors.vatIdPrefixSk' : 'clients.errors.vatIdPrefix', { suggestion });
      },
    },
    onValuesChange: (values, previous) => {
      // A new client's currency and address country follow its country until set by hand.
      if (values.country !== previous.country) {
        if (!isEdit && !form.isDirty('currency')) form.setFieldValue('currency', defaultCurrency(values.country));
        if (values.registeredAddress.country === previous.country) form.setFieldValue('registeredAddress.country', values.country);
        if (values.billingAddress.country === previous.country) form.setFieldValue('billingAddress.country', values.country);
      }
    },
  });

  useEffect(() => {
    // A restored draft is "changed" against the form as it opened (a currency set by hand stays so).
    if (draft.restored) form.resetDirty(untouched);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const { keep } = draft;
  useEffect(() => keep(form.values, !isUntouchedClient(form.values, untouched)), [keep, form.values, untouched]);

  const submit = form.onSubmit((values) => {
    setExtraErrors([]);
    setStale(false);
    const { active, ...payload } = valuesToPayload(values);
    // A new client is always active; only a change may set `active`.
    const body = isEdit ? { ...payload, active, version: version ?? undefined } : payload;
    save.mutate(body, {
      onSuccess: (saved) => {
        draft.forget();
        notifications.show({ color: 'green', message: t('clients.saved', { name: saved.name }) });
        navigate(`/clients/${saved.id}`);
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'stale_version') setStale(true);
        setExtraErrors(applyFormErrors(form, error, t));
        focusError();
      },
    });
  }, focusError);

  // The client as saved now, in place of the edits (the notice says they will be lost).
  const reload = async () => {
    if (await reloadClient()) {
      draft.forget();
      reopen();
    }
  };

  const cancelTo = isEdit ? `/clients/${id}` : '/clients';

  return (
    <div data-testid="page-client-form">
      <PageHeader title={isEdit ? t('clients.editTitle', { name: client.name }) : t('clients.newTitle')} />
      <form ref={formRef} onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])} noValidate data-testid="client-form">
        <Stack gap="md" maw={900}>
          {draft.notice ? (
            <DraftNotice
              kind={draft.notice}
              message={draft.notice === 'stale' ? t('clients.draft.stale') : t('clients.draft.restored')}
              testId="client-draft"
              onDiscard={() => { draft.forget(); reopen(); }}
            />
          ) : null}
          {stale ? (
            <Alert color="orange" title={t('errors.stale_version')} data-testid="client-stale" role="alert">
              <Text size="sm" mb="xs">{t('clients.staleText')}</Text>
              <Button size="xs" variant="light" color="orange" leftSection={<IconRefresh size={14} />} onClick={() => void reload()} data-testid="client-reload">
                {t('common.reload')}
              </Button>
            </Alert>
          ) : (
            <FormErrorAlert error={save.error} extra={extraErrors} testId="client-form-error" />
          )}
          <ClientForm form={form} isEdit={isEdit} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" component={Link} to={cancelTo} data-testid="client-cancel">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="client-save">
              {isEdit ? t('common.save') : t('clients.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </div>
  );
}
