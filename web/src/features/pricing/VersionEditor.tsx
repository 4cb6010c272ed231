import { Button, Fieldset, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDeviceFloppy, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { detailMessage } from '../../app/api/errors';
import { NumberField } from '../../app/components/NumberField';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { useAuth } from '../../app/auth/AuthProvider';
import { useSaveKeys } from '../admin/shared/keys';
import { useStockCurrency } from '../warehouse/api';
import { notifySaved } from '../admin/shared/notify';
import { type PriceListVersion, useSaveVersion } from './api';
import { useLevels, useUnitFees, useWorkTypes, useZones } from './catalogueApi';
import { itemSectionTexts } from './itemOwnPrice';
import { HoursSection, ItemPriceCells, MoneyInput, Rows, Section, select } from './TermsSections';
import { formPath, fromTermsForm, toTermsForm, type TermsForm } from './termsForm';
import { DateField } from '../../app/components/DateFields';

const options = (items: { id: number; name: string; active: boolean }[] | undefined, t: (k: string) => string) =>
  (items ?? []).map((i) => ({ value: String(i.id), label: i.active ? i.name : `${i.name} (${t('common.inactive')})` }));

/** Edits one version's terms: rates, hours and surcharges, rounding, minimums, travel, zone fees, unit-fee and item prices. */
export function VersionEditor({ version, currency, listVersion, readOnly, onStale }: { version: PriceListVersion; currency: string; listVersion: number; readOnly: boolean; onStale: () => void }) {
  const { t } = useTranslation();
  const save = useSaveVersion();
  const workTypes = options(useWorkTypes('all').data, t);
  const levels = options(useLevels('all').data, t);
  const zones = options(useZones('all').data, t);
  const fees = options(useUnitFees('all').data, t);
  const { can } = useAuth();
  // The items' own prices stand in only on a list in their currency, the stock's.
  const itemTexts = itemSectionTexts(useStockCurrency(can('warehouse.read')), currency);
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<TermsForm>({ initialValues: toTermsForm(version.validFrom, version.terms) });
  // Compared by value: Mantine's own dirty flags forget edited rows when a row is added or removed.
  const dirty = JSON.stringify(form.values) !== JSON.stringify(form.getInitialValues());

  const submit = form.onSubmit((values) => {
    setExtra([]);
    save.reset();
    const built = fromTermsForm(values);
    if (built.problems) {
      form.setErrors(Object.fromEntries(Object.entries(built.problems).map(([k, code]) => [k, t(`pricing.editor.errors.${code}`)])));
      return;
    }
    save.mutate({ id: version.id, body: { validFrom: values.validFrom, terms: built.terms, listVersion } }, {
      onSuccess: () => { notifySaved(t('pricing.editor.saved')); form.setInitialValues(values); form.resetDirty(); },
      onError: (error) => {
        if (isApiError(error) && error.code === 'stale_version') onStale();
        const rest: string[] = [];
        for (const d of isApiError(error) ? error.details : []) {
          const path = formPath(d.path);
          // A row listed twice is refused on the row (a work type, zone, fee or item named again).
          const message = d.code === 'duplicate' ? t('pricing.editor.errors.duplicate') : detailMessage(t, d);
          if (path !== 'terms' && form.getInputProps(path).value !== undefined) form.setFieldError(path, message);
          else rest.push(message);
        }
        setExtra(rest);
      },
    });
  });

  const saveKeys = useSaveKeys(() => { if (dirty) submit(); }, save.isPending, !readOnly);

  return (
    <form onSubmit={submit} onKeyDown={saveKeys} noValidate data-testid="version-editor" data-version-id={version.id}>
      <Fieldset disabled={readOnly} variant="unstyled">
        <Stack gap="md">
          <FormErrorAlert error={save.error} extra={extra} testId="version-error" />
          <Section title={t('pricing.editor.validity')} hint={t('pricing.editor.validityHint')} testId="terms-validity">
            <DateField label={t('pricing.fields.validFrom')} w={200} {...form.getInputProps('validFrom')} data-testid="terms-validFrom" />
          </Section>
          <Section title={t('pricing.editor.rates')} hint={t('pricing.editor.ratesHint')} testId="terms-rates">
            <Rows form={form} path="workRates" empty={t('pricing.editor.noRates')} addLabel={t('pricing.editor.addRate')} newRow={{ workTypeId: null, technicianLevel: null, hourlyRateMinor: '' }} cells={(i) => (
              <>
                {select(form, `workRates.${i}.workTypeId`, workTypes, t('pricing.fields.workType'), `terms-workRates-${i}-workTypeId`)}
                {select(form, `workRates.${i}.technicianLevel`, levels, t('pricing.editor.anyLevel'), `terms-workRates-${i}-technicianLevel`, true)}
                <MoneyInput form={form} path={`workRates.${i}.hourlyRateMinor`} currency={`${currency}/h`} testId={`terms-workRates-${i}-hourlyRateMinor`} />
              </>
            )} />
          </Section>
          <HoursSection form={form} />
          <Section title={t('pricing.editor.minimums')} hint={t('pricing.editor.minimumsHint')} testId="terms-minimums">
            <Rows form={form} path="minimumMinutes" empty={t('pricing.editor.noMinimums')} addLabel={t('pricing.editor.addMinimum')} newRow={{ workTypeId: null, minutes: 60 }} cells={(i) => (
              <>
                {select(form, `minimumMinutes.${i}.workTypeId`, workTypes, t('pricing.fields.workType'), `terms-minimumMinutes-${i}-workTypeId`)}
                <NumberField min={0} max={1440} allowDecimal={false} suffix=" min" aria-label={t('pricing.fields.minimumMinutes')} {...form.getInputProps(`minimumMinutes.${i}.minutes`)} data-testid={`terms-minimumMinutes-${i}-minutes`} />
              </>
            )} />
          </Section>
          <Section title={t('pricing.editor.travel')} hint={t('pricing.editor.travelHint')} testId="terms-travel">
            <Group gap="sm" mb="sm" wrap="wrap">
              <MoneyInput form={form} path="pricePerKmMinor" currency={`${currency}/km`} label={t('pricing.fields.pricePerKm')} testId="terms-pricePerKm" clearable />
              <MoneyInput form={form} path="travelRatePerHourMinor" currency={`${currency}/h`} label={t('pricing.fields.travelRate')} testId="terms-travelRate" clearable />
            </Group>
            <Rows form={form} path="zoneFees" empty={t('pricing.editor.noZoneFees')} addLabel={t('pricing.editor.addZoneFee')} newRow={{ zoneId: null, feeMinor: '' }} cells={(i) => (
              <>
                {select(form, `zoneFees.${i}.zoneId`, zones, t('records.fields.zone'), `terms-zoneFees-${i}-zoneId`)}
                <MoneyInput form={form} path={`zoneFees.${i}.feeMinor`} currency={currency} testId={`terms-zoneFees-${i}-feeMinor`} />
              </>
            )} />
          </Section>
          <Section title={t('pricing.editor.fees')} hint={t('pricing.editor.feesHint')} testId="terms-fees">
            <Rows form={form} path="unitFeePrices" empty={t('pricing.editor.noFeePrices')} addLabel={t('pricing.editor.addFeePrice')} newRow={{ feeId: null, priceMinor: '' }} cells={(i) => (
              <>
                {select(form, `unitFeePrices.${i}.feeId`, fees, t('records.fields.fee'), `terms-unitFeePrices-${i}-feeId`)}
                <MoneyInput form={form} path={`unitFeePrices.${i}.priceMinor`} currency={currency} testId={`terms-unitFeePrices-${i}-priceMinor`} />
              </>
            )} />
          </Section>
          <Section title={t('pricing.editor.items')} hint={t(itemTexts.hint.key, itemTexts.hint.values)} testId="terms-items">
            <Rows form={form} path="itemPrices" empty={t(itemTexts.empty.key, itemTexts.empty.values)} addLabel={t('pricing.editor.addItemPrice')} newRow={{ itemId: null, priceMinor: '' }} cells={(i) => (
              <ItemPriceCells form={form} index={i} currency={currency} />
            )} />
          </Section>
        </Stack>
      </Fieldset>
      {readOnly ? null : (
        <Group justify="flex-end" gap="sm" className="admin-savebar" data-testid="version-savebar" data-dirty={dirty}>
          <Button variant="default" leftSection={<IconRestore size={16} />} disabled={!dirty} onClick={() => { form.reset(); setExtra([]); save.reset(); }} data-testid="version-reset">
            {t('admin.discardChanges')}
          </Button>
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} disabled={!dirty} data-testid="version-save">
            {t('common.save')}
          </Button>
        </Group>
      )}
    </form>
  );
}
