// What is below its minimum, said where people look besides the stock table: the count on
// the Warehouse menu item (and, by belowMinimumText, on the home page's card).
import { Badge, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type TicketCount, ticketCountLabel } from '../tickets/ticketCount';
import { useBelowMinimumCount } from './api';

/** "Pod minimem: 3 položky" ("10 000+" when the count stopped at its cap). */
export function belowMinimumText(t: TFunction, below: TicketCount): string {
  return t('warehouse.levels.belowItems', { count: below.count, number: ticketCountLabel(below) });
}

/**
 * The Warehouse menu item's badge: how many levels are below their minimum; nothing while
 * none is (or the count is not read yet). A screen reader hears the whole sentence, not a bare number.
 */
export function BelowMinimumNavBadge() {
  const { t } = useTranslation();
  const below = useBelowMinimumCount(true);
  if (!below.data || below.data.count === 0) return null;
  const text = belowMinimumText(t, below.data);
  return (
    <Badge size="sm" color="orange" variant="filled" title={text} data-testid="nav-warehouse-below" data-count={below.data.count}>
      <span aria-hidden>{ticketCountLabel(below.data)}</span>
      <VisuallyHidden>{text}</VisuallyHidden>
    </Badge>
  );
}
