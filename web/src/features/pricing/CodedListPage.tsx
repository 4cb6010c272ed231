import { useTranslation } from 'react-i18next';
import { CodeNameModal } from '../admin/shared/CodeNameModal';
import { notifySaved } from '../admin/shared/notify';
import { type Coded, useCatalogue, useSaveCatalogue } from './catalogueApi';
import { CatalogueListPage } from './CatalogueListPage';

type Kind = 'levels' | 'zones';
const PATHS = { levels: 'technician-levels', zones: 'travel-zones' } as const;

function CodedModal({ kind, item, onClose }: { kind: Kind; item: Coded | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCatalogue<Coded>(PATHS[kind]);
  return (
    <CodeNameModal
      title={item ? item.name : t(`pricing.${kind}.new`)}
      initial={item ? { code: item.code, name: item.name, active: item.active } : null}
      testId={kind === 'levels' ? 'level' : 'zone'}
      pending={save.isPending}
      error={save.error}
      onSubmit={(body) => save.mutateAsync({ id: item?.id ?? null, body: { ...body } }).then(() => notifySaved(t('pricing.saved')))}
      onClose={onClose}
    />
  );
}

/** Lists of a code and a name: technician levels (/admin/pricing/levels) and travel zones (/admin/pricing/zones). */
function CodedListPage({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const list = useCatalogue<Coded>(PATHS[kind], 'all');
  return (
    <CatalogueListPage
      testId={kind}
      query={list}
      newLabel={t(`pricing.${kind}.new`)}
      emptyTitle={t(`pricing.${kind}.empty`)}
      hint={t(`pricing.${kind}.hint`)}
      modal={(item, onClose) => <CodedModal kind={kind} item={item} onClose={onClose} />}
    />
  );
}

export function LevelsPage() {
  return <CodedListPage kind="levels" />;
}

export function ZonesPage() {
  return <CodedListPage kind="zones" />;
}
