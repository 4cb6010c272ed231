import { Alert, Button, Checkbox, FileButton, Group, Image, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconUpload } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { applyFormErrors, errorMessage } from '../../app/api/errors';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorState, FormErrorAlert, LoadingState } from '../../app/components/QueryStates';
import { formatDateTime } from '../../app/format';
import { notifyError, notifySaved } from '../admin/shared/notify';
import { countryOptions } from '../clients/reference';
import { type CompanySettings, type CompanySettingsInput, logoUrl, useCompanySettings, useDeleteLogo, useSaveCompanySettings, useUploadLogo } from './api';

/** The form's values: every text as a string ('' for none), sent as null when empty. */
type Values = { [K in keyof CompanySettingsInput]: CompanySettingsInput[K] extends boolean ? boolean : CompanySettingsInput[K] extends number ? number : string };

function toValues(s: CompanySettings): Values {
  return {
    name: s.name, companyId: s.companyId ?? '', vatId: s.vatId ?? '', taxId: s.taxId ?? '', vatPayer: s.vatPayer,
    street: s.street, city: s.city, postalCode: s.postalCode, country: s.country, email: s.email ?? '', phone: s.phone ?? '',
    bankAccount: s.bankAccount ?? '', iban: s.iban ?? '', bic: s.bic ?? '', registration: s.registration ?? '', footerText: s.footerText ?? '',
    footerTextCs: s.footerTextCs ?? '', footerTextSk: s.footerTextSk ?? '', footerTextEn: s.footerTextEn ?? '',
    roundTotalsCzk: s.roundTotalsCzk, roundTotalsEur: s.roundTotalsEur, defaultCountry: s.defaultCountry, version: s.version,
  };
}

const nullable = (text: string) => (text.trim() === '' ? null : text.trim());

function toInput(v: Values): CompanySettingsInput {
  return {
    ...v,
    companyId: nullable(v.companyId), vatId: nullable(v.vatId), taxId: nullable(v.taxId), email: nullable(v.email), phone: nullable(v.phone),
    bankAccount: nullable(v.bankAccount), iban: nullable(v.iban), bic: nullable(v.bic), registration: nullable(v.registration), footerText: nullable(v.footerText),
    footerTextCs: nullable(v.footerTextCs), footerTextSk: nullable(v.footerTextSk), footerTextEn: nullable(v.footerTextEn),
  };
}

const LOGO_MAX_BYTES = 512 * 1024;

