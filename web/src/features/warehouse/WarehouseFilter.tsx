import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWarehouses } from './api';

/** "All warehouses" or one of them, above a stock list; the value is the warehouse id as text. */
export function WarehouseFilter({ value, onChange, w, testId, withLabel = false }: { value: string | null; onChange: (value: string | null) => void; w: number; testId: string; withLabel?: boolean }) {
  const { t } = useTranslation();
  const warehouses = useWarehouses();
  return (
    <Select
      label={withLabel ? t('warehouse.fields.warehouse') : undefined}
      aria-label={withLabel ? undefined : t('warehouse.fields.warehouse')}
      placeholder={t('warehouse.documents.allWarehouses')}
      clearable
      data={(warehouses.data ?? []).map((wh) => ({ value: String(wh.id), label: `${wh.code} · ${wh.name}` }))}
      value={value}
      onChange={onChange}
      w={w}
      data-testid={testId}
    />
  );
}
