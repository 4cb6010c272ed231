import { Alert, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconPlus, IconRestore } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { isApiError } from '../../../app/api/client';
import { detailMessage, errorMessage } from '../../../app/api/errors';
import { ConfirmModal } from '../../../app/components/ConfirmModal';
import { useSaveKeys } from '../shared/keys';
import { LeavePrompt } from '../shared/LeavePrompt';
import { isStale, StaleAlert } from '../shared/StaleAlert';
import type { CustomField } from '../catalog/api';
import { type TicketType, useSaveProcess } from './api';
import * as m from './processModel';
import { processNameDisplay } from './processNames';
import { typeLabel } from '../../tickets/labels';
import { StatesTable } from './StatesTable';
import { TransitionMatrix } from './TransitionMatrix';
import { TransitionPanel } from './TransitionPanel';

const NO_ERRORS: m.DraftErrors = { states: new Map(), transitions: new Map(), general: [] };

export function ProcessEditor({ type, fields, onReload, stateTickets }: {
  type: TicketType;
  fields: CustomField[];
  onReload: () => void;
  /** Tickets in each saved state now, by code (undefined while loading). */
  stateTickets?: ReadonlyMap<string, number>;
}) {
  const { t } = useTranslation();
  const original = useMemo(() => m.toDraft(type, processNameDisplay(t)), [type, t]);
  const [draft, setDraft] = useState(original);
  const [selected, setSelected] = useState<string | null>(null);
  const [errors, setErrors] = useState<m.DraftErrors>(NO_ERRORS);
  const [failure, setFailure] = useState<{ error?: unknown; local?: boolean } | null>(null);
  const [autoCode, setAutoCode] = useState<Set<string>>(new Set());
  const [removing, setRemoving] = useState<m.StateDraft | null>(null);
  const [confirmSave, setConfirmSave] = useState<string[] | null>(null);
  const save = useSaveProcess(type.id);
  const dirty = !m.sameProcess(draft, original);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !save.isPending && currentLocation.pathname !== nextLocation.pathname);

  // By the draft's key: a state keeps its key when renamed, and the count belongs to the state saved under the original code.
  const ticketCounts = useMemo(
    () => new Map(stateTickets ? original.states.flatMap((o) => (stateTickets.has(o.code) ? [[o.key, stateTickets.get(o.code)!] as const] : [])) : []),
    [original, stateTickets],
  );
  const stateName = (code: string) => original.states.find((s) => s.code === code)?.name ?? code;
  const removedStates = original.states.filter((o) => !draft.states.some((s) => s.code.trim() === o.code)).map((s) => s.name);

  const changeState = (key: string, patch: Partial<Omit<m.StateDraft, 'key'>>) => {
    if (patch.code !== undefined) setAutoCode((set) => new Set([...set].filter((k) => k !== key)));
    const withCode = patch.name !== undefined && autoCode.has(key) ? { ...patch, code: m.codeFromName(patch.name) } : patch;
    setDraft((d) => m.updateState(d, key, withCode));
  };

  const addState = () => {
    const { draft: next, key } = m.addState(draft, { code: '', name: '', category: 'open', pausesSla: false, isInitial: draft.states.length === 0 });
    setDraft(next);
    setAutoCode((set) => new Set(set).add(key));
    const index = next.states.length - 1;
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-testid="state-${index}-name"]`)?.focus());
  };

  const doSave = () => {
    setConfirmSave(null);
    const sent = draft;
    save.mutate({ ...m.toBody(sent), expectedUpdatedAt: type.updatedAt }, {
      onSuccess: () => notifications.show({ color: 'green', message: t('admin.process.saved', { name: typeLabel(t, type) }) }),
      onError: (error) => {
        setFailure({ error });
        setErrors(isApiError(error) ? m.mapDetails(sent, error.details.filter((d) => d.code !== 'state_in_use')) : NO_ERRORS);
      },
    });
  };

  const submit = (event?: React.FormEvent) => {
    event?.preventDefault();
    const local = m.localProblems(draft);
    if (local.length > 0) {
      setErrors(m.mapDetails(draft, local));
      setFailure({ local: true });
      return;
    }
    setErrors(NO_ERRORS);
    setFailure(null);
    if (removedStates.length > 0) setConfirmSave(removedStates);
    else doSave();
  };

  // Like Enter in a field, which does nothing while the save button is off (nothing changed).
  const saveKeys = useSaveKeys(() => { if (dirty) submit(); }, save.isPending);

  // Below the matrix on narrower screens: bring the details into view.
  const revealPanel = () =>
    requestAnimationFrame(() => document.querySelector('[data-testid="transition-panel"]')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));

  const reset = () => {
    setDraft(original);
    setErrors(NO_ERRORS);
    setFailure(null);
    setSelected(null);
  };

  const inUse = failure?.error && isApiError(failure.error) && failure.error.code === 'state_in_use'
    ? ((failure.error.extra.states as string[] | undefined) ?? []).map(stateName)
    : null;
  const stale = isStale(failure?.error);
  const reload = () => {
    setFailure(null);
    onReload();
  };
  const headline = failure?.local
    ? t('admin.process.fixProblems')
    : stale
      ? t('admin.process.stale')
      : inUse
      ? t('admin.process.stateInUse', { states: inUse.join(', ') })
      : failure?.error ? errorMessage(t, failure.error) : null;

  return (
    <form onSubmit={submit} noValidate data-testid="process-form" onKeyDown={(e) => { if (e.key === 'Escape' && selected) setSelected(null); saveKeys(e); }}>
      <Stack gap="lg">
        {stale && !failure?.local ? (
          <StaleAlert message={t('admin.process.stale')} onReload={reload} testId="process-error" />
        ) : headline ? (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="process-error" role="alert">
            <Text size="sm" fw={500}>{headline}</Text>
            {errors.general.map((d) => (
              <Text key={d.path + d.code} size="sm">{detailMessage(t, d)}</Text>
            ))}
          </Alert>
        ) : null}
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <div>
              <Title order={2} size="h4">{t('admin.process.states')} <Badge variant="light" size="sm">{draft.states.length}</Badge></Title>
              <Text size="sm" c="dimmed">{t('admin.process.statesHint')}</Text>
            </div>
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={addState} data-testid="process-add-state">
              {t('admin.process.addState')}
            </Button>
          </Group>
          <StatesTable
            states={draft.states}
            errors={errors.states}
            onChange={changeState}
            onMove={(key, by) => setDraft((d) => m.moveState(d, key, by))}
            ticketCounts={ticketCounts}
            onRemove={(s) => (draft.transitions.some((tr) => tr.from === s.key || tr.to === s.key) || original.states.some((o) => o.code === s.code) ? setRemoving(s) : setDraft((d) => m.removeState(d, s.key)))}
          />
        </Paper>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, xl: 8 }}>
            <Paper withBorder p="md">
              <Title order={2} size="h4">{t('admin.process.transitions')}</Title>
              <Text size="sm" c="dimmed" mb="sm">{t('admin.process.transitionsHint')}</Text>
              <TransitionMatrix
                draft={draft}
                errors={errors.transitions}
                selected={selected}
                onToggle={(from, to) => {
                  const existed = !!m.findTransition(draft, from, to);
                  setDraft((d) => m.toggleTransition(d, from, to));
                  const key = m.transitionKey({ from, to });
                  setSelected(existed ? (selected === key ? null : selected) : key);
                  if (!existed) revealPanel();
                }}
                onSelect={(key) => {
                  setSelected(key);
                  revealPanel();
                }}
              />
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 4 }}>
            <div style={{ position: 'sticky', top: 72 }}>
              <TransitionPanel
                draft={draft}
                selected={selected}
                errors={errors.transitions}
                fields={fields}
                onSelect={setSelected}
                onChange={(tr, patch) => setDraft((d) => m.updateTransition(d, tr.from, tr.to, patch))}
                onRemove={(tr) => {
                  setDraft((d) => m.toggleTransition(d, tr.from, tr.to));
                  setSelected(null);
                }}
              />
            </div>
          </Grid.Col>
        </Grid>
      </Stack>
      <Group className="admin-savebar" justify="space-between" wrap="wrap">
        <Text size="sm" c={dirty ? 'orange' : 'dimmed'} data-testid="process-dirty" data-dirty={dirty}>
          {dirty ? t('admin.unsavedChanges') : t('admin.noChanges')}
        </Text>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconRestore size={16} />} onClick={reset} disabled={!dirty || save.isPending} data-testid="process-reset">
            {t('admin.discardChanges')}
          </Button>
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} disabled={!dirty} data-testid="process-save">
            {t('admin.process.save')}
          </Button>
        </Group>
      </Group>
      <ConfirmModal
        opened={!!removing}
        title={t('admin.process.removeStateTitle')}
        message={t('admin.process.removeStateText', { name: removing?.name || removing?.code || '' })}
        confirmLabel={t('admin.process.removeState')}
        onConfirm={() => {
          if (removing) setDraft((d) => m.removeState(d, removing.key));
          setSelected(null);
          setRemoving(null);
        }}
        onClose={() => setRemoving(null)}
      />
      <ConfirmModal
        opened={!!confirmSave}
        title={t('admin.process.confirmSaveTitle')}
        message={t('admin.process.confirmSaveText', { states: (confirmSave ?? []).join(', ') })}
        confirmLabel={t('admin.process.save')}
        color="orange"
        onConfirm={doSave}
        onClose={() => setConfirmSave(null)}
      />
      <LeavePrompt blocker={blocker} confirmLabel={t('admin.leave')} />
    </form>
  );
}
