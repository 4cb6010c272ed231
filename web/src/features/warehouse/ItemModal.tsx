import { Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../app/api/errors';
import { useMe } from '../../app/auth/AuthProvider';
import { FormActions } from '../../app/components/FormActions';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { notifySaved } from '../admin/shared/notify';
import { usePhone } from '../../app/components/usePhone';
import { UnsavedChangesModal } from '../../app/components/UnsavedChangesModal';
import type { VatCategory } from '../pricing/catalogueApi';
import { majorToMinor } from '../pricing/money';
import { vatCategoryOptions } from '../pricing/VatCategoryLabel';
import { type Item, type ItemInput, useSaveItem } from './api';

type Values = { code: string; name: string; ean: string; unit: string; vatCategory: VatCategory; salePrice: string; serialTracked: boolean; active: boolean };

const EAN = /^\d{8}$|^\d{12,14}$/;

/** Creates an item or changes it: code, name, EAN (what the scanner reads), unit, VAT, sale price, serial tracking. */
export function ItemModal({ item, onClose, onSaved }: { item: Item | null; onClose: () => void; onSaved?: (item: Item) => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const save = useSaveItem();
  const showPrice = useMe().fieldScope.prices;
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<Values>({
    initialValues: item
      ? { code: item.code, name: item.name, ean: item.ean ?? '', unit: item.unit, vatCategory: item.vatCategory, salePrice: item.salePriceMinor === undefined || item.salePriceMinor === null ? '' : (item.salePriceMinor / 100).toFixed(2), serialTracked: item.serialTracking, active: item.active }
      : { code: '', name: '', ean: '', unit: 'ks', vatCategory: 'standard', salePrice: '', serialTracked: false, active: true },
    validate: {
      code: (v) => (v.trim() ? null : t('errors.required')),
      name: (v) => (v.trim() ? null : t('errors.required')),
      unit: (v) => (v.trim() ? null : t('errors.required')),
      ean: (v) => (!v.trim() || EAN.test(v.trim()) ? null : t('warehouse.items.eanInvalid')),
      salePrice: (v) => (!v.trim() || majorToMinor(v) !== null ? null : t('warehouse.form.errors.price')),
    },
  });
  const submit = form.onSubmit((v) => {
    setExtra([]);
    const body: Partial<ItemInput> = {
      code: v.code.trim(), name: v.name.trim(), ean: v.ean.trim() || null, unit: v.unit.trim(), vatCategory: v.vatCategory,
      serialTracking: v.serialTracked, active: v.active,
    };
    // Without the prices field scope the price is not shown, so it is not sent either (it stays as it is).
    if (showPrice) body.salePriceMinor = v.salePrice.trim() ? majorToMinor(v.salePrice) : null;
    save.mutate({ id: item?.id ?? null, body }, {
      onSuccess: (saved) => { notifySaved(t('warehouse.items.saved', { code: saved.code })); onSaved?.(saved); onClose(); },
      onError: (e) => setExtra(applyFormErrors(form, e, t, { salePriceMinor: 'salePrice', serialTracking: 'serialTracked' })),
    });
  });
  return (
    <UnsavedChangesModal dirty={form.isDirty()} opened onClose={onClose} size="lg" fullScreen={phone} title={item ? `${item.code} · ${item.name}` : t('warehouse.items.new')} attributes={{ content: { 'data-testid': 'item-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={save.error} extra={extra} testId="item-form-error" />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('warehouse.fields.code')} required data-autofocus autoComplete="off" {...form.getInputProps('code')} data-testid="item-code" />
            <TextInput label={t('warehouse.fields.ean')} description={t('warehouse.items.eanHint')} inputMode="numeric" autoComplete="off" {...form.getInputProps('ean')}
              onKeyDown={(e) => { if (e.key === 'Enter') e.preventDefault(); }} data-testid="item-ean" />
          </SimpleGrid>
          <TextInput label={t('warehouse.fields.name')} required autoComplete="off" {...form.getInputProps('name')} data-testid="item-name" />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput label={t('warehouse.fields.unit')} required autoComplete="off" {...form.getInputProps('unit')} data-testid="item-unit" />
            <Select label={t('warehouse.fields.vat')} data={vatCategoryOptions(t)} allowDeselect={false} {...form.getInputProps('vatCategory')} data-testid="item-vatCategory" />
            {showPrice ? (
              <TextInput label={t('warehouse.fields.salePrice')} description={t('warehouse.items.salePriceHint')} inputMode="decimal" placeholder="1 890,00" autoComplete="off" {...form.getInputProps('salePrice')} data-testid="item-salePrice" />
            ) : null}
          </SimpleGrid>
          <Switch label={t('warehouse.fields.serialTracked')} description={t('warehouse.items.serialHint')} {...form.getInputProps('serialTracked', { type: 'checkbox' })} data-testid="item-serialTracked" />
          <Switch label={t('admin.fields.active')} {...form.getInputProps('active', { type: 'checkbox' })} data-testid="item-active" />
          <FormActions creating={!item} pending={save.isPending} onCancel={onClose} testId="item-save" />
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}
