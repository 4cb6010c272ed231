import { Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../app/api/errors';
import { CURRENCIES } from '../../app/currencies';
import { pickerProps } from '../../app/components/pickerProps';
import { FormActions } from '../../app/components/FormActions';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { UnsavedChangesModal } from '../../app/components/UnsavedChangesModal';
import { useSaveKeys } from '../admin/shared/keys';
import { notifySaved } from '../admin/shared/notify';
import { currencyOptions } from '../clients/reference';
import { type PriceList, useSavePriceList } from './api';

type Values = { name: string; currency: string; isDefault: boolean; active: boolean };

/** Creates a price list or changes its name, default flag, status (and currency while it has no versions). */
export function PriceListModal({ item, hasVersions, onClose, onSaved }: { item: Pick<PriceList, 'id' | 'name' | 'currency' | 'isDefault' | 'active' | 'version'> | null; hasVersions: boolean; onClose: () => void; onSaved?: (list: PriceList) => void }) {
  const { t } = useTranslation();
  const save = useSavePriceList();
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<Values>({
    initialValues: item ? { name: item.name, currency: item.currency, isDefault: item.isDefault, active: item.active } : { name: '', currency: 'CZK', isDefault: false, active: true },
    validate: {
      name: (v) => (v.trim() ? null : t('errors.required')),
      // Kontor's currencies only, where the currency can still change (a list's stored code outside them is shown as it is).
      currency: (v) => (item && hasVersions) || (CURRENCIES as readonly string[]).includes(v) ? null : t('errors.unsupported_currency'),
    },
  });
  const submit = form.onSubmit((v) => {
    setExtra([]);
    const body: Record<string, unknown> = { name: v.name.trim(), isDefault: v.isDefault, active: v.active };
    if (!item || !hasVersions) body.currency = v.currency.trim().toUpperCase();
    if (item) body.version = item.version;
    save.mutate({ id: item?.id ?? null, body }, {
      onSuccess: (list) => { notifySaved(t('pricing.saved')); onSaved?.(list); onClose(); },
      onError: (e) => setExtra(applyFormErrors(form, e, t)),
    });
  });
  const saveKeys = useSaveKeys(() => submit(), save.isPending);
  return (
    <UnsavedChangesModal dirty={form.isDirty()} opened onClose={onClose} title={item ? item.name : t('pricing.lists.new')} attributes={{ content: { 'data-testid': 'price-list-modal' } }}>
      <form onSubmit={submit} onKeyDown={saveKeys} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={save.error} extra={extra} testId="price-list-form-error" />
          <TextInput label={t('admin.fields.name')} required data-autofocus {...form.getInputProps('name')} data-testid="price-list-name" />
          <Select label={t('pricing.fields.currency')} required allowDeselect={false} disabled={!!item && hasVersions} description={item && hasVersions ? t('pricing.lists.currencyLocked') : undefined}
            {...pickerProps({ error: form.errors.currency })} nothingFoundMessage={t('common.nothingFound')} data={currencyOptions(item?.currency)}
            {...form.getInputProps('currency')} data-testid="price-list-currency" />
          <Switch label={t('pricing.fields.isDefault')} disabled={!!item?.isDefault} {...form.getInputProps('isDefault', { type: 'checkbox' })} data-testid="price-list-isDefault" />
          {item?.isDefault ? <Text size="xs" c="dimmed">{t('pricing.lists.defaultHint')}</Text> : null}
          <Switch label={t('admin.fields.active')} disabled={!!item?.isDefault} {...form.getInputProps('active', { type: 'checkbox' })} data-testid="price-list-active" />
          <FormActions creating={!item} pending={save.isPending} onCancel={onClose} testId="price-list-save" />
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}
