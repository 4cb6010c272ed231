import { Badge, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconDeviceFloppy, IconRestore } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { isApiError } from '../../../app/api/client';
import { errorMessage } from '../../../app/api/errors';
import { ConfirmModal } from '../../../app/components/ConfirmModal';
import { useSaveKeys } from '../shared/keys';
import { LeavePrompt } from '../shared/LeavePrompt';
import { FormErrorAlert } from '../../../app/components/QueryStates';
import { formatDateTime } from '../../../app/format';
import { type MailTemplate, previewTemplate, useResetTemplate, useSaveTemplate } from './api';
import { insertPlaceholder, previewState, type TemplateFieldError, templateFieldErrors, ticketRefusal } from './templateModel';
import { MailHtmlFrame } from './MailHtmlFrame';

type Field = 'subject' | 'body';

/** What the ticket field says when the server would not fill the preview from that ticket (ticketRefusal); anything else: no such ticket. */
const TICKET_REFUSALS: Readonly<Record<string, string>> = {
  no_sla_target: 'admin.mail.previewTicketNoSla',
  no_colleague_update: 'admin.mail.previewTicketNoChange',
};

/**
 * Subject and Markdown body of one template × language, with placeholders, live preview, save and reset.
 * A mail about a ticket (to its client, or an SLA escalation or a colleague's update to staff) can be
 * previewed with a real ticket (`previewTicket`, its number).
 */
