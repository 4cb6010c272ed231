import { Alert, Anchor, Button, Group, List, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconChecklist, IconSend } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSearchParamsFresh } from '../../app/useSearchParamsFresh';
import { recordError } from './errors';
import { useAuth, useMe } from '../../app/auth/AuthProvider';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../app/components/QueryStates';
import { useTeams } from '../tickets/configApi';
import { UserPicker } from '../tickets/Pickers';
import { fetchAllRecords, type ServiceRecord, useRecordsList, useSubmitRecords, useTeamWeek, useWeek } from './api';
import { formatDate, todayIso } from '../../app/format';
import { recordSummary } from './RecordBadges';
import { TimesheetSummary } from './TimesheetSummary';
import { WeekGridTable, WeekNav } from './WeekGridTable';
import { addDays, isIsoDate, type Timesheet, weekGrid, weekStart } from './week';
import './records.css';

function Sheet({ query, by }: { query: { isPending: boolean; isError: boolean; error: unknown; data?: Timesheet; refetch: () => unknown }; by: 'ticket' | 'technician' }) {
  const { t } = useTranslation();
  if (query.isPending) return <LoadingState />;
  if (query.isError || !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const grid = weekGrid(query.data, by);
  return (
    <>
      <TimesheetSummary total={grid.total} />
      {grid.rows.length === 0 ? <EmptyState title={t('records.week.empty')} /> : <WeekGridTable grid={grid} by={by} />}
    </>
  );
}

/**
 * The technician's records of the week that an approver returned, each with the
 * reason (the grid only sums minutes): what to correct and submit again.
 */
function ReturnedRecords({ start, technicianId }: { start: string; technicianId: number }) {
  const { t } = useTranslation();
  const drafts = useRecordsList({ technicianId, from: start, to: addDays(start, 6), state: 'draft' });
  const returned = (drafts.data?.pages.flatMap((p) => p.items) ?? []).filter((r) => r.returnReason);
  if (returned.length === 0) return null;
  return (
    <Alert color="orange" icon={<IconArrowBackUp size={18} />} title={t('records.week.returnedTitle', { count: returned.length })} data-testid="week-returned">
      <Text size="sm" mb={4}>{t('records.week.returnedHint')}</Text>
      <List size="sm" spacing={4}>
        {returned.map((r) => (
          <List.Item key={r.id} data-testid={`week-returned-${r.id}`}>
            <Anchor component={Link} to={`/tickets/${r.ticket.id}`} size="sm" className="mono">{r.ticket.number}</Anchor>
            {` · ${formatDate(r.date)} · ${recordSummary(t, r)} · `}
            <Text span size="sm" fw={600}>{t('records.returned', { reason: r.returnReason })}</Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/**
 * Submits every draft of the technician in the week (one request per record: the API has no
 * bulk submit). A week without drafts to submit shows the button disabled and says why.
 */
function SubmitWeek({ start, technicianId }: { start: string; technicianId: number }) {
  const { t } = useTranslation();
  const submit = useSubmitRecords();
  const range = { technicianId, from: start, to: addDays(start, 6), state: 'draft' };
  // The same list as the returned records above (one request); refreshed after every change of a record.
  const drafts = useRecordsList(range);
  const hasDrafts = (drafts.data?.pages.flatMap((p) => p.items) ?? []).some(isSubmittable) || !!drafts.hasNextPage;
  const find = useMutation({ mutationFn: () => fetchAllRecords(range) });
  const run = () =>
    find.mutate(undefined, {
      onSuccess: (all) => {
        const ids = all.filter(isSubmittable).map((r) => r.id);
        if (ids.length === 0) return notifications.show({ color: 'gray', message: t('records.week.noDrafts') });
        submit.mutate(ids, {
          onSuccess: (count) => notifications.show({ color: 'green', message: t('records.submitted', { count }) }),
          onError: (error) => notifications.show({ color: 'red', message: recordError(t, error) }),
        });
      },
      onError: (error) => notifications.show({ color: 'red', message: recordError(t, error) }),
    });
  const busy = find.isPending || submit.isPending;
  const none = drafts.isSuccess && !hasDrafts && !busy;
  return (
    <Group gap="sm" justify="flex-end" wrap="wrap">
      {none ? <Text size="sm" c="dimmed" id="week-no-drafts" data-testid="week-no-drafts">{t('records.week.noDrafts')}</Text> : null}
      <Button
        leftSection={<IconSend size={16} />}
        onClick={run}
        loading={busy}
        disabled={none}
        aria-describedby={none ? 'week-no-drafts' : undefined}
        data-testid="week-submit-drafts"
      >
        {t('records.week.submitDrafts')}
      </Button>
    </Group>
  );
}

/** The drafts the week's button submits: as on the ticket ("submit my drafts"), material records are left out. */
const isSubmittable = (r: ServiceRecord) => r.kind !== 'material';

/** /timesheets — my week (tickets × days) and, for approvers, a team's or a technician's week. */
export default function TimesheetsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const me = useMe();
  const [params, setParams] = useSearchParamsFresh();
  const approver = can('records.approve');
  const weekParam = params.get('week');
  const start = isIsoDate(weekParam) ? weekStart(weekParam) : weekStart(todayIso());
  const view = approver && params.get('view') === 'team' ? 'team' : 'mine';
  const teamId = Number(params.get('teamId')) || null;
  const technicianId = Number(params.get('technicianId')) || null;
  const set = (patch: Record<string, string | null>) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const [k, v] of Object.entries(patch)) if (v === null) next.delete(k); else next.set(k, v);
      return next;
    }, { replace: true });

  const mine = useWeek(start, view === 'mine' ? null : technicianId);
  const teams = useTeams();
  const team = useTeamWeek(start, view === 'team' && !technicianId ? teamId : null);

  return (
    <div data-testid="page-timesheets" data-view={view}>
      <PageHeader
        title={t('records.timesheetsTitle')}
        subtitle={t('records.timesheetsSubtitle')}
        actions={approver ? <Button component={Link} to="/approvals" variant="default" leftSection={<IconChecklist size={16} />} data-testid="timesheets-approvals">{t('nav.approvals')}</Button> : undefined}
      />
      <Stack gap="md">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <WeekNav start={start} onChange={(s) => set({ week: s })} />
          {approver ? (
            <Button.Group>
              {(['mine', 'team'] as const).map((v) => (
                <Button key={v} variant={view === v ? 'filled' : 'default'} aria-pressed={view === v} onClick={() => set({ view: v === 'team' ? 'team' : null })} data-testid={`timesheets-view-${v}`}>
                  {t(`records.week.${v}`)}
                </Button>
              ))}
            </Button.Group>
          ) : null}
        </Group>
        {view === 'team' ? (
          <Group gap="sm" wrap="wrap" align="flex-end">
            <Select
              label={t('records.fields.team')}
              placeholder={teams.data?.length ? t('records.week.pickTeam') : t('records.week.noTeams')}
              data={(teams.data ?? []).map((tm) => ({ value: String(tm.id), label: tm.name }))}
              value={teamId ? String(teamId) : null}
              onChange={(v) => set({ teamId: v, technicianId: null })}
              clearable
              w={{ base: '100%', sm: 260 }}
              data-testid="timesheets-team"
            />
            <UserPicker
              label={t('records.fields.technician')}
              placeholder={t('records.week.pickTechnician')}
              value={technicianId}
              onChange={(v) => set({ technicianId: v ? String(v) : null })}
              w={{ base: '100%', sm: 260 }}
              data-testid="timesheets-technician"
            />
          </Group>
        ) : (
          <Group justify="flex-end">
            <SubmitWeek start={start} technicianId={me.id} />
          </Group>
        )}
        {view === 'mine' ? <ReturnedRecords start={start} technicianId={me.id} /> : null}
        {view === 'mine' || technicianId ? (
          <Sheet query={mine} by="ticket" />
        ) : teamId ? (
          <Sheet query={team} by="technician" />
        ) : (
          <Text c="dimmed" size="sm" data-testid="timesheets-pick">{t('records.week.pickHint')}</Text>
        )}
      </Stack>
    </div>
  );
}
