import { ActionIcon, Anchor, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDayMonth, formatDayRange, formatHm, formatKm, formatWeekday } from './format';
import { addDays, cellFace, type GridCell, hiddenSides, moneySum, scrollToShow, weekStart, type WeekGrid } from './week';
import { todayIso } from '../../app/format';

/** Previous / this / next week, and which days it spans. */
export function WeekNav({ start, onChange }: { start: string; onChange: (start: string) => void }) {
  const { t } = useTranslation();
  const thisWeek = weekStart(todayIso());
  return (
    <Group gap="xs" wrap="nowrap" data-testid="week-nav" data-start={start}>
      <ActionIcon variant="default" size="lg" onClick={() => onChange(addDays(start, -7))} aria-label={t('records.week.previous')} data-testid="week-prev">
        <IconChevronLeft size={18} />
      </ActionIcon>
      <Text fw={600} size="sm" miw={150} ta="center" data-testid="week-range">
        {formatDayRange(start, addDays(start, 6))}
      </Text>
      <ActionIcon variant="default" size="lg" onClick={() => onChange(addDays(start, 7))} aria-label={t('records.week.next')} data-testid="week-next">
        <IconChevronRight size={18} />
      </ActionIcon>
      {start !== thisWeek ? (
        <Button variant="subtle" size="compact-sm" onClick={() => onChange(thisWeek)} data-testid="week-this">{t('records.week.thisWeek')}</Button>
      ) : null}
    </Group>
  );
}

function Money({ cell, testId }: { cell: GridCell; testId: string }) {
  if (cell.money.length === 0) return null;
  // Right-aligned like the time and km above it: the numbers of a column line up.
  return (
    <Text size="xs" c="dimmed" ta="right" style={{ whiteSpace: 'nowrap' }} data-testid={`${testId}-money`}>
      {moneySum(cell.money, 'amountMinor')}
    </Text>
  );
}

function Cell({ cell, testId, strong }: { cell: GridCell; testId: string; strong?: boolean }) {
  const { t } = useTranslation();
  const face = cellFace(cell);
  const km = (kmMilli: number) => <Text span inherit data-testid={`${testId}-km`} data-km-milli={kmMilli}>{formatKm(kmMilli)}</Text>;
  return (
    <>
      <Group gap={4} justify="flex-end" wrap="nowrap">
        {cell.unpriced ? (
          <Tooltip label={t('records.unpricedCount', { count: cell.unpriced })}>
            <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-label={t('records.unpricedCount', { count: cell.unpriced })} />
          </Tooltip>
        ) : null}
        {face.untimed !== null ? (
          <Tooltip label={t('records.week.untimedHint', { count: face.untimed })}>
            <Text size="xs" fw={strong ? 700 : 400} c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid={testId} data-minutes={0} data-untimed={face.untimed}>
              {t('records.week.untimedShort', { count: face.untimed })}
            </Text>
          </Tooltip>
        ) : face.minutes === null && face.kmMilli !== null ? (
          // km-only travel: the distance stands where the time would (the tooltip still counts the records without time).
          <Tooltip label={t('records.week.untimedHint', { count: cell.records })}>
            <Text size="sm" fw={strong ? 700 : 500} style={{ whiteSpace: 'nowrap' }} data-testid={testId} data-minutes={0}>
              {km(face.kmMilli)}
            </Text>
          </Tooltip>
        ) : (
          <Text size="sm" fw={strong ? 700 : face.minutes ? 500 : 400} c={face.minutes ? undefined : 'dimmed'} data-testid={testId} data-minutes={cell.minutes}>
            {face.minutes ? formatHm(face.minutes) : '·'}
          </Text>
        )}
      </Group>
      {face.minutes !== null && face.kmMilli !== null ? (
        <Text size="xs" c="dimmed" ta="right" style={{ whiteSpace: 'nowrap' }}>{km(face.kmMilli)}</Text>
      ) : null}
      {cell.nonBillable && cell.billable ? <Text size="xs" c="dimmed" ta="right">{t('records.week.nonBillableShort', { time: formatHm(cell.nonBillable) })}</Text> : null}
    </>
  );
}

