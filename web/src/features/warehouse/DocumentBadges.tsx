import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentState, StockDocument } from './api';

export function DocumentStateBadge({ state, testId }: { state: DocumentState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={state === 'confirmed' ? 'green' : 'gray'} data-testid={testId} data-state={state}>
      {t(`warehouse.states.${state}`)}
    </Badge>
  );
}

/** The document's number, or "Draft #12" while it has none. */
export function documentTitle(t: (key: string, o?: Record<string, unknown>) => string, d: Pick<StockDocument, 'id' | 'number' | 'kind'>): string {
  return d.number ?? t('warehouse.documents.draftTitle', { kind: t(`warehouse.kindsOne.${d.kind}`), id: d.id });
}
