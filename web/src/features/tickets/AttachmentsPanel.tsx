import { Alert, Anchor, Button, FileButton, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { errorMessage } from '../../app/api/errors';
import { useAuth } from '../../app/auth/AuthProvider';
import { formatDateTime } from '../../app/format';
import { attachmentUrl, useAttachments, useUploadAttachment } from './api';
import { attachmentSizeProblem, attachmentTooLargeText, formatBytes } from './attachmentSize';

export function AttachmentsPanel({ ticketId, canWrite }: { ticketId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const list = useAttachments(ticketId);
  const upload = useUploadAttachment(ticketId);
  const { limits } = useAuth();
  const [problem, setProblem] = useState<string | null>(null);

  const onFile = (file: File | null) => {
    if (!file) return;
    // Over the limit: said at once, instead of after the whole file was sent and refused.
    const tooLarge = attachmentSizeProblem(t, file, limits?.attachmentMaxBytes);
    setProblem(tooLarge);
    if (tooLarge) return;
    upload.mutate(file, {
      onSuccess: () => setProblem(null),
      onError: (error) => {
        if (isApiError(error) && (error.code === 'attachment_too_large' || error.status === 413)) {
          const max = typeof error.extra.maxBytes === 'number' ? error.extra.maxBytes : null;
          setProblem(max ? attachmentTooLargeText(t, file.name, max) : errorMessage(t, error));
        } else setProblem(errorMessage(t, error));
      },
    });
  };

  const items = list.data?.items ?? [];
  return (
    <Paper withBorder p="md" data-testid="attachments">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h5">{t('tickets.attachments.title')}</Title>
        {canWrite ? (
          <FileButton onChange={onFile}>
            {(props) => (
              <Button {...props} size="xs" className="tap-target" variant="light" leftSection={<IconPaperclip size={14} />} loading={upload.isPending} data-testid="attachments-upload">
                {t('tickets.attachments.upload')}
              </Button>
            )}
          </FileButton>
        ) : null}
      </Group>
      {problem ? (
        <Alert color="red" icon={<IconAlertTriangle size={16} />} mb="sm" p="xs" role="alert" data-testid="attachments-error" withCloseButton onClose={() => setProblem(null)}>
          <Text size="sm">{problem}</Text>
        </Alert>
      ) : null}
      {list.isPending ? (
        <Loader size="sm" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">{t('tickets.attachments.empty')}</Text>
      ) : (
        <Stack gap={6} data-testid="attachments-list">
          {items.map((a) => (
            <Group key={a.id} gap="xs" wrap="nowrap" align="flex-start" data-testid={`attachment-${a.id}`}>
              <IconDownload size={16} style={{ flexShrink: 0, marginTop: 3 }} />
              <div style={{ minWidth: 0 }}>
                <Anchor href={attachmentUrl(a.id)} download={a.filename} size="sm" style={{ overflowWrap: 'anywhere' }} aria-label={t('tickets.attachments.download', { filename: a.filename })}>
                  {a.filename}
                </Anchor>
                <Text size="xs" c="dimmed">{formatBytes(a.size)} · {formatDateTime(a.createdAt)}</Text>
              </div>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
