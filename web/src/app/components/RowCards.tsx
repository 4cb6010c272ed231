import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table's rows as cards on a phone (usePhone): the list keeps the table's test id and says
 * data-layout="cards".
 */
export function RowCards({ testId, children }: { testId: string; children: ReactNode }) {
  return <Stack gap={0} data-testid={testId} data-layout="cards">{children}</Stack>;
}

/**
 * One row as a card: what names the record (with its link) on the left and, beside it, what
 * must stay on screen (a total, a badge); below, the record's state on the left and a note on
 * the right (the lines' columns: .row-card-head and .row-card-foot in global.css). Nothing
 * reaches beyond the right edge: the texts wrap.
 */
export function RowCard({ testId, head, headEnd, foot, footEnd }: {
  testId: string;
  head: ReactNode;
  headEnd?: ReactNode;
  foot: ReactNode;
  footEnd?: ReactNode;
}) {
  return (
    <div className="row-card" data-testid={testId}>
      <div className="row-card-head">
        <div>{head}</div>
        {headEnd ? <div>{headEnd}</div> : null}
      </div>
      <div className="row-card-foot">
        <div>{foot}</div>
        {footEnd ? <div>{footEnd}</div> : null}
      </div>
    </div>
  );
}
