import { Checkbox, Fieldset, Grid, Select, Switch, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../app/components/NumberField';
import { LANGUAGES } from '../../i18n';
import { taxIdFields, type ClientFormValues } from './clientFormModel';
import { countryOptions, currencyOptions } from './reference';

type Form = UseFormReturnType<ClientFormValues>;

/** Input props for a field, with stable test ids on the input and its error. */
function fieldProps(form: Form, path: string, type: 'input' | 'checkbox' = 'input') {
  return {
    ...form.getInputProps(path, { type }),
    'data-testid': `client-${path}`,
    errorProps: { 'data-testid': `client-${path}-error` },
  };
}

function AddressFields({ form, prefix }: { form: Form; prefix: 'registeredAddress' | 'billingAddress' }) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countryOptions(), [i18n.language]);
  return (
    <Grid gap="sm">
      <Grid.Col span={12}>
        <TextInput label={t('clients.fields.street')} autoComplete="street-address" {...fieldProps(form, `${prefix}.street`)} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label={t('clients.fields.city')} autoComplete="address-level2" {...fieldProps(form, `${prefix}.city`)} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 2 }}>
        <TextInput label={t('clients.fields.postalCode')} autoComplete="postal-code" {...fieldProps(form, `${prefix}.postalCode`)} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Select label={t('clients.fields.country')} data={countries} searchable allowDeselect={false} {...fieldProps(form, `${prefix}.country`)} />
      </Grid.Col>
    </Grid>
  );
}

export function ClientForm({ form, isEdit }: { form: Form; isEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countryOptions(), [i18n.language]);
  const currencies = useMemo(() => currencyOptions(), [i18n.language]);
  const languages = LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }));
  const billingSame = form.getValues().billingSameAsRegistered;
  const ids = taxIdFields(form.getValues().country, form.getValues().taxId);

  return (
    <>
      <Fieldset legend={t('clients.sections.identity')}>
        <Grid gap="sm">
          <Grid.Col span={12}>
            <TextInput label={t('clients.fields.name')} required withAsterisk autoFocus {...fieldProps(form, 'name')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput label={t('clients.fields.companyId')} description={t('clients.hints.companyId')} inputMode="numeric" {...fieldProps(form, 'companyId')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput label={t(`clients.fields.${ids.vatIdKey}`)} description={t(`clients.hints.${ids.vatIdKey}`)} {...fieldProps(form, 'vatId')} />
          </Grid.Col>
          {ids.showTaxId ? (
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('clients.fields.taxId')} description={t('clients.hints.taxId')} inputMode="numeric" {...fieldProps(form, 'taxId')} />
            </Grid.Col>
          ) : null}
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select label={t('clients.fields.country')} description={t('clients.hints.country')} data={countries} searchable allowDeselect={false} {...fieldProps(form, 'country')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: ids.showTaxId ? 4 : 6 }}>
            <TextInput label={t('clients.fields.email')} type="email" autoComplete="email" {...fieldProps(form, 'email')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: ids.showTaxId ? 4 : 6 }}>
            <TextInput label={t('clients.fields.phone')} type="tel" autoComplete="tel" {...fieldProps(form, 'phone')} />
          </Grid.Col>
        </Grid>
      </Fieldset>

      <Fieldset legend={t('clients.sections.registeredAddress')}>
        <AddressFields form={form} prefix="registeredAddress" />
      </Fieldset>

      <Fieldset legend={t('clients.sections.billingAddress')}>
        <Checkbox
          label={t('clients.fields.billingSameAsRegistered')}
          mb={billingSame ? 0 : 'sm'}
          {...fieldProps(form, 'billingSameAsRegistered', 'checkbox')}
        />
        {billingSame ? null : <AddressFields form={form} prefix="billingAddress" />}
      </Fieldset>

      <Fieldset legend={t('clients.sections.billing')}>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select label={t('clients.fields.currency')} data={currencies} searchable allowDeselect={false} {...fieldProps(form, 'currency')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NumberField
              label={t('clients.fields.paymentTermsDays')}
              required
              min={0}
              max={365}
              allowDecimal={false}
              suffix={` ${t('clients.daysSuffix')}`}
              {...fieldProps(form, 'paymentTermsDays')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select label={t('clients.fields.language')} data={languages} allowDeselect={false} {...fieldProps(form, 'language')} />
          </Grid.Col>
        </Grid>
      </Fieldset>

      <Fieldset legend={t('clients.sections.other')}>
        <Textarea label={t('clients.fields.notes')} autosize minRows={2} maxRows={8} {...fieldProps(form, 'notes')} />
        {isEdit ? (
          <Switch mt="md" label={t('clients.fields.active')} {...fieldProps(form, 'active', 'checkbox')} />
        ) : null}
      </Fieldset>
    </>
  );
}
