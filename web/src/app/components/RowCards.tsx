import { Stack } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

/**
 * A table's rows as cards on a phone (usePhone): the list keeps the table's test id and says
 * data-layout="cards".
 */
export function RowCards({ testId, children }: { testId: string; children: ReactNode }) {
  return <Stack gap={0} data-testid={testId} data-layout="cards">{children}</Stack>;
}

/** What a table row says about itself (data-state, data-quantity…): its card says the same. */
type DataAttributes = { [name: `data-${string}`]: string | number | undefined };

/**
 * One row as a card: what names the record (with its link) on the left and, beside it, what
 * must stay on screen (a total, a badge); under them, lines the whole card wide (details, a
 * problem); below, the record's state on the left and a note or its buttons on the right (the
 * lines' columns: .row-card-head and .row-card-foot in global.css). A card without state and
 * note has no bottom line. Nothing reaches beyond the right edge: the texts wrap.
 */
export function RowCard({ testId, head, headEnd, body, foot, footEnd, style, ...data }: {
  testId?: string;
  head: ReactNode;
  headEnd?: ReactNode;
  body?: ReactNode;
  foot?: ReactNode;
  footEnd?: ReactNode;
  style?: CSSProperties;
} & DataAttributes) {
  return (
    <div className="row-card" data-testid={testId} style={style} {...data}>
      <div className="row-card-head">
        <div>{head}</div>
        {headEnd ? <div>{headEnd}</div> : null}
      </div>
      {body ? <div>{body}</div> : null}
      {foot || footEnd ? (
        <div className="row-card-foot">
          <div>{foot}</div>
          {footEnd ? <div>{footEnd}</div> : null}
        </div>
      ) : null}
    </div>
  );
}
