import { Progress, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import type { ExportProgress } from './exportStream';

/** What the bar says: preparing until the server counted the documents, "k of N" while writing, then saving. */
export function progressText(t: TFunction, progress: ExportProgress | null): string {
  if (!progress || progress.total === 0) return t('exports.progress.preparing');
  if (progress.done >= progress.total) return t('exports.progress.finishing', { total: formatNumber(progress.total) });
  return t('exports.progress.documents', { done: formatNumber(progress.done), total: formatNumber(progress.total) });
}

/** Share of the documents written, 0-100. */
export function progressPercent(progress: ExportProgress | null): number {
  if (!progress || progress.total === 0) return 0;
  return Math.min(100, (progress.done / progress.total) * 100);
}

/**
 * "k of N documents" while a batch is written. The text is a live status region, so a screen
 * reader hears it without the focus leaving the form; the bar carries the same words.
 */
export function ExportProgressBar({ progress }: { progress: ExportProgress | null }) {
  const { t } = useTranslation();
  const text = progressText(t, progress);
  return (
    <Stack gap={4} data-testid="exports-progress">
      <Text size="sm" role="status" aria-live="polite" data-testid="exports-progress-text">{text}</Text>
      <Progress.Root size="md">
        {/* The counts themselves, not Mantine's percentage: "k of N documents" is what is read out. */}
        <Progress.Section
          value={progressPercent(progress)}
          animated
          withAria={false}
          role="progressbar"
          aria-label={t('exports.progress.label')}
          aria-valuemin={0}
          aria-valuemax={progress?.total ?? 0}
          aria-valuenow={progress?.done ?? 0}
          aria-valuetext={text}
        />
      </Progress.Root>
    </Stack>
  );
}
