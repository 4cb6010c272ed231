import { IconCalculator, IconCar, IconCoin, IconList, IconPercentage, IconReceipt, IconStairs, IconTool, IconUserCog } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth/AuthProvider';
import { PageHeader } from '../../app/components/PageHeader';
import { AdminTabs, type AdminTab } from '../admin/shared/AdminTabs';
import '../admin/shared/admin.css';

/** Header and tabs of /admin/pricing/*: price lists, preview, the catalogue, costs and technicians. */
export function PricingHeader({ actions, title }: { actions?: ReactNode; title?: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const tab = (value: string, label: string, icon: ReactNode): AdminTab => ({ value, label, to: `/admin/pricing/${value}`, icon });
  const tabs = [
    tab('lists', t('pricing.tabs.lists'), <IconList size={16} />),
    tab('preview', t('pricing.tabs.preview'), <IconCalculator size={16} />),
    tab('work-types', t('pricing.tabs.workTypes'), <IconTool size={16} />),
    tab('levels', t('pricing.tabs.levels'), <IconStairs size={16} />),
    tab('zones', t('pricing.tabs.zones'), <IconCar size={16} />),
    tab('fees', t('pricing.tabs.fees'), <IconReceipt size={16} />),
    tab('vat', t('pricing.tabs.vat'), <IconPercentage size={16} />),
    ...(me.fieldScope.costs ? [tab('costs', t('pricing.tabs.costs'), <IconCoin size={16} />)] : []),
    tab('technicians', t('pricing.tabs.technicians'), <IconUserCog size={16} />),
  ];
  return (
    <>
      <PageHeader title={title ?? t('pricing.title')} subtitle={t('pricing.subtitle')} actions={actions} />
      <AdminTabs testId="pricing-tabs" tabs={tabs} />
    </>
  );
}
