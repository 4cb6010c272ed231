import { Badge, Group, Modal, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { applyFormErrors } from '../../app/api/errors';
import { useAuth } from '../../app/auth/AuthProvider';
import { DateField } from '../../app/components/DateFields';
import { FormActions } from '../../app/components/FormActions';
import { EmptyState, FormErrorAlert, QueryView } from '../../app/components/QueryStates';
import { formatDate, percentSuffix, todayIso } from '../../app/format';
import { useSaveKeys } from '../admin/shared/keys';
import { NewButton } from '../admin/shared/NewButton';
import { notifySaved } from '../admin/shared/notify';
import { parseVatRate } from '../billing/format';

import { useCreateVatRate, useVatRates, type VatCategory, type VatRate } from './catalogueApi';
import { formatPercentBp } from './money';
import { PricingHeader } from './PricingHeader';
import { vatCategoryLabel, vatCategoryOptions } from './VatCategoryLabel';
import { currentIds, latestRate, rateCountries } from './vatRates';
import { NumberField } from '../../app/components/NumberField';

type Values = { country: string; category: VatCategory; percent: number | ''; validFrom: string };

/**
 * A new VAT rate: country (those the provider may be in, and any with rates), category,
 * percent and the day it applies from. The latest rate of the country and category is named
 * before saving; the server refuses a day taken or an earlier one (409), shown on the date.
 */
function VatRateModal({ rates, onClose }: { rates: VatRate[]; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateVatRate();
  const [extra, setExtra] = useState<string[]>([]);
  // A refusal every part of which is shown at its field needs no alert above the form.
  const [onFields, setOnFields] = useState(false);
  const form = useForm<Values>({
    initialValues: { country: 'CZ', category: 'standard', percent: '', validFrom: '' },
    validate: {
      percent: (v) => (v !== '' && parseVatRate(String(v)) !== null ? null : t('pricing.vat.percentInvalid')),
      validFrom: (v) => (v ? null : t('errors.required')),
    },
  });
  const submit = form.onSubmit((v) => {
    setExtra([]);
    setOnFields(false);
    const body = { country: v.country, category: v.category, rateBp: parseVatRate(String(v.percent)) ?? 0, validFrom: v.validFrom };
    create.mutate(body, {
      onSuccess: (rate) => {
        notifySaved(t('pricing.vat.saved', { country: rate.country, category: vatCategoryLabel(t, rate.category).toLocaleLowerCase(), rate: formatPercentBp(rate.rateBp), date: formatDate(rate.validFrom) }));
        onClose();
      },
      onError: (e) => {
        const rest = applyFormErrors(form, e, t, { rateBp: 'percent' });
        setExtra(rest);
        setOnFields(isApiError(e) && e.details.length > 0 && rest.length === 0);
      },
    });
  });
  const saveKeys = useSaveKeys(() => submit(), create.isPending);
  const latest = latestRate(rates, form.values.country, form.values.category);
  return (
    <Modal opened onClose={onClose} title={t('pricing.vat.new')} attributes={{ content: { 'data-testid': 'vat-modal' } }}>
      <form onSubmit={submit} onKeyDown={saveKeys} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={onFields ? null : create.error} extra={extra} testId="vat-form-error" />
          <Group grow align="flex-start">
            <Select label={t('pricing.fields.country')} required data-autofocus allowDeselect={false} data={rateCountries(rates)} {...form.getInputProps('country')} data-testid="vat-country" />
            <Select label={t('pricing.fields.vatCategory')} required allowDeselect={false} data={vatCategoryOptions(t)} {...form.getInputProps('category')} data-testid="vat-category" />
          </Group>
          <Group grow align="flex-start">
            <NumberField
              label={t('pricing.fields.rate')}
              required
              min={0}
              max={99.99}
              decimalScale={2}
              suffix={percentSuffix()}
              {...form.getInputProps('percent')}
              data-testid="vat-percent"
            />
            <DateField label={t('pricing.fields.validFrom')} required {...form.getInputProps('validFrom')} data-testid="vat-validFrom" />
          </Group>
          <Text size="sm" c="dimmed" data-testid="vat-latest">
            {latest
              ? t('pricing.vat.latest', { rate: formatPercentBp(latest.rateBp), date: formatDate(latest.validFrom) })
              : t('pricing.vat.noLatest')}
          </Text>
          <FormActions creating pending={create.isPending} onCancel={onClose} testId="vat-save" />
        </Stack>
      </form>
    </Modal>
  );
}

/** /admin/pricing/vat — VAT rates per country and category with their validity; a change of rate is a new row valid from a date. */
export default function VatRatesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('pricing.manage');
  const list = useVatRates();
  const [creating, setCreating] = useState(false);
  const rates = [...(list.data ?? [])].sort((a, b) => a.country.localeCompare(b.country) || a.category.localeCompare(b.category) || a.validFrom.localeCompare(b.validFrom));
  const current = currentIds(rates, todayIso());
  return (
    <div data-testid="page-pricing-vat">
      <PricingHeader actions={manage ? <NewButton onClick={() => setCreating(true)} disabled={!list.data} testId="vat-new">{t('pricing.vat.new')}</NewButton> : undefined} />
      <Text size="sm" c="dimmed" mb="sm">{t('pricing.vat.hint')}</Text>
      <Paper withBorder>
        <QueryView query={list} isEmpty={() => rates.length === 0} empty={<EmptyState title={t('pricing.vat.empty')} />}>
          {() => (
            <Table.ScrollContainer minWidth={520}>
              <Table data-testid="vat-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('pricing.fields.country')}</Table.Th>
                    <Table.Th>{t('pricing.fields.vatCategory')}</Table.Th>
                    <Table.Th ta="right">{t('pricing.fields.rate')}</Table.Th>
                    <Table.Th>{t('pricing.fields.validFrom')}</Table.Th>
                    <Table.Th>{t('pricing.fields.validTo')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rates.map((r) => (
                    <Table.Tr key={r.id} data-testid={`vat-row-${r.id}`}>
                      <Table.Td>{r.country}</Table.Td>
                      <Table.Td>{vatCategoryLabel(t, r.category)}</Table.Td>
                      <Table.Td ta="right" fw={600}>{formatPercentBp(r.rateBp)}</Table.Td>
                      <Table.Td>{formatDate(r.validFrom)}</Table.Td>
                      <Table.Td>{r.validTo ? formatDate(r.validTo) : '—'}</Table.Td>
                      <Table.Td>{current.has(r.id) ? <Badge variant="light" color="green">{t('pricing.vat.current')}</Badge> : null}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryView>
      </Paper>
      {creating && list.data ? <VatRateModal rates={list.data} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
