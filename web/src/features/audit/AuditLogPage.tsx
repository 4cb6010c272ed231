import { ActionIcon, Alert, Badge, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParamsFresh } from '../../app/useSearchParamsFresh';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyState, LoadMore, QueryView } from '../../app/components/QueryStates';
import { formatDateTimeSeconds } from '../../app/format';
import { AuditDiff } from './AuditDiff';
import { AuditFiltersBar } from './AuditFilters';
import { type AuditEntry, type AuditFilters, useAuditList } from './api';
import { SYSTEM_ACTORS } from './auditCodes';
import { auditFiltersFrom } from './auditParams';
import { entityName } from './auditValues';
import { VerifyChain } from './VerifyChain';

/** The filter bar's label of each filter (from and to share the period's). */
const FILTER_LABELS: Record<keyof AuditFilters, string> = { entity: 'entity', entityId: 'entityId', actorUserId: 'actor', action: 'action', from: 'dateRange', to: 'dateRange' };

function actionColor(action: string): string {
  if (/delete|deactivat|revoke|fail/.test(action)) return 'red';
  if (/create|add|activat/.test(action)) return 'green';
  if (/sign_in|sign_out|login|logout|password/.test(action)) return 'gray';
  return 'blue';
}

function Actor({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const job = entry.actorUserId === null && entry.actorName ? SYSTEM_ACTORS[entry.actorName] : undefined;
  if (job) return <Text span c="dimmed" size="sm">{t(`audit.systemActors.${job}`)}</Text>;
  if (entry.actorName || entry.actorUserId !== null) {
    return (
      <>
        {entry.actorName ?? entry.actorUserName ?? `#${entry.actorUserId}`}
        {entry.actorTokenId !== null ? (
          <Text span size="xs" c="dimmed"> · {t('audit.viaToken', { id: entry.actorTokenId })}</Text>
        ) : null}
      </>
    );
  }
  // A sign-in with an e-mail no user has: the e-mail tried is who it was.
  const triedEmail = entry.action === 'sign_in_failed' ? entry.after?.email : undefined;
  if (typeof triedEmail === 'string') return <>{triedEmail}</>;
  return <Text span c="dimmed" size="sm">{t('audit.system')}</Text>;
}

/** The entity by its name now (a setting by what it sets), with its id on hover; one deleted since by its id, marked so. */
function EntityName({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const name = entityName(t, entry);
  if (name !== null) {
    return <Text span inherit title={entry.entityId === null ? undefined : `#${entry.entityId}`} data-testid="audit-entity-label"> {name}</Text>;
  }
  if (entry.entityId === null) return null;
  if (entry.entityDeleted) {
    return <Text span c="dimmed" fs="italic" data-testid="audit-entity-deleted"> {t('audit.deletedRef', { id: entry.entityId })}</Text>;
  }
  return <Text span c="dimmed"> #{entry.entityId}</Text>;
}

export default function AuditLogPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParamsFresh();
  const { filters, ignored } = auditFiltersFrom(params);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const query = useAuditList(filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  const change = (patch: Partial<AuditFilters>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );

  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div data-testid="page-audit">
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} actions={<VerifyChain />} />
      <AuditFiltersBar filters={filters} onChange={change} onClear={() => setParams({}, { replace: true })} />
      {ignored.length > 0 ? (
        <Alert color="yellow" mb="md" data-testid="audit-ignored-filters">
          {t('audit.ignoredFilters', { filters: [...new Set(ignored.map((k) => t(`audit.filters.${FILTER_LABELS[k]}`)))].join(', ') })}
        </Alert>
      ) : null}
      <QueryView framed query={query} isEmpty={() => items.length === 0} empty={<EmptyState title={t('audit.empty')} />}>
        {() => (
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={44} />
                  <Table.Th>{t('audit.at')}</Table.Th>
                  <Table.Th>{t('audit.actor')}</Table.Th>
                  <Table.Th>{t('audit.entity')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.ip')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => {
                  const expanded = open.has(e.id);
                  return (
                    <Fragment key={e.id}>
                      <Table.Tr className="clickable-row" onClick={() => toggle(e.id)} data-testid={`audit-row-${e.id}`} data-entity={e.entity} data-action={e.action}>
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            size="sm"
                            aria-expanded={expanded}
                            aria-controls={`audit-detail-${e.id}`}
                            aria-label={expanded ? t('audit.collapse') : t('audit.expand')}
                            onClick={(ev) => {
                              ev.stopPropagation();
                              toggle(e.id);
                            }}
                          >
                            {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                          </ActionIcon>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTimeSeconds(e.at)}</Table.Td>
                        <Table.Td>
                          <Actor entry={e} />
                        </Table.Td>
                        <Table.Td>
                          {t(`audit.entities.${e.entity}`, { defaultValue: e.entity })}
                          <EntityName entry={e} />
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={actionColor(e.action)}>
                            {t(`audit.actions.${e.action}`, { defaultValue: e.action })}
                          </Badge>
                        </Table.Td>
                        <Table.Td className="mono">{e.ip ?? '—'}</Table.Td>
                      </Table.Tr>
                      {expanded ? (
                        <Table.Tr id={`audit-detail-${e.id}`}>
                          <Table.Td colSpan={6} bg="var(--mantine-color-gray-light)">
                            <AuditDiff entry={e} />
                          </Table.Td>
                        </Table.Tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      <LoadMore hasMore={!!query.hasNextPage} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} testId="audit-load-more" />
    </div>
  );
}
