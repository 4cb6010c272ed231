import { Accordion, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../app/format';
import { type HolidayCountry, type PublicHoliday, type TimeWindow, usePublicHolidays, type Weekday } from './api';
import { dayOffHints, type DayOffHint, holidayYearsWanted } from './slaModel';

/** A holiday's name in the user's language; the server's English name for a code the app does not know yet. */
export function holidayName(t: TFunction, holiday: PublicHoliday): string {
  return t(`admin.calendars.holidayNames.${holiday.code}`, { defaultValue: holiday.name });
}

interface CountryYearHolidays {
  country: HolidayCountry;
  year: number;
  /** Undefined while loading. */
  holidays: PublicHoliday[] | undefined;
}

/**
 * What a calendar form shows about public holidays: each chosen country's
 * holidays this year and next, and hints for own days off that the calendar is
 * closed on anyway (a holiday already, or a closed weekday).
 */
export function useCalendarHolidays(values: { holidayCountries: HolidayCountry[]; extraDaysOff: string[]; weekly: Record<Weekday, TimeWindow[]> }) {
  const thisYear = new Date().getFullYear();
  const wanted = holidayYearsWanted(values.holidayCountries, values.extraDaysOff, thisYear);
  const loaded = usePublicHolidays(wanted);
  const all: CountryYearHolidays[] = wanted.map((w, i) => ({ ...w, holidays: loaded[i] }));
  const lists = all.filter((x) => x.year === thisYear || x.year === thisYear + 1);
  const hints = dayOffHints(values.extraDaysOff, values.weekly, all.flatMap((x) => x.holidays ?? []));
  return { lists, hints };
}

/** Per chosen country, a fold with its holidays this year and next, dated and named. */
export function PublicHolidayLists({ lists }: { lists: CountryYearHolidays[] }) {
  const { t } = useTranslation();
  const countries = [...new Set(lists.map((x) => x.country))];
  if (countries.length === 0) return null;
  return (
    <Accordion multiple variant="contained" chevronPosition="left" data-testid="calendar-public-holidays">
      {countries.map((country) => {
        const years = lists.filter((x) => x.country === country);
        return (
          <Accordion.Item key={country} value={country}>
            <Accordion.Control data-testid={`calendar-public-holidays-${country}`}>
              <Text size="sm">
                {t('admin.calendars.holidaysOf', { country: t(`admin.calendars.holidayCountries.${country}`), years: years.map((y) => y.year).join(', ') })}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {years.map(({ year, holidays }) => (
                  <Stack gap={2} key={year} data-testid={`calendar-public-holidays-${country}-${year}`}>
                    <Text size="sm" fw={500}>{t('admin.calendars.holidaysInYear', { year })}</Text>
                    {holidays === undefined ? (
                      <Text size="xs" c="dimmed">{t('common.loading')}</Text>
                    ) : (
                      <Table verticalSpacing={1} withRowBorders={false}>
                        <Table.Tbody>
                          {holidays.map((h) => (
                            <Table.Tr key={h.date}>
                              <Table.Td w={100} style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}><Text size="xs">{formatDate(h.date)}</Text></Table.Td>
                              <Table.Td><Text size="xs">{holidayName(t, h)}</Text></Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    )}
                  </Stack>
                ))}
              </SimpleGrid>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}

function hintText(t: TFunction, hint: DayOffHint): string {
  const date = formatDate(hint.date);
  return hint.kind === 'holiday'
    ? t('admin.calendars.dayOffIsHoliday', { date, holiday: holidayName(t, hint.holiday) })
    : t('admin.calendars.dayOffIsClosed', { date, weekday: t(`admin.calendars.weekdays.${hint.weekday}`) });
}

/** Hints, not errors: the day may stay (a law may change), it just adds nothing today. */
export function DayOffHints({ hints }: { hints: DayOffHint[] }) {
  const { t } = useTranslation();
  if (hints.length === 0) return null;
  return (
    <Stack gap={0} mt={4} data-testid="calendar-day-hints">
      {hints.map((hint) => <Text key={hint.date} size="xs" c="yellow.8">{hintText(t, hint)}</Text>)}
    </Stack>
  );
}
