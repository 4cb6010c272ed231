// The unit-fee list's own columns. The unit is stored as a language-neutral code
// ('visit'); the list words it like every other place that shows a fee's unit
// (records' fee picker, stock screens), through the one mapping in warehouse/units.
import type { TFunction } from 'i18next';
import { unitLabel } from '../warehouse/units';
import type { UnitFee } from './catalogueApi';
import type { CatalogueColumn } from './CatalogueListPage';
import { vatCategoryLabel } from './VatCategoryLabel';

export function unitFeeColumns(t: TFunction): CatalogueColumn<UnitFee>[] {
  return [
    { header: t('pricing.fields.unit'), cell: (f) => unitLabel(t, f.unit) },
    { header: t('pricing.fields.vatCategory'), cell: (f) => vatCategoryLabel(t, f.vatCategory) },
  ];
}
