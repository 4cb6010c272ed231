import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { applyFormErrors } from '../../app/api/errors';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { useFieldShortcuts } from '../../app/components/useShortcuts';
import { type AllowedTransition, type Ticket, useTransition } from './api';
import { useCustomFields } from './configApi';
import { CustomFieldInput, fieldProps } from './FieldInputs';
import { TICKET_DIALOG_SHORTCUTS } from './keys';
import { stateLabel } from './labels';
import { customInputsFor, customPayload, formPathOf, type CustomInput } from './ticketFormModel';
import { commentLabelKey, needsKey, transitionAsks } from './transitionAsks';
import { isStale, useTicketErrorHandler } from './useTicketErrors';
import { notify } from './notify';
import { focusFirstError } from './focusError';

interface Props {
  ticket: Ticket;
  transition: AllowedTransition;
  /** The target state's name as the ticket screens show it. */
  target: string;
  onClose: () => void;
  onStale: () => void;
}

interface Values {
  resolutionNote: string;
  comment: string;
  custom: Record<string, CustomInput>;
}

/** A state change that needs input first (what to tell the client, a resolution note, custom fields): see transitionAsks. */
export function TransitionModal({ ticket, transition, target, onClose, onStale }: Props) {
  const { t } = useTranslation();
  const move = useTransition(ticket.id);
  const fields = useCustomFields(ticket.type.id);
  const asks = transitionAsks(transition);
  const customFields = (fields.data ?? []).filter((f) => asks.customKeys.includes(f.key));
  const [extra, setExtra] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const focusError = () => focusFirstError(formRef.current);
  const handleError = useTicketErrorHandler(ticket.id, onStale);
  const required = (v: string) => (v.trim() ? null : t('errors.required'));

  const form = useForm<Values>({
    initialValues: {
      resolutionNote: ticket.resolutionNote ?? '',
      comment: '',
      custom: customInputsFor(customFields, ticket.custom),
    },
    validate: {
      resolutionNote: (v) => (asks.resolutionNote === 'required' ? required(v) : null),
      comment: (v) => (asks.comment === 'required' ? required(v) : null),
    },
  });

  // Custom fields arrive after the dialog opens.
  useEffect(() => {
    if (fields.data) form.setFieldValue('custom', customInputsFor(customFields, ticket.custom));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fields.data]);

  const submit = form.onSubmit((v) => {
    setExtra([]);
    const custom = customPayload(customFields, { ...customInputsFor(customFields, {}), ...v.custom }, false);
    move.mutate(
      {
        version: ticket.version,
        toState: transition.toState,
        ...(v.resolutionNote.trim() ? { resolutionNote: v.resolutionNote.trim() } : {}),
        ...(v.comment.trim() ? { comment: v.comment.trim() } : {}),
        ...(Object.keys(custom).length ? { custom } : {}),
      },
      {
        onSuccess: (updated) => {
          notify('green', t('tickets.transition.done', { state: stateLabel(t, updated.state) }));
          onClose();
        },
        onError: (error) => {
          if (isStale(error) || (isApiError(error) && error.code === 'transition_not_allowed')) {
            handleError(error);
            onClose();
            return;
          }
          const pathMap = isApiError(error) ? Object.fromEntries(error.details.map((d) => [d.path, formPathOf(d.path)])) : {};
          setExtra(applyFormErrors(form, error, t, pathMap));
          focusError();
        },
      },
    );
  }, focusError);
  const saveKeys = useFieldShortcuts(TICKET_DIALOG_SHORTCUTS, { save: () => submit() });

  return (
    <Modal opened onClose={onClose} title={`${stateLabel(t, ticket.state)} → ${target}`} size="lg" attributes={{ content: { 'data-testid': 'transition-modal' } }}>
      <form ref={formRef} onSubmit={submit} onKeyDown={saveKeys} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t(needsKey(asks))}</Text>
          <FormErrorAlert error={move.error} extra={extra} testId="transition-error" />
          {asks.comment ? (
            <Textarea
              label={t(commentLabelKey(asks))}
              description={t(`tickets.transition.${asks.commentKind}Hint`)}
              withAsterisk={asks.comment === 'required'}
              autosize
              minRows={3}
              maxRows={10}
              data-autofocus
              {...fieldProps(form, 'comment', 'transition')}
            />
          ) : null}
          {asks.resolutionNote ? (
            <Textarea
              label={t('tickets.fields.resolutionNote')}
              description={t('tickets.transition.resolutionHint')}
              withAsterisk
              autosize
              minRows={3}
              maxRows={10}
              data-autofocus={asks.comment ? undefined : true}
              {...fieldProps(form, 'resolutionNote', 'transition')}
            />
          ) : null}
          {customFields.map((f) => (
            <CustomFieldInput key={f.key} form={form} field={{ ...f, required: true }} prefix="transition" />
          ))}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={move.isPending} data-testid="transition-submit">
              {t('tickets.transition.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
