import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DraftNoticeKind } from '../useFormDraft';

interface Props {
  kind: DraftNoticeKind;
  /** What happened to the draft, in the form's own words. */
  message: string;
  onDiscard: () => void;
  /** The notice is `${testId}-${kind}`, its button `${testId}-discard`. */
  testId: string;
}

/** Says that a form opened on what was typed before (or could not: the record changed), with "Discard it". */
export function DraftNotice({ kind, message, onDiscard, testId }: Props) {
  const { t } = useTranslation();
  const stale = kind === 'stale';
  return (
    <Alert
      color={stale ? 'orange' : 'blue'}
      variant="light"
      p="xs"
      icon={stale ? <IconAlertTriangle size={18} /> : <IconRestore size={18} />}
      role="status"
      data-testid={`${testId}-${kind}`}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Button size="compact-sm" variant="subtle" onClick={onDiscard} data-testid={`${testId}-discard`} style={{ flexShrink: 0 }}>
          {t('common.draftDiscard')}
        </Button>
      </Group>
    </Alert>
  );
}
