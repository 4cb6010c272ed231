import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { IconInfoCircle, IconLock, IconMail, IconSend } from '@tabler/icons-react';
import { forwardRef, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../app/api/errors';
import { DraftNotice } from '../../app/components/DraftNotice';
import { leaveFieldOnEscape } from '../../app/components/leaveField';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { useFieldShortcuts } from '../../app/components/useShortcuts';
import { type Ticket, useAddComment } from './api';
import { TICKET_DETAIL_SHORTCUTS } from './keys';
import { notify } from './notify';
import { loadReplyDraft, type ReplyVisibility as Visibility, saveReplyDraft } from './replyDraft';
import { finishedTicketNotice, replyMailedTo } from './replyNotice';

/** The reply / internal note editor at the bottom of the timeline (Markdown; Ctrl+Enter sends). */
export const ReplyBox = forwardRef<HTMLTextAreaElement, { ticket: Ticket }>(function ReplyBox({ ticket }, ref) {
  const { t } = useTranslation();
  const add = useAddComment(ticket.id);
  // What was typed and not sent comes back after a reload (see replyDraft.ts).
  const [draft] = useState(() => loadReplyDraft(ticket.id));
  const [visibility, setVisibility] = useState<Visibility>(draft?.visibility ?? 'public');
  const [body, setBody] = useState(draft?.body ?? '');
  useEffect(() => saveReplyDraft(ticket.id, { visibility, body }), [ticket.id, visibility, body]);
  // Said until the text is sent or emptied, so a reply left half-written is not sent by surprise.
  const [restored, setRestored] = useState(() => !!draft?.body.trim());
  const discardDraft = () => {
    setBody('');
    setVisibility('public');
    setRestored(false);
  };
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [extra, setExtra] = useState<string[]>([]);
  const internal = visibility === 'internal';
  const to = replyMailedTo(ticket);
  const finished = finishedTicketNotice(ticket.state.category, visibility, !!to);

  const send = () => {
    if (!body.trim() || add.isPending) {
      if (!body.trim()) setFieldError(t('errors.required'));
      return;
    }
    setFieldError(null);
    setExtra([]);
    add.mutate(
      { body, visibility },
      {
        onSuccess: () => {
          setBody('');
          setRestored(false);
          notify('green', internal ? t('tickets.reply.noted') : t('tickets.reply.sent'));
        },
        onError: (error) => {
          const form = { getValues: () => ({ body }), setFieldError: (_: string, message: string) => setFieldError(message) };
          setExtra(applyFormErrors(form, error, t));
        },
      },
    );
  };
  const sendKeys = useFieldShortcuts(TICKET_DETAIL_SHORTCUTS, { send });

  return (
    <Paper withBorder p="md" className={internal ? 'ticket-reply ticket-reply-internal' : 'ticket-reply'} data-testid="reply-box">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <SegmentedControl
            value={visibility}
            onChange={(v) => setVisibility(v as Visibility)}
            aria-label={t('tickets.reply.mode')}
            color={internal ? 'yellow' : 'blue'}
            data={[
              { value: 'public', label: t('tickets.reply.public') },
              { value: 'internal', label: t('tickets.reply.internal') },
            ]}
            data-testid="reply-visibility"
          />
          <Text size="xs" c="dimmed" visibleFrom="sm">{t('tickets.reply.sendHint')}</Text>
        </Group>
        {/* Not a block: a note or a late answer on a finished ticket is fine, only it should not surprise. */}
        {finished ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} p="xs" data-testid="reply-finished-notice" data-category={ticket.state.category}>
            <Text size="sm">{t(finished)}</Text>
          </Alert>
        ) : null}
        {restored && body.trim() ? <DraftNotice kind="restored" message={t('tickets.reply.draftRestored')} onDiscard={discardDraft} testId="reply-draft" /> : null}
        <FormErrorAlert error={add.error} extra={extra} testId="reply-error" />
        <Textarea
          ref={ref}
          value={body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            if (fieldError) setFieldError(null);
          }}
          // Escape leaves the box with the text kept (a draft), so the ticket's keys work again.
          onKeyDown={(e) => leaveFieldOnEscape(e) || sendKeys(e)}
          placeholder={internal ? t('tickets.reply.internalPlaceholder') : t('tickets.reply.publicPlaceholder')}
          aria-label={t('tickets.reply.label')}
          autosize
          minRows={4}
          maxRows={16}
          error={fieldError}
          data-testid="reply-body"
          errorProps={{ 'data-testid': 'reply-body-error' }}
        />
        <Group justify="space-between" gap="sm" wrap="wrap" align="flex-start">
          <Group gap={6} wrap="nowrap" align="flex-start" data-testid="reply-hint" data-visibility={visibility} style={{ flex: '1 1 240px' }}>
            {internal ? <IconLock size={16} style={{ flexShrink: 0, marginTop: 2 }} /> : <IconMail size={16} style={{ flexShrink: 0, marginTop: 2 }} />}
            <Text size="sm" c={internal ? 'yellow.8' : 'dimmed'}>
              {internal ? t('tickets.reply.internalHint') : to ? t('tickets.reply.publicHint', { recipient: to }) : t('tickets.reply.publicHintNobody')}
            </Text>
          </Group>
          <Button onClick={send} loading={add.isPending} color={internal ? 'yellow' : 'blue'} leftSection={internal ? <IconLock size={16} /> : <IconSend size={16} />} data-testid="reply-send" ml="auto">
            {internal ? t('tickets.reply.sendInternal') : t('tickets.reply.sendPublic')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
});
