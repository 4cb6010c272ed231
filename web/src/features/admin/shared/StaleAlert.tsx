import { Alert, Button, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api/client';

/** A save refused because someone else saved the same thing since the form was loaded (409 stale_version). */
export const isStale = (error: unknown): boolean => isApiError(error) && error.code === 'stale_version';

/** Says whose save won and offers to load it; reloading drops the unsaved edits, as the message warns. */
export function StaleAlert({ message, onReload, testId }: { message: string; onReload: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid={testId} role="alert">
      <Text size="sm" fw={500}>{message}</Text>
      <Button size="xs" variant="light" color="red" mt="xs" leftSection={<IconRefresh size={14} />} onClick={onReload} data-testid={`${testId}-reload`}>
        {t('common.reload')}
      </Button>
    </Alert>
  );
}
