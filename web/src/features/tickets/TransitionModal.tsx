import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowRight } from '@tabler/icons-react';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { applyFormErrors } from '../../app/api/errors';
import { focusFirstInvalid } from '../../app/components/focusInvalid';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { hasChanges } from '../../app/components/unsavedChanges';
import { CancelButton } from '../../app/components/FormActions';
import { UnsavedChangesModal } from '../../app/components/UnsavedChangesModal';
import { useFieldShortcuts } from '../../app/components/useShortcuts';
import { type AllowedTransition, type Ticket, useTransition } from './api';
import { useCustomFields } from './configApi';
import { EditConflictNotice, useEditConflict } from './EditConflict';
import { CustomFieldInput, fieldProps, refuseCustomNumberText } from './FieldInputs';
import { TICKET_DIALOG_SHORTCUTS } from './keys';
import { categoryColor, stateLabel } from './labels';
import { customInputsFor, formPathOf, rebaseEdits } from './ticketFormModel';
import { commentLabelKey, needsKey, transitionAsks } from './transitionAsks';
import { type MoveAfterChange, moveAfterChange, transitionInput, transitionValues, type TransitionValues } from './transitionConflict';
import { isMoveConflict } from './useTicketErrors';
import { notify } from './notify';

interface Props {
  ticket: Ticket;
  transition: AllowedTransition;
  /** A state's name as the ticket screens show it. */
  stateName: (code: string) => string;
  onClose: () => void;
}

/**
 * A state change that needs input first (what to tell the client, a resolution note, custom
 * fields): see transitionAsks. Someone else's change in between keeps the dialog open with
 * what was typed (EditConflict): the current version is loaded, the typed text put over it,
 * and the dialog says where the ticket is now; a step no longer possible from there is not
 * sent, and the steps that are possible are offered instead.
 */