/** A week as a grid: rows (tickets of a technician, or technicians of a team) × days, with totals. */
export function WeekGridTable({ grid, by }: { grid: WeekGrid; by: 'ticket' | 'technician' }) {
  const { t } = useTranslation();
  const today = todayIso();
  const dayClass = (day: string) => (day === today ? 'week-grid-today' : undefined);
  const scroller = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState({ left: false, right: false });
  const measure = useCallback(() => {
    const el = scroller.current;
    if (el) setHidden(hiddenSides(el.scrollLeft, el.scrollWidth, el.clientWidth));
  }, []);
  // Where the grid is wider than the screen (a phone shows two or three days), today's
  // column is scrolled into view; shades and a line of text say that more lies aside.
  useLayoutEffect(() => {
    const el = scroller.current;
    const column = el?.querySelector<HTMLElement>('th.week-grid-today');
    const sticky = el?.querySelector<HTMLElement>('th.week-grid-first');
    if (el && column) {
      const left = scrollToShow({ left: column.offsetLeft, width: column.offsetWidth }, { scrollLeft: el.scrollLeft, width: el.clientWidth, stickyWidth: sticky?.offsetWidth ?? 0 });
      if (left !== null) el.scrollLeft = left;
    }
    measure();
  }, [grid.days, today, measure]);
  const cue = [hidden.left ? 'week-scroll-more-left' : '', hidden.right ? 'week-scroll-more-right' : ''].join(' ').trim();
  return (
    <div>
      {/* Above the shaded box, not in it: the shades run its full height and lay over the text. */}
      {hidden.left || hidden.right ? <Text size="xs" c="dimmed" mb={4} data-testid="week-scroll-hint">{t('records.week.scrollHint')}</Text> : null}
      <div className={`week-scroll ${cue}`} data-testid="week-scroll" data-hidden-left={hidden.left} data-hidden-right={hidden.right}>
        <Table.ScrollContainer minWidth={760} type="native" ref={scroller} onScroll={measure} data-testid="week-scroll-area">
          <Table className="week-grid" data-testid="week-grid" data-by={by} verticalSpacing={6} withRowBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th className="week-grid-first">{by === 'ticket' ? t('records.fields.ticket') : t('records.fields.technician')}</Table.Th>
                {grid.days.map((day) => (
                  <Table.Th key={day} ta="right" className={dayClass(day)}>
                    <Text size="xs" tt="capitalize" fw={700}>{formatWeekday(day)}</Text>
                    <Text size="xs" c="dimmed">{formatDayMonth(day)}</Text>
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t('records.week.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grid.rows.map((row) => (
                <Table.Tr key={row.id} data-testid={`week-row-${row.id}`}>
                  <Table.Td className="week-grid-first">
                    {by === 'ticket' ? (
                      <>
                        <Anchor component={Link} to={`/tickets/${row.id}`} size="sm" className="mono">{row.label}</Anchor>
                        <Text size="xs" c="dimmed" lineClamp={1}>{row.sub}</Text>
                      </>
                    ) : (
                      <Text size="sm" fw={500}>{row.label}</Text>
                    )}
                  </Table.Td>
                  {row.cells.map((cell, i) => (
                    <Table.Td key={i} className={dayClass(grid.days[i] ?? '')}>
                      <Cell cell={cell} testId={`week-cell-${row.id}-${i}`} />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Cell cell={row.total} testId={`week-row-total-${row.id}`} strong />
                    <Money cell={row.total} testId={`week-row-total-${row.id}`} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th className="week-grid-first">{t('records.week.total')}</Table.Th>
                {grid.dayTotals.map((cell, i) => (
                  <Table.Td key={i} className={dayClass(grid.days[i] ?? '')}>
                    <Cell cell={cell} testId={`week-day-total-${i}`} strong />
                    <Money cell={cell} testId={`week-day-total-${i}`} />
                  </Table.Td>
                ))}
                <Table.Td>
                  <Cell cell={grid.total} testId="week-total" strong />
                  <Money cell={grid.total} testId="week-total" />
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </div>
    </div>
  );
}