export function TemplateEditor({ template, previewTicket, onPreviewTicketChange }: {
  template: MailTemplate;
  previewTicket: string;
  onPreviewTicketChange: (ticketNumber: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState({ subject: template.subject, body: template.body });
  const [focused, setFocused] = useState<Field>('body');
  const [confirmReset, setConfirmReset] = useState(false);
  const refs = { subject: useRef<HTMLInputElement>(null), body: useRef<HTMLTextAreaElement>(null) };
  const save = useSaveTemplate();
  const reset = useResetTemplate();
  const dirty = text.subject !== template.subject || text.body !== template.body;
  // Another template or language is another address (?key=…&lang=…): ask before unsaved text is dropped.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !save.isPending && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  const [debounced] = useDebouncedValue(text, 400);
  const [debouncedTicket] = useDebouncedValue(template.ticketPreview ? previewTicket.trim() : '', 400);
  const preview = useQuery({
    queryKey: ['mail', 'preview', template.key, template.language, debounced, debouncedTicket],
    queryFn: ({ signal }) => previewTemplate(template.key, template.language, { ...debounced, ...(debouncedTicket ? { ticketNumber: debouncedTicket } : {}) }, signal),
    enabled: !!debounced.subject.trim() && !!debounced.body.trim(),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const problem = save.error ?? preview.error;
  const fieldErrors = isApiError(problem) ? templateFieldErrors(problem.details) : {};
  const shown = previewState(text, template.placeholders, { hasData: !!preview.data, failed: !!preview.error });
  const refusal = isApiError(preview.error) ? ticketRefusal(preview.error.details) : null;
  const ticketError = refusal === null ? undefined
    : t(TICKET_REFUSALS[refusal] ?? 'admin.mail.previewTicketUnknown', { number: debouncedTicket });
  const message = (e: TemplateFieldError | undefined) =>
    !e ? undefined : e.code === 'unknown_placeholder' && e.placeholder !== null ? t('admin.mail.unknownPlaceholder', { placeholder: `{{${e.placeholder}}}` }) : t(`errors.${e.code}`, { defaultValue: t('errors.invalid') });

  const insert = (name: string) => {
    const el = refs[focused].current;
    const value = text[focused];
    const { text: next, cursor } = insertPlaceholder(value, name, el?.selectionStart ?? value.length, el?.selectionEnd ?? value.length);
    setText((x) => ({ ...x, [focused]: next }));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(cursor, cursor);
    });
  };

  // A refused save speaks of the text it sent: once that text is edited, the live preview says what is wrong now.
  const { isError: saveFailed, reset: forgetSave } = save;
  useEffect(() => {
    if (saveFailed) forgetSave();
    // Only an edit of the text forgets it, not the failure itself arriving.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const submit = (e?: React.FormEvent) => {
    e?.preventDefault();
    if (!text.subject.trim() || !text.body.trim()) return;
    save.mutate({ key: template.key, language: template.language, body: text }, {
      onSuccess: () => notifications.show({ color: 'green', message: t('admin.mail.templateSaved') }),
    });
  };

  const saveKeys = useSaveKeys(() => submit(), save.isPending);

  const doReset = () =>
    reset.mutate({ key: template.key, language: template.language }, {
      onSuccess: (saved) => {
        setText({ subject: saved.subject, body: saved.body });
        save.reset();
        notifications.show({ color: 'green', message: t('admin.mail.templateReset') });
      },
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      onSettled: () => setConfirmReset(false),
    });

  const nonField = save.error && !fieldErrors.subject && !fieldErrors.body ? save.error : null;
  return (
    <form onSubmit={submit} onKeyDown={saveKeys} noValidate data-testid="template-editor" data-key={template.key} data-language={template.language}>
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4">{t(`admin.mail.templateKeys.${template.key}`, { defaultValue: template.key })} · {t(`languages.${template.language}`)}</Title>
            <Text size="sm" c="dimmed">
              {template.overridden ? t('admin.mail.overriddenAt', { at: formatDateTime(template.updatedAt) }) : t('admin.mail.builtIn')}
            </Text>
          </div>
          <Badge variant="light" color={template.overridden ? 'violet' : 'gray'} data-testid="template-overridden" data-overridden={template.overridden}>
            {template.overridden ? t('admin.mail.overridden') : t('admin.mail.default')}
          </Badge>
        </Group>
        <FormErrorAlert error={nonField} testId="template-error" />
        <TextInput
          ref={refs.subject}
          label={t('admin.mail.subject')}
          value={text.subject}
          onChange={(e) => { const subject = e.currentTarget.value; setText((x) => ({ ...x, subject })); }}
          onFocus={() => setFocused('subject')}
          error={message(fieldErrors.subject) ?? (text.subject.trim() ? undefined : t('errors.required'))}
          data-testid="template-subject"
        />
        <Textarea
          ref={refs.body}
          label={t('admin.mail.body')}
          description={t('admin.mail.bodyHint')}
          value={text.body}
          onChange={(e) => { const body = e.currentTarget.value; setText((x) => ({ ...x, body })); }}
          onFocus={() => setFocused('body')}
          error={message(fieldErrors.body) ?? (text.body.trim() ? undefined : t('errors.required'))}
          autosize
          minRows={8}
          maxRows={20}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          data-testid="template-body"
        />
        <div>
          <Text size="sm" fw={500}>{t('admin.mail.placeholders')}</Text>
          <Text size="xs" c="dimmed" mb={6}>{t('admin.mail.placeholdersHint')}</Text>
          <Group gap={6} data-testid="template-placeholders">
            {template.placeholders.map((p) => (
              <Tooltip key={p} label={t('admin.mail.insertInto', { field: t(`admin.mail.${focused}`) })} openDelay={400}>
                <UnstyledButton onMouseDown={(e) => e.preventDefault()} onClick={() => insert(p)} data-testid={`placeholder-${p}`}>
                  <Badge variant="outline" tt="none" className="mono" style={{ cursor: 'pointer' }}>{`{{${p}}}`}</Badge>
                </UnstyledButton>
              </Tooltip>
            ))}
          </Group>
        </div>
        <Group justify="space-between" wrap="wrap">
          <Button variant="subtle" color="red" leftSection={<IconRestore size={16} />} disabled={!template.overridden} onClick={() => setConfirmReset(true)} data-testid="template-reset">
            {t('admin.mail.resetToDefault')}
          </Button>
          <Group gap="xs">
            <Button variant="default" disabled={!dirty} onClick={() => { setText({ subject: template.subject, body: template.body }); save.reset(); }}>{t('admin.discardChanges')}</Button>
            <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} disabled={!dirty} loading={save.isPending} data-testid="template-save">{t('common.save')}</Button>
          </Group>
        </Group>
        <Paper withBorder p="sm" data-testid="template-preview">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">{t('admin.mail.preview')}</Text>
          {template.ticketPreview ? (
            <TextInput
              size="xs"
              mt={6}
              maw={420}
              label={t('admin.mail.previewTicket')}
              description={t('admin.mail.previewTicketHint')}
              placeholder="T2026-000008"
              value={previewTicket}
              onChange={(e) => onPreviewTicketChange(e.currentTarget.value)}
              // Not part of the template: Enter here does not submit the form. Ctrl+Enter still
              // saves: the form's save keys see the key press all the same.
              onKeyDown={(e) => { if (e.key === 'Enter') e.preventDefault(); }}
              error={ticketError}
              data-testid="template-preview-ticket"
            />
          ) : null}
          {shown.kind === 'ready' && preview.data ? (
            <>
              <Text fw={600} my={6} data-testid="template-preview-subject">{preview.data.subject}</Text>
              <MailHtmlFrame html={preview.data.html} title={t('admin.mail.preview')} testId="template-preview-html" />
            </>
          ) : shown.kind === 'unknown' ? (
            <Text size="sm" c="red" mt={6} data-testid="template-preview-problem">
              {t('admin.mail.previewUnknown', { placeholders: shown.placeholders.map((p) => `{{${p}}}`).join(', ') })}
            </Text>
          ) : shown.kind === 'failed' ? (
            <Text size="sm" c="red" mt={6} data-testid="template-preview-problem">
              {message(fieldErrors.subject) ?? message(fieldErrors.body) ?? ticketError ?? errorMessage(t, preview.error)}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" mt={6}>{shown.kind === 'loading' ? t('common.loading') : t('admin.mail.previewEmpty')}</Text>
          )}
        </Paper>
      </Stack>
      <ConfirmModal
        opened={confirmReset}
        title={t('admin.mail.resetTitle')}
        message={t('admin.mail.resetText')}
        confirmLabel={t('admin.mail.resetToDefault')}
        loading={reset.isPending}
        onConfirm={doReset}
        onClose={() => setConfirmReset(false)}
      />
      <LeavePrompt blocker={blocker} confirmLabel={t('admin.discardChanges')} />
    </form>
  );
}
