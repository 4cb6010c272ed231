import { IconArrowBackUp, IconArrowsLeftRight, IconBox, IconBuildingWarehouse, IconChartBar, IconClipboardList, IconPackageExport, IconPackageImport } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/components/PageHeader';
import { AdminTabs, type AdminTab } from '../admin/shared/AdminTabs';
import '../admin/shared/admin.css';
import './warehouse.css';

/** Header and tabs of /warehouse/*: stock, the document kinds, items and warehouses. */
export function WarehouseHeader({ actions, title, subtitle, withTabs = true }: { actions?: ReactNode; title?: ReactNode; subtitle?: ReactNode; withTabs?: boolean }) {
  const { t } = useTranslation();
  const tab = (value: string, icon: ReactNode): AdminTab => ({ value, label: t(`warehouse.tabs.${value}`), to: `/warehouse/${value}`, icon });
  const tabs = [
    tab('stock', <IconChartBar size={16} />),
    tab('receipts', <IconPackageImport size={16} />),
    tab('transfers', <IconArrowsLeftRight size={16} />),
    tab('issues', <IconPackageExport size={16} />),
    tab('returns', <IconArrowBackUp size={16} />),
    tab('counts', <IconClipboardList size={16} />),
    tab('items', <IconBox size={16} />),
    tab('warehouses', <IconBuildingWarehouse size={16} />),
  ];
  return (
    <>
      <PageHeader title={title ?? t('warehouse.title')} subtitle={subtitle ?? t('warehouse.subtitle')} actions={actions} />
      {withTabs ? <AdminTabs testId="warehouse-tabs" tabs={tabs} /> : null}
    </>
  );
}
