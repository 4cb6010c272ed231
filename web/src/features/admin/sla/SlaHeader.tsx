import { IconCalendarTime, IconGridDots, IconHourglass } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/components/PageHeader';
import { AdminTabs } from '../shared/AdminTabs';
import '../shared/admin.css';

/** Header and tabs of /admin/sla/*: policies, calendars, priorities and numbering. */
export function SlaHeader({ actions }: { actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('admin.sla.title')} subtitle={t('admin.sla.subtitle')} actions={actions} />
      <AdminTabs
        testId="sla-tabs"
        tabs={[
          { value: 'policies', label: t('admin.sla.policies'), to: '/admin/sla/policies', icon: <IconHourglass size={16} /> },
          { value: 'calendars', label: t('admin.calendars.title'), to: '/admin/sla/calendars', icon: <IconCalendarTime size={16} /> },
          { value: 'priorities', label: t('admin.priorities.title'), to: '/admin/sla/priorities', icon: <IconGridDots size={16} /> },
        ]}
      />
    </>
  );
}