export function TransitionModal({ ticket, transition: chosen, stateName, onClose }: Props) {
  const { t } = useTranslation();
  const move = useTransition(ticket.id);
  const fields = useCustomFields(ticket.type.id);
  const conflict = useEditConflict(ticket.id);
  // What the dialog works from: the version it sends and the values it opened with (the user's changes are what differs).
  const base = useRef<{ ticket: Ticket; values: TransitionValues }>({ ticket, values: transitionValues(ticket, []) });
  const [transition, setTransition] = useState(chosen);
  // After a conflict: where the chosen step stands on the current version.
  const [after, setAfter] = useState<MoveAfterChange | null>(null);
  const blocked = after !== null && after.kind !== 'possible';
  const asks = transitionAsks(transition);
  const customFields = (fields.data ?? []).filter((f) => asks.customKeys.includes(f.key));
  const [extra, setExtra] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const focusError = () => focusFirstInvalid(formRef.current);
  const required = (v: string) => (v.trim() ? null : t('errors.required'));

  const form = useForm<TransitionValues>({
    initialValues: base.current.values,
    validate: {
      resolutionNote: (v) => (asks.resolutionNote === 'required' ? required(v) : null),
      comment: (v) => (asks.comment === 'required' ? required(v) : null),
    },
  });

  // Custom fields arrive after the dialog opens.
  useEffect(() => {
    if (!fields.data) return;
    base.current.values = { ...base.current.values, custom: customInputsFor(fields.data, base.current.ticket.custom) };
    form.setFieldValue('custom', base.current.values.custom);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fields.data]);

  const submit = form.onSubmit((v) => {
    setExtra([]);
    if (refuseCustomNumberText(form, fields.data ?? [], v.custom, t)) return;
    move.mutate(transitionInput(v, asks, fields.data ?? [], base.current.ticket.version, transition.toState), {
      onSuccess: (updated) => {
        notify('green', t('tickets.transition.done', { state: stateLabel(t, updated.state) }));
        onClose();
      },
      onError: (error) => {
        if (isMoveConflict(error)) {
          conflict.stale();
          return;
        }
        // A required field the step found empty is named by its bare key (as comment and resolutionNote are): custom ones go on their field.
        const fieldOf = (path: string) => (asks.customKeys.includes(path) ? `custom.${path}` : formPathOf(path));
        const pathMap = isApiError(error) ? Object.fromEntries(error.details.map((d) => [d.path, fieldOf(d.path)])) : {};
        setExtra(applyFormErrors(form, error, t, pathMap));
        focusError();
      },
    });
  }, focusError);
  // A step no longer possible is not sent (the button is disabled; Ctrl+Enter and Enter in a field do nothing either).
  const send = (event?: FormEvent<HTMLFormElement>) => (blocked ? event?.preventDefault() : submit(event));
  const saveKeys = useFieldShortcuts(TICKET_DIALOG_SHORTCUTS, { save: () => send() });

  // A step that asks only for custom fields starts in the first of them, whatever its kind. The fields arrive
  // after the dialog opens, and the dialog itself puts the focus on its first control (×) once shown: so the
  // focus moves when the fields are in the page, after the dialog's own (the second timeout runs after its one).
  const onlyCustomAsked = !asks.comment && !asks.resolutionNote;
  const focusedFirstField = useRef(false);
  const customFieldsShown = useCallback(
    (node: HTMLDivElement | null) => {
      if (!node || !onlyCustomAsked || focusedFirstField.current) return;
      setTimeout(() =>
        setTimeout(() => {
          const first = node.querySelector<HTMLElement>('input:not([type="hidden"]), textarea, button');
          if (!first || focusedFirstField.current) return;
          focusedFirstField.current = true;
          first.focus();
        }),
      );
    },
    [onlyCustomAsked],
  );

  const labelOf = (path: string): string => {
    if (path === 'resolutionNote') return t('tickets.fields.resolutionNote');
    if (path === 'comment') return t(commentLabelKey(asks));
    const key = path.replace(/^custom\./, '');
    return fields.data?.find((f) => f.key === key)?.label ?? key;
  };
  // The ticket as it is now, with what this user typed put back over it, and where the chosen step stands there.
  const reload = () =>
    void conflict.reload((current) => {
      const now = transitionValues(current, fields.data ?? []);
      const { values: next, overlap } = rebaseEdits(base.current.values, form.getValues(), now);
      const outcome = moveAfterChange(transition.toState, base.current.ticket.state.code, current);
      base.current = { ticket: current, values: now };
      setAfter(outcome);
      if (outcome.kind === 'possible') setTransition(outcome.transition);
      form.setValues(next);
      form.clearErrors();
      setExtra([]);
      move.reset();
      return overlap.map(labelOf);
    });

  // Another step picked instead of one no longer possible: the typed text stays, the step's fields show, the keyboard goes to the submit button.
  const [picked, setPicked] = useState(0);
  useEffect(() => {
    if (picked) submitButton.current?.focus();
  }, [picked]);
  const pick = (tr: AllowedTransition) => {
    if (!after || after.kind === 'possible') return;
    setTransition(tr);
    setAfter({ kind: 'possible', transition: tr, movedTo: after.movedTo });
    setPicked((n) => n + 1);
  };
  // Once the current version is in: to the submit button, or to the first step offered instead (Cancel when there is none).
  const afterReload = () => {
    if (!blocked) submitButton.current?.focus();
    else (formRef.current?.querySelector<HTMLElement>('[data-testid^="transition-conflict-option-"]') ?? cancelButton.current)?.focus();
  };

  const current = base.current.ticket.state;
  const target = stateName(transition.toState);
  const leadText = !after
    ? null
    : after.kind === 'done'
      ? t('tickets.transition.conflict.done', { state: stateLabel(t, current) })
      : [
          after.movedTo ? t('tickets.transition.conflict.moved', { state: stateLabel(t, after.movedTo) }) : null,
          after.kind === 'impossible' ? t('tickets.transition.conflict.impossible', { target, state: stateLabel(t, current) }) : null,
        ].filter(Boolean).join(' ') || null;
  const lead = after && leadText ? (
    <Text size="sm" fw={500} mb={4} data-testid="transition-conflict-moved" data-kind={after.kind} data-state={current.code}>{leadText}</Text>
  ) : null;
  const options = after && after.kind !== 'possible' ? (
    after.allowed.length ? (
      <Group gap="xs" mt="xs" role="group" aria-label={t('tickets.transition.conflict.possibleNow')}>
        <Text size="sm" fw={500}>{t('tickets.transition.conflict.possibleNow')}</Text>
        {after.allowed.map((tr) => (
          <Button
            key={tr.toState}
            size="xs"
            variant="light"
            color={categoryColor(tr.toCategory)}
            leftSection={<IconArrowRight size={14} />}
            onClick={() => pick(tr)}
            data-testid={`transition-conflict-option-${tr.toState}`}
          >
            {stateName(tr.toState)}
          </Button>
        ))}
      </Group>
    ) : (
      <Text size="sm" mt="xs" data-testid="transition-conflict-none">{t('tickets.transition.conflict.noneNow', { state: stateLabel(t, current) })}</Text>
    )
  ) : null;

  return (
    <UnsavedChangesModal
      opened
      dirty={hasChanges(base.current.values, form.getValues())}
      onClose={onClose}
      // A step no longer possible is not named as if it were about to happen.
      title={blocked ? t('tickets.transition.conflict.title', { state: stateLabel(t, current) }) : `${stateLabel(t, current)} → ${target}`}
      size="lg"
      attributes={{ content: { 'data-testid': 'transition-modal', 'data-to-state': transition.toState } }}
    >
      <form ref={formRef} onSubmit={send} onKeyDown={saveKeys} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t(needsKey(asks))}</Text>
          <EditConflictNotice
            conflict={conflict.conflict}
            loading={conflict.loading}
            onReload={reload}
            afterReload={afterReload}
            testId="transition-conflict"
            after={{ lead, actions: options, saveable: !blocked }}
          />
          <FormErrorAlert error={isMoveConflict(move.error) ? null : move.error} extra={extra} testId="transition-error" />
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
          {customFields.length ? (
            <Stack gap="sm" ref={customFieldsShown}>
              {customFields.map((f) => (
                <CustomFieldInput key={f.key} form={form} field={{ ...f, required: true }} prefix="transition" />
              ))}
            </Stack>
          ) : null}
          <Group justify="flex-end" mt="sm">
            <CancelButton ref={cancelButton} onCancel={onClose} />
            <Button ref={submitButton} type="submit" loading={move.isPending} disabled={blocked} data-testid="transition-submit">
              {t('tickets.transition.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}
