import { Button, Group, Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecks, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParamsFresh } from '../../app/useSearchParamsFresh';
import { isApiError } from '../../app/api/client';
import type { TFunction } from 'i18next';
import { PageHeader } from '../../app/components/PageHeader';
import { usePageShortcuts } from '../../app/components/useShortcuts';
import { byTestId, rowsToTry, useKeepFocusInList } from '../../app/components/listFocus';
import { EmptyState, LoadMore, QueryView } from '../../app/components/QueryStates';
import { exportUrl, type RecordFilters, type ServiceRecord, useApproveRecords, useRecordsList } from './api';
import { ALL_STATES, ApprovalFilters } from './ApprovalFilters';
import { APPROVAL_SHORTCUTS } from './approvalKeys';
import { approvableSelection } from './approvalSelection';
import { ApprovalsTable } from './ApprovalsTable';
import { recordDetail, recordError } from './errors';
import { ReturnModal } from './ReturnModal';

/** Each refused id with its reasons, from a 409 approval_refused (or a single refusal). */
function refusals(t: TFunction, error: unknown, ids: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!isApiError(error)) return out;
  const rejected = Array.isArray(error.extra.rejected) ? (error.extra.rejected as { id: number; reasons: { path: string; code: string; message: string }[] }[]) : [];
  for (const r of rejected) out.set(r.id, r.reasons.map((d) => recordDetail(t, d)));
  if (rejected.length === 0 && ids.length === 1) out.set(ids[0]!, [recordError(t, error)]);
  return out;
}

const num = (v: string | null) => (v && Number(v) > 0 ? Number(v) : null);

/** /approvals — the records waiting for approval (state=submitted by default), bulk approve, return, export. */
export default function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParamsFresh();
  const filters: RecordFilters = useMemo(() => {
    const state = params.get('state');
    return {
      state: state === ALL_STATES ? null : state ?? 'submitted',
      technicianId: num(params.get('technicianId')), clientId: num(params.get('clientId')),
      from: params.get('from'), to: params.get('to'), kind: params.get('kind'),
    };
  }, [params]);
  const list = useRecordsList(filters);
  const approve = useApproveRecords();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [problems, setProblems] = useState<Map<number, string[]>>(new Map());
  const [busyId, setBusyId] = useState<number | null>(null);
  const [returning, setReturning] = useState<ServiceRecord | null>(null);
  const records = list.data?.pages.flatMap((p) => p.items) ?? [];
  const clientFilterRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const keepFocus = useKeepFocusInList(list.data);
  // Approved records leave the queue, with the button that approved one; "Approve selected" turns
  // disabled. The focus stays in the list: on the approve button of the row now in the approved one's
  // place, or on the first remaining row's checkbox, or the list itself once it is empty.
  const firstRow = () => listRef.current?.querySelector<HTMLElement>('[data-testid^="approvals-check-"]:not(:disabled)') ?? listRef.current;
  const focusAfterApproval = (ids: number[], one: boolean) => {
    const rows = one && ids[0] !== undefined ? rowsToTry(records.map((r) => r.id), ids[0]) : [];
    keepFocus(() => rows.map((id) => byTestId(`approvals-approve-${id}`)).find((el) => el) ?? firstRow());
  };
  usePageShortcuts(APPROVAL_SHORTCUTS, { clientFilter: () => clientFilterRef.current?.focus() });

  const setFilters = (patch: Partial<RecordFilters>) => {
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const [k, v] of Object.entries(patch)) {
        if (k === 'state') next.set('state', v === null ? ALL_STATES : String(v));
        else if (v === null || v === undefined || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      if (next.get('state') === 'submitted') next.delete('state');
      return next;
    }, { replace: true });
    setSelected(new Set());
    setProblems(new Map());
  };

  const run = (ids: number[], one: boolean) => {
    setProblems(new Map());
    setBusyId(one ? (ids[0] ?? null) : null);
    approve.mutate(ids, {
      onSuccess: (r) => {
        notifications.show({ color: 'green', message: t('records.approvals.approved', { count: r.approved.length }) });
        setSelected((s) => new Set([...s].filter((id) => !r.approved.includes(id))));
        focusAfterApproval(ids, one);
      },
      onError: (error) => {
        setProblems(refusals(t, error, ids));
        notifications.show({ color: 'red', message: recordError(t, error) });
      },
      onSettled: () => setBusyId(null),
    });
  };

  const exportFilters = { ...filters };
  const selectedIds = approvableSelection(records, selected);
  return (
    <div data-testid="page-approvals">
      <PageHeader
        title={t('records.approvals.title')}
        subtitle={t('records.approvals.subtitle')}
        actions={
          <>
            <Button component="a" href={exportUrl('csv', exportFilters, i18n.language)} download variant="default" leftSection={<IconFileTypeCsv size={16} />} data-testid="approvals-export-csv">CSV</Button>
            <Button component="a" href={exportUrl('xlsx', exportFilters, i18n.language)} download variant="default" leftSection={<IconFileSpreadsheet size={16} />} data-testid="approvals-export-xlsx">XLSX</Button>
          </>
        }
      />
      <ApprovalFilters filters={filters} onChange={setFilters} clientFilterRef={clientFilterRef} />
      <Paper withBorder ref={listRef} tabIndex={-1} role="region" aria-label={t('records.approvals.title')} data-testid="approvals-list">
        <Group justify="space-between" p="sm" wrap="wrap" gap="xs">
          <Button leftSection={<IconChecks size={16} />} color="green" disabled={selectedIds.length === 0} loading={approve.isPending && busyId === null} onClick={() => run(selectedIds, false)} data-testid="approvals-approve">
            {t('records.approvals.approveSelected', { count: selectedIds.length })}
          </Button>
        </Group>
        <QueryView query={list} isEmpty={() => records.length === 0} empty={<EmptyState title={filters.state === 'submitted' ? t('records.approvals.empty') : t('records.approvals.emptyFiltered')} />}>
          {() => (
            <ApprovalsTable
              records={records}
              selected={selected}
              problems={problems}
              busyId={busyId}
              onToggle={(id, on) => setSelected((s) => { const n = new Set(s); if (on) n.add(id); else n.delete(id); return n; })}
              onToggleAll={(on) => setSelected(on ? new Set(records.filter((r) => r.state === 'submitted').map((r) => r.id)) : new Set())}
              onApprove={(r) => run([r.id], true)}
              onReturn={setReturning}
            />
          )}
        </QueryView>
      </Paper>
      <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} testId="approvals-load-more" />
      {returning ? (
        <ReturnModal
          record={returning}
          onClose={() => setReturning(null)}
          onDone={() => {
            setReturning(null);
            notifications.show({ color: 'green', message: t('records.return.done') });
          }}
        />
      ) : null}
    </div>
  );
}
