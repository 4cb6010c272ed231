import { useEffect } from 'react';

/** The product's name, at the end of every browser title and alone while a page has no name of its own. */
export const PRODUCT_NAME = 'Kontor';

/**
 * A page's browser title: "<page> · Kontor" (the tab, the history and a screen reader's
 * announcement after navigation tell pages apart); whitespace of the heading's text is folded.
 */
export function documentTitle(page: string | null | undefined): string {
  const name = page?.replace(/\s+/g, ' ').trim();
  return name ? `${name} · ${PRODUCT_NAME}` : PRODUCT_NAME;
}

/** Sets the browser title while the page is shown; "Kontor" again when it goes, until the next page names itself. */
export function useDocumentTitle(page: string | null | undefined): void {
  useEffect(() => {
    document.title = documentTitle(page);
  }, [page]);
  useEffect(
    () => () => {
      document.title = PRODUCT_NAME;
    },
    [],
  );
}
