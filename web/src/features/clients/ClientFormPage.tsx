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
import { useMe } from '../../app/auth/AuthProvider';
import { focusFirstInvalid } from '../../app/components/focusInvalid';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorState, FormErrorAlert, LoadingState, NotFoundState } from '../../app/components/QueryStates';
import { recordIdFrom } from '../../app/components/recordId';
import { useNotFoundText } from '../../app/components/RecordPage';
import { type Client, useClient, useSaveClient } from './api';
import { ClientForm } from './ClientForm';
import { clientToValues, emptyClientValues, type ClientFormValues, valuesToPayload, vatIdWithoutPrefix } from './clientFormModel';
import { defaultCurrency } from './reference';

export default function ClientFormPage() {
  const { id: idParam } = useParams();
  const id = recordIdFrom(idParam);
  const isEdit = id !== null;
  // /clients/abc/edit names no client: "not found", not an empty new-client form.
  const namesNoClient = idParam !== undefined && id === null;
  const notFound = useNotFoundText('clients.notFound', '/clients');
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const clientQuery = useClient(id ?? Number.NaN);
  const save = useSaveClient(id);
  const [extraErrors, setExtraErrors] = useState<string[]>([]);
  const [stale, setStale] = useState(false);
  const versionRef = useRef<number | null>(null);
  const loadedRef = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused save (by the checks here or by the server) the user lands on what needs fixing.
  const focusError = () => focusFirstInvalid(formRef.current);

  const form = useForm<ClientFormValues>({
    initialValues: emptyClientValues(me.language),
    validate: {
      name: (v) => (v.trim() ? null : t('errors.required')),
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

  const load = (client: Client) => {
    versionRef.current = client.version;
    const values = clientToValues(client);
    form.setInitialValues(values);
    form.setValues(values);
    form.resetDirty(values);
  };

  useEffect(() => {
    if (isEdit && clientQuery.data && !loadedRef.current) {
      loadedRef.current = true;
      load(clientQuery.data);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isEdit, clientQuery.data]);

  const submit = form.onSubmit((values) => {
    setExtraErrors([]);
    setStale(false);
    const { active, ...payload } = valuesToPayload(values);
    // A new client is always active; only a change may set `active`.
    const body = isEdit ? { ...payload, active, version: versionRef.current ?? undefined } : payload;
    save.mutate(body, {
      onSuccess: (client) => {
        notifications.show({ color: 'green', message: t('clients.saved', { name: client.name }) });
        navigate(`/clients/${client.id}`);
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'stale_version') setStale(true);
        setExtraErrors(applyFormErrors(form, error, t));
        focusError();
      },
    });
  }, focusError);

  const reload = async () => {
    const result = await clientQuery.refetch();
    if (result.data) {
      load(result.data);
      setStale(false);
      save.reset();
    }
  };

  if (namesNoClient) return <NotFoundState notFound={notFound} />;
  if (isEdit && clientQuery.isPending) return <LoadingState />;
  if (isEdit && clientQuery.isError) return <ErrorState error={clientQuery.error} onRetry={() => void clientQuery.refetch()} notFound={notFound} />;

  const cancelTo = isEdit ? `/clients/${id}` : '/clients';

  return (
    <div data-testid="page-client-form">
      <PageHeader title={isEdit ? t('clients.editTitle', { name: clientQuery.data?.name ?? '' }) : t('clients.newTitle')} />
      <form ref={formRef} onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])} noValidate data-testid="client-form">
        <Stack gap="md" maw={900}>
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
