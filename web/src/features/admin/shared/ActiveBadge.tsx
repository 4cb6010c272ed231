import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ActiveBadge({ active, testId }: { active: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={active ? 'green' : 'gray'} data-testid={testId}>
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}