/** A field's hint and error under it rather than between the label and the field. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

function LogoSection({ settings }: { settings: CompanySettings }) {
  const { t } = useTranslation();
  const upload = useUploadLogo();
  const remove = useDeleteLogo();
  const [localError, setLocalError] = useState<string | null>(null);
  const choose = (file: File | null) => {
    setLocalError(null);
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type)) return setLocalError(t('company.logo.wrongType'));
    if (file.size > LOGO_MAX_BYTES) return setLocalError(t('company.logo.tooLarge'));
    upload.mutate(file, { onSuccess: () => notifySaved(t('company.logo.uploaded')), onError: (e) => notifyError(t, e) });
  };
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">{t('company.sections.logo')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('company.logo.help')}</Text>
      <Group align="center">
        {settings.logo ? (
          <Image src={logoUrl(settings.logo.sha256)} alt={t('company.logo.alt')} h={56} w="auto" fit="contain" data-testid="company-logo" />
        ) : (
          <Text size="sm" c="dimmed" data-testid="company-no-logo">{t('company.logo.none')}</Text>
        )}
        <FileButton onChange={choose} accept="image/png,image/jpeg">
          {(props) => <Button {...props} variant="default" leftSection={<IconUpload size={16} />} loading={upload.isPending} data-testid="company-logo-upload">{settings.logo ? t('company.logo.replace') : t('company.logo.upload')}</Button>}
        </FileButton>
        {settings.logo ? (
          <Button variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate(undefined, { onSuccess: () => notifySaved(t('company.logo.removed')), onError: (e) => notifyError(t, e) })} data-testid="company-logo-remove">
            {t('company.logo.remove')}
          </Button>
        ) : null}
      </Group>
      {localError || upload.isError ? <Text size="sm" c="red" mt="xs" role="alert">{localError ?? errorMessage(t, upload.error)}</Text> : null}
    </Paper>
  );
}

function SettingsForm({ settings }: { settings: CompanySettings }) {
  const { t, i18n } = useTranslation();
  // The countries the new-client form offers: its default is one of them.
  const countries = useMemo(() => countryOptions(), [i18n.language]);
  const save = useSaveCompanySettings();
  const [extraErrors, setExtraErrors] = useState<string[]>([]);
  const form = useForm<Values>({ initialValues: toValues(settings) });
  useEffect(() => {
    // After a save (or another admin's change) the form shows what is stored, e.g. the derived IBAN.
    if (settings.version !== form.getValues().version) form.setValues(toValues(settings));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings.version]);
  const submit = form.onSubmit((values) => {
    setExtraErrors([]);
    save.mutate(toInput(values), {
      onSuccess: (saved) => { form.setValues(toValues(saved)); form.resetDirty(toValues(saved)); notifySaved(t('company.saved')); },
      onError: (error) => setExtraErrors(applyFormErrors(form, error, t)),
    });
  });
  const text = (field: keyof Values, extra: Record<string, unknown> = {}) => ({ label: t(`company.fields.${field}`), ...form.getInputProps(field), 'data-testid': `company-${field}`, ...extra });
  return (
    <form onSubmit={submit} noValidate data-testid="company-form">
      <Stack gap="md">
        <FormErrorAlert error={save.isError ? save.error : null} extra={extraErrors} testId="company-error" />
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">{t('company.sections.identity')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput {...text('name', { required: true, autoFocus: true })} />
            <Checkbox mt={{ sm: 30 }} label={t('company.fields.vatPayer')} {...form.getInputProps('vatPayer', { type: 'checkbox' })} data-testid="company-vatPayer" />
            <TextInput {...text('companyId', { description: t('company.hints.companyId') })} />
            <TextInput {...text('vatId', { description: t('company.hints.vatId') })} />
            <TextInput {...text('taxId', { description: t('company.hints.taxId') })} />
            <TextInput {...text('registration', { description: t('company.hints.registration') })} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">{t('company.sections.address')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput {...text('street')} />
            <TextInput {...text('city')} />
            <TextInput {...text('postalCode', { description: t('company.hints.postalCode') })} />
            <TextInput {...text('country', { description: t('company.hints.country'), maxLength: 2 })} />
            <TextInput {...text('email', { type: 'email' })} />
            <TextInput {...text('phone', { type: 'tel' })} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">{t('company.sections.bank')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {/* Only the values are monospace (labels and hints as everywhere else); the hints go under
                the fields so that the three fields line up; the example account number never breaks. */}
            <TextInput
              {...text('bankAccount', { description: <Trans i18nKey="company.hints.bankAccount" components={{ nowrap: <span style={{ whiteSpace: 'nowrap' }} /> }} /> })}
              classNames={{ input: 'mono' }}
              inputWrapperOrder={BELOW}
            />
            <TextInput {...text('iban', { description: t('company.hints.iban') })} classNames={{ input: 'mono' }} inputWrapperOrder={BELOW} />
            <TextInput {...text('bic')} classNames={{ input: 'mono' }} inputWrapperOrder={BELOW} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">{t('company.sections.documents')}</Title>
          <Stack gap="sm">
            <Textarea {...text('footerText', { description: t('company.hints.footerText'), autosize: true, minRows: 2 })} />
            {/* A footer per document language; the default above prints where one is left empty. */}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {(['footerTextCs', 'footerTextSk', 'footerTextEn'] as const).map((field) => (
                <Textarea key={field} {...text(field, { description: t('company.hints.footerTextInLanguage'), autosize: true, minRows: 2 })} />
              ))}
            </SimpleGrid>
            <Checkbox label={t('company.fields.roundTotalsCzk')} description={t('company.hints.roundTotalsCzk')} {...form.getInputProps('roundTotalsCzk', { type: 'checkbox' })} data-testid="company-roundTotalsCzk" />
            <Checkbox label={t('company.fields.roundTotalsEur')} {...form.getInputProps('roundTotalsEur', { type: 'checkbox' })} data-testid="company-roundTotalsEur" />
            <Select {...text('defaultCountry', { description: t('company.hints.defaultCountry'), data: countries, searchable: true, allowDeselect: false, w: 320 })} />
          </Stack>
        </Paper>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">{t('company.updatedAt', { when: formatDateTime(settings.updatedAt) })}</Text>
          <Button type="submit" loading={save.isPending} data-testid="company-save">{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** /admin/company — who the supplier is on every invoice: identity, bank account, logo, footer. */
export default function CompanySettingsPage() {
  const { t } = useTranslation();
  const settings = useCompanySettings();
  return (
    <div data-testid="page-company">
      <PageHeader title={t('company.title')} subtitle={t('company.subtitle')} />
      {settings.isPending ? <LoadingState /> : settings.isError ? <ErrorState error={settings.error} onRetry={() => void settings.refetch()} /> : (
        <Stack gap="md">
          {!settings.data.complete ? (
            <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="company-incomplete">{t('company.incomplete')}</Alert>
          ) : null}
          <LogoSection settings={settings.data} />
          <SettingsForm settings={settings.data} />
        </Stack>
      )}
    </div>
  );
}
