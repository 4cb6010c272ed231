import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { NotFoundState, type NotFoundText } from './QueryStates';
import { recordIdFrom } from './recordId';

/**
 * What a record's page says when the record is not there or not visible to the user:
 * the texts `<keyPrefix>.title`, `.text` (which names both: the server answers 404 for
 * either) and `.back`, the label of the way back to `listPath`, the record's list.
 */
export function useNotFoundText(keyPrefix: string, listPath: string): NotFoundText {
  const { t } = useTranslation();
  return { title: t(`${keyPrefix}.title`), text: t(`${keyPrefix}.text`), back: { to: listPath, label: t(`${keyPrefix}.back`) } };
}

/**
 * A page of one record (/clients/:id …): its content gets the id from the address; an
 * address that names no record (/clients/abc) is "not found" at once, with the way back,
 * and no request goes out. The content passes the same `notFound` to its ErrorState.
 */
export function RecordPage({ notFound, children }: { notFound: NotFoundText; children: (id: number) => ReactNode }) {
  const id = recordIdFrom(useParams().id);
  // Another record's address (a link from one to another) starts its page afresh: nothing typed or opened on the first carries over.
  return id === null ? <NotFoundState notFound={notFound} /> : <Fragment key={id}>{children(id)}</Fragment>;
}
