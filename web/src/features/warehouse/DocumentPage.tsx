import { Button } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth/AuthProvider';
import { ErrorState, LoadingState, NotFoundState } from '../../app/components/QueryStates';
import { recordIdFrom } from '../../app/components/recordId';
import { useNotFoundText } from '../../app/components/RecordPage';
import { ForbiddenPage } from '../../app/components/StatusPages';

import { type DocumentKind, type StockDocument, useDocument, useWarehouses } from './api';
import { DocumentStateBadge, documentTitle } from './DocumentBadges';
import { DocumentForm } from './DocumentForm';
import { DocumentView } from './DocumentView';
import { documentValues, emptyDocument, kindFromPath, KIND_PATHS, permissionForKind, returnValues } from './model';
import { WarehouseHeader } from './WarehouseHeader';
import { todayIso } from '../../app/format';

function BackLink({ kind }: { kind: DocumentKind }) {
  const { t } = useTranslation();
  return (
    <Button component={Link} to={`/warehouse/${KIND_PATHS[kind]}`} variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} />} mb="xs">
      {t(`warehouse.tabs.${KIND_PATHS[kind]}`)}
    </Button>
  );
}

/** A new document of the kind in the URL; a return (?returns=<slip id>) starts from the slip's lines. */
function NewDocument({ kind }: { kind: DocumentKind }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const returnsId = Number(params.get('returns') ?? NaN);
  const slip = useDocument(kind === 'return' ? returnsId : NaN);
  const warehouses = useWarehouses();
  const ready = warehouses.isSuccess && (kind !== 'return' || !Number.isFinite(returnsId) || slip.isSuccess);
  const initial = useMemo(() => {
    if (!ready) return null;
    if (kind === 'return' && slip.data) return returnValues(slip.data, todayIso());
    const mine = warehouses.data?.find((w) => w.isMyDefault) ?? warehouses.data?.find((w) => w.canUse && w.kind === 'store') ?? null;
    return emptyDocument(kind, todayIso(), kind === 'receipt' || kind === 'count' ? (warehouses.data?.find((w) => w.kind === 'store' && w.active)?.id ?? mine?.id ?? null) : (mine?.id ?? null));
  }, [ready, kind, slip.data, warehouses.data]);
  if (warehouses.isError) return <ErrorState error={warehouses.error} onRetry={() => void warehouses.refetch()} />;
  if (slip.isError) return <ErrorState error={slip.error} onRetry={() => void slip.refetch()} />;
  if (!initial) return <LoadingState />;
  const slipLabel = slip.data ? documentTitle(t, slip.data) : null;
  return (
    <DocumentForm
      initial={initial}
      draft={null}
      returnsLabel={kind === 'return' ? slipLabel : null}
      ticketLabel={slip.data?.ticket ? `${slip.data.ticket.number} · ${slip.data.ticket.subject}` : null}
    />
  );
}

function ExistingDocument({ doc }: { doc: StockDocument }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const returned = useDocument(doc.returnsDocumentId ?? NaN);
  const initial = useMemo(() => documentValues(doc), [doc]);
  if (doc.state === 'confirmed' || !can(permissionForKind(doc.kind))) return <DocumentView doc={doc} />;
  return (
    <DocumentForm
      key={`${doc.id}-${doc.version ?? doc.updatedAt ?? ''}`}
      initial={initial}
      draft={doc}
      returnsLabel={doc.returnsDocumentId !== null ? (returned.data ? documentTitle(t, returned.data) : String(doc.returnsDocumentId)) : null}
      ticketLabel={doc.ticket ? `${doc.ticket.number} · ${doc.ticket.subject}` : null}
    />
  );
}

/** /warehouse/<kind>/new and /warehouse/documents/:id — the form of a new or draft document, or a confirmed one read-only. */
export default function DocumentPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { pathname } = useLocation();
  const idParam = useParams().id;
  const isNew = idParam === undefined;
  const id = recordIdFrom(idParam);
  const newKind = kindFromPath(pathname.split('/')[2]);
  const query = useDocument(id ?? NaN);
  // Which list a missing document belonged to is not known: the way back is the warehouse, whose tabs list every kind.
  const notFound = useNotFoundText('warehouse.documents.notFound', '/warehouse');

  if (isNew) {
    const kind = newKind ?? 'receipt';
    if (!can(permissionForKind(kind))) return <ForbiddenPage />;
    return (
      <div data-testid="page-document-new" data-kind={kind}>
        <BackLink kind={kind} />
        <WarehouseHeader withTabs={false} title={t(`warehouse.documents.new.${kind}`)} subtitle={t(`warehouse.documents.subtitle.${kind}`)} />
        <NewDocument kind={kind} />
      </div>
    );
  }
  // /warehouse/documents/abc names no document: "not found" (it used to open a new receipt).
  if (id === null) return <NotFoundState notFound={notFound} />;
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} notFound={notFound} />;
  const doc = query.data;
  return (
    <div data-testid="page-document" data-document-id={doc.id} data-kind={doc.kind} data-state={doc.state} data-number={doc.number ?? ''}>
      <BackLink kind={doc.kind} />
      <WarehouseHeader
        withTabs={false}
        title={<span className={doc.number ? 'mono' : undefined} data-testid="document-number">{documentTitle(t, doc)}</span>}
        subtitle={t(`warehouse.kindsOne.${doc.kind}`)}
        actions={<DocumentStateBadge state={doc.state} testId="document-state" />}
      />
      <ExistingDocument doc={doc} />
    </div>
  );
}
