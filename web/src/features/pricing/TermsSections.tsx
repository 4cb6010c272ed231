import { ActionIcon, Button, Chip, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/AuthProvider';
import { NumberField } from '../../app/components/NumberField';
import { percentSuffix } from '../../app/format';
import { useItem, useStockCurrency } from '../warehouse/api';
import { itemLabel, ItemPicker } from '../warehouse/ItemPicker';
import { ownPriceNote } from './itemOwnPrice';
import { currencySymbol } from './money';
import type { TermsForm } from './termsForm';

export type Form = UseFormReturnType<TermsForm>;
export type Options = { value: string; label: string }[];
type ListPath = 'workRates' | 'minimumMinutes' | 'zoneFees' | 'unitFeePrices' | 'itemPrices';

export function Section({ title, hint, children, testId }: { title: string; hint?: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={3} size="h5">{title}</Title>
      {hint ? <Text size="sm" c="dimmed" mb="sm">{hint}</Text> : <div style={{ height: 8 }} />}
      {children}
    </Paper>
  );
}

/** An amount in the list's currency, edited in major units with the locale's separators. */
export function MoneyInput({ form, path, currency, label, testId, clearable }: { form: Form; path: string; currency: string; label?: string; testId: string; clearable?: boolean }) {
  const { t } = useTranslation();
  return (
    <NumberField
      label={label}
      aria-label={label ? undefined : t('pricing.fields.amount')}
      min={0}
      decimalScale={2}
      rightSection={<Text size="xs" c="dimmed">{currencySymbol(currency)}</Text>}
      rightSectionWidth={44}
      placeholder={clearable ? t('pricing.editor.none') : undefined}
      {...form.getInputProps(path)}
      data-testid={testId}
    />
  );
}

/**
 * Rows of a list in the terms (rates, minimums, zone fees, fee and item prices): each row's cells,
 * a remove button, and "add"; a problem of a whole row (listed twice) under it.
 */
export function Rows({ form, path, empty, newRow, addLabel, cells }: {
  form: Form;
  path: ListPath;
  empty: string;
  newRow: TermsForm[ListPath][number];
  addLabel: string;
  cells: (i: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const rows = form.values[path] as unknown[];
  return (
    <Stack gap="xs" data-testid={`terms-${path}`}>
      {rows.length === 0 ? <Text size="sm" c="dimmed">{empty}</Text> : null}
      {rows.map((_, i) => (
        <div key={i}>
          <Group gap="xs" align="flex-start" wrap="nowrap" data-testid={`terms-${path}-${i}`}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" style={{ flex: 1 }}>{cells(i)}</SimpleGrid>
            <ActionIcon variant="subtle" color="red" size="lg" mt={2} onClick={() => form.removeListItem(path, i)} aria-label={t('pricing.editor.removeRow')} data-testid={`terms-${path}-${i}-remove`}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
          {form.errors[`${path}.${i}`] ? <Text size="xs" c="red" mt={4} data-testid={`terms-${path}-${i}-error`}>{form.errors[`${path}.${i}`]}</Text> : null}
        </div>
      ))}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem(path, newRow)} data-testid={`terms-${path}-add`}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * An item price row: the warehouse item (found by code, name or EAN, as on stock documents),
 * its price on this list, and the item's own sale price, which the list's price wins over.
 * The own price is in the stock's currency and shown in it: on a list in another currency
 * it does not apply (itemOwnPrice.ts).
 */
export function ItemPriceCells({ form, index, currency }: { form: Form; index: number; currency: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const itemId = form.values.itemPrices[index]?.itemId ?? null;
  // Items are read with warehouse.read, which every role that reads prices has.
  const readsItems = can('warehouse.read');
  const item = useItem(itemId !== null && readsItems ? itemId : 0);
  const itemCurrency = useStockCurrency(readsItems);
  const label = itemId === null ? '' : item.data ? itemLabel(item.data) : `#${itemId}`;
  const note = item.data ? ownPriceNote(item.data.salePriceMinor, itemCurrency, currency) : null;
  return (
    <>
      <ItemPicker
        label={label}
        onPick={(picked) => form.setFieldValue(`itemPrices.${index}.itemId`, picked.id)}
        onClear={() => form.setFieldValue(`itemPrices.${index}.itemId`, null)}
        error={form.errors[`itemPrices.${index}.itemId`] as string | undefined}
        testId={`terms-itemPrices-${index}-itemId`}
      />
      <MoneyInput form={form} path={`itemPrices.${index}.priceMinor`} currency={currency} testId={`terms-itemPrices-${index}-priceMinor`} />
      <Text size="sm" c="dimmed" mt={6} data-testid={`terms-itemPrices-${index}-own`}>
        {note ? t(note.key, note.values) : null}
      </Text>
    </>
  );
}

export function select(form: Form, path: string, data: Options, placeholder: string, testId: string, clearable = false) {
  return <Select data={data} placeholder={placeholder} aria-label={placeholder} searchable clearable={clearable} {...form.getInputProps(path)} data-testid={testId} />;
}

/** Business hours (weekdays, start, end), surcharges per time class and the billing increment. */
export function HoursSection({ form }: { form: Form }) {
  const { t } = useTranslation();
  const days = [1, 2, 3, 4, 5, 6, 7];
  const pct = (tc: 'normal' | 'out_of_hours' | 'weekend_holiday') => (
    <NumberField label={t(`records.timeClasses.${tc}`)} suffix={percentSuffix()} min={-100} max={1000} allowDecimal={false} {...form.getInputProps(`surchargePct.${tc}`)} data-testid={`terms-surcharge-${tc}`} />
  );
  const weekdays = form.getInputProps('businessHours.weekdays');
  return (
    <Section title={t('pricing.editor.hours')} hint={t('pricing.editor.hoursHint')} testId="terms-hours">
      <Stack gap="sm">
        <div>
          <Chip.Group multiple value={form.values.businessHours.weekdays} onChange={(v) => form.setFieldValue('businessHours.weekdays', v)}>
            <Group gap={6} data-testid="terms-weekdays">
              {days.map((d) => <Chip key={d} value={String(d)} size="sm" data-testid={`terms-weekday-${d}`}>{t(`pricing.weekdays.${d}`)}</Chip>)}
            </Group>
          </Chip.Group>
          {weekdays.error ? <Text size="xs" c="red" mt={4}>{weekdays.error}</Text> : null}
        </div>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <TextInput label={t('pricing.editor.start')} placeholder="08:00" maxLength={5} {...form.getInputProps('businessHours.start')} data-testid="terms-hours-start" />
          {/* The hint under the field, so that the field lines up with its neighbours. */}
          <TextInput label={t('pricing.editor.end')} placeholder="17:00" description={t('pricing.editor.endHint')} inputWrapperOrder={['label', 'input', 'description', 'error']} maxLength={5} {...form.getInputProps('businessHours.end')} data-testid="terms-hours-end" />
          <NumberField label={t('pricing.fields.increment')} suffix=" min" min={1} max={1440} allowDecimal={false} {...form.getInputProps('incrementMinutes')} data-testid="terms-increment" />
        </SimpleGrid>
        <Text size="sm" fw={600}>{t('pricing.editor.surcharges')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {pct('normal')}
          {pct('out_of_hours')}
          {pct('weekend_holiday')}
        </SimpleGrid>
      </Stack>
    </Section>
  );
}
