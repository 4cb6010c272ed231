import type { TFunction } from 'i18next';
import { VAT_CATEGORIES, type VatCategory } from './catalogueApi';

export const vatCategoryLabel = (t: TFunction, c: VatCategory) => t(`pricing.vatCategories.${c}`);
export const vatCategoryOptions = (t: TFunction) => VAT_CATEGORIES.map((c) => ({ value: c, label: vatCategoryLabel(t, c) }));
