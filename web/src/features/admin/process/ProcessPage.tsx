import { Badge, Button, Group } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../app/components/PageHeader';
import { ErrorState, LoadingState, type NotFoundText } from '../../../app/components/QueryStates';
import { RecordPage, useNotFoundText } from '../../../app/components/RecordPage';
import { useCustomFields } from '../catalog/api';
import { ActiveBadge } from '../shared/ActiveBadge';
import '../shared/admin.css';
import { useStateTicketCounts, useTicketType } from './api';
import { ProcessEditor } from './ProcessEditor';
import { TicketTypeModal } from './TicketTypeModal';
import { typeLabel } from '../../tickets/labels';

/** /admin/ticket-types/:id — a type's process: states, transitions and their details. */
export default function ProcessPage() {
  const notFound = useNotFoundText('admin.types.notFound', '/admin/ticket-types');
  return <RecordPage notFound={notFound}>{(id) => <Process id={id} notFound={notFound} />}</RecordPage>;
}

function Process({ id, notFound }: { id: number; notFound: NotFoundText }) {
  const { t } = useTranslation();
  const type = useTicketType(id);
  const fields = useCustomFields(id);
  const counts = useStateTicketCounts(id);
  const stateTickets = useMemo(() => (counts.data ? new Map(counts.data.items.map((c) => [c.code, c.tickets])) : undefined), [counts.data]);
  const [editing, setEditing] = useState(false);

  if (type.isPending) return <LoadingState />;
  if (type.isError) return <ErrorState error={type.error} onRetry={() => void type.refetch()} notFound={notFound} />;
  const tt = type.data;
  return (
    <div data-testid="page-process">
      <Button component={Link} to="/admin/ticket-types" variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} />} mb="xs">
        {t('admin.types.backToList')}
      </Button>
      <PageHeader
        title={<span data-testid="process-type-name">{typeLabel(t, tt)}</span>}
        subtitle={t('admin.process.subtitle')}
        badge={
          <Group gap={6}>
            <Badge variant="outline" color="gray" tt="none" className="mono">{tt.code}</Badge>
            <ActiveBadge active={tt.active} />
          </Group>
        }
        actions={
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)} data-testid="process-edit-type">
            {t('admin.types.edit')}
          </Button>
        }
      />
      {/* A changed process (after a save) starts a fresh draft. */}
      <ProcessEditor key={JSON.stringify([tt.states, tt.transitions])} type={tt} fields={fields.data?.items ?? []} onReload={() => { void type.refetch(); void counts.refetch(); }} stateTickets={stateTickets} />
      {editing ? <TicketTypeModal type={tt} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
