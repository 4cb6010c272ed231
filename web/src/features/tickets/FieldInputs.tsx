// Inputs shared by the create form, the edit dialog and transition forms:
// custom fields by kind, and dimensions.
import { MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CustomField, Dimension } from './configApi';
import { DateField } from '../../app/components/DateFields';
import { NumberField } from '../../app/components/NumberField';
import { customNumberTextPaths, type CustomInput } from './ticketFormModel';
import { pickerProps } from '../../app/components/pickerProps';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = UseFormReturnType<any>;

/** Input props for a form path, with stable test ids on the input and its error. */
export function fieldProps(form: AnyForm, path: string, prefix = 'ticket') {
  return {
    ...form.getInputProps(path),
    'data-testid': `${prefix}-${path}`,
    errorProps: { 'data-testid': `${prefix}-${path}-error` },
  };
}

/** Decimal places a custom number field takes: more than anyone types, so none is ever refused in practice. */
const CUSTOM_NUMBER_DECIMALS = 10;

/**
 * Refuses a custom number field holding text that is no number, at the field, before the form
 * sends anything (the text would otherwise go as text, or be lost). True when something was refused.
 */
export function refuseCustomNumberText(form: AnyForm, fields: CustomField[], custom: Record<string, CustomInput>, t: TFunction): boolean {
  const paths = customNumberTextPaths(fields, custom);
  if (paths.length) form.setErrors(Object.fromEntries(paths.map((path) => [path, t('common.numberNotNumber')])));
  return paths.length > 0;
}

export function CustomFieldInput({ form, field, prefix = 'ticket' }: { form: AnyForm; field: CustomField; prefix?: string }) {
  const { t } = useTranslation();
  const path = `custom.${field.key}`;
  const common = { label: field.label, withAsterisk: field.required, ...fieldProps(form, path, prefix) };
  switch (field.kind) {
    case 'number':
      // Any number the server takes; decimals typed in the user's language (or with a dot), none cut off.
      return <NumberField {...common} decimalScale={CUSTOM_NUMBER_DECIMALS} />;
    case 'date':
      return <DateField {...common} clearable={!field.required} />;
    case 'choice':
      return <Select {...common} {...pickerProps({ error: common.error, searchable: field.options.length > 8 })} data={field.options} clearable={!field.required} nothingFoundMessage={t('common.nothingFound')} />;
    case 'multi_choice':
      return <MultiSelect {...common} {...pickerProps({ error: common.error, searchable: field.options.length > 8 })} data={field.options} clearable nothingFoundMessage={t('common.nothingFound')} />;
    default:
      return <TextInput {...common} maxLength={2000} />;
  }
}

export function CustomFieldInputs({ form, fields, prefix }: { form: AnyForm; fields: CustomField[]; prefix?: string }) {
  if (!fields.length) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
      {fields.map((f) => (
        <CustomFieldInput key={f.key} form={form} field={f} prefix={prefix} />
      ))}
    </SimpleGrid>
  );
}

export function DimensionInputs({ form, dimensions, prefix }: { form: AnyForm; dimensions: Dimension[]; prefix?: string }) {
  const { t } = useTranslation();
  if (!dimensions.length) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
      {dimensions.map((d) => {
        const input = fieldProps(form, `dimensions.${d.code}`, prefix);
        return (
          <Select
            key={d.code}
            label={d.name}
            clearable
            {...pickerProps({ error: input.error, searchable: d.values.length > 8 })}
            data={d.values.filter((v) => v.active).map((v) => ({ value: v.code, label: v.name }))}
            nothingFoundMessage={t('common.nothingFound')}
            {...input}
          />
        );
      })}
    </SimpleGrid>
  );
}
