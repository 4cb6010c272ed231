import { IconAdjustmentsHorizontal, IconCategory, IconForms } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/components/PageHeader';
import { AdminTabs } from '../shared/AdminTabs';
import '../shared/admin.css';

/** Header and tabs of /admin/catalog/*: categories, dimensions, custom fields. */
export function CatalogHeader({ actions }: { actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('admin.catalog.title')} subtitle={t('admin.catalog.subtitle')} actions={actions} />
      <AdminTabs
        testId="catalog-tabs"
        tabs={[
          { value: 'categories', label: t('admin.categories.title'), to: '/admin/catalog/categories', icon: <IconCategory size={16} /> },
          { value: 'dimensions', label: t('admin.dimensions.title'), to: '/admin/catalog/dimensions', icon: <IconAdjustmentsHorizontal size={16} /> },
          { value: 'fields', label: t('admin.customFields.title'), to: '/admin/catalog/fields', icon: <IconForms size={16} /> },
        ]}
      />
    </>
  );
}
