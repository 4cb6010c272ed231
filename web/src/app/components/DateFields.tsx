// The date, month and time fields of every form and filter. They show and read dates in
// the user's Kontor language (not the browser's, as the native date inputs did) and give
// the forms the same strings as before: 'YYYY-MM-DD' and 'YYYY-MM'. A date shows as
// everywhere else in Kontor ("27. 11. 2026", formatDate) and can be typed ("27.11.2026",
// "27. 11. 2026") or picked; the calendar's language and first weekday come from the
// DatesProvider in Providers. Times are Kontor's own 24-hour 'HH:MM' in every language.
import { Input, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DateInput, type DateInputProps, MonthPicker, useDatesContext } from '@mantine/dates';
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTextProblem, dayToMonth, formatDateField, formatMonthField, monthToDay, parseDateField, parseMonthField } from './dateFieldText';
import { parseTimeField } from './timeFieldText';

type DateFieldProps = Omit<DateInputProps, 'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser' | 'minDate' | 'maxDate'> & {
  /** 'YYYY-MM-DD', or '' / null for no date. */
  value?: string | null;
  /** Gets 'YYYY-MM-DD', or '' when the field is emptied. */
  onChange: (value: string) => void;
  /** Earliest and latest day that can be chosen, 'YYYY-MM-DD'. */
  min?: string;
  max?: string;
  'data-testid'?: string;
};

/**
 * A day: typed in the user's format or picked in the calendar.
 *
 * Text that is no day ("31. 2. 2026", "32. 13. 2026") or a day out of range is said at the field
 * when it is left or Enter is pressed, and stays as typed: it is never swapped for the day the
 * field held before, as the calendar input would do. The field then lets go of that day (the form
 * gets ''), so a form cannot be saved on a day nobody typed: a required date refuses, a filter
 * stops filtering by it. Typing a real day, picking one or a new value from outside ends it.
 */
export function DateField({ value, onChange, min, max, clearable, error, onBlur, onKeyDown, onInput, ...rest }: DateFieldProps) {
  const { t } = useTranslation();
  const locale = useDatesContext().getLocale();
  // The text as last typed (null before any typing): whether the input may reformat it when left.
  const [typed, setTyped] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  // While refused, the calendar input keeps the day it held, so that it keeps the typed text too;
  // the form has '' meanwhile.
  const held = useRef<string | null>(null);
  const problem = typed === null ? null : dateTextProblem(typed, min, max);
  useEffect(() => {
    // A day set from outside (a reset, a link) ends the refusal; the '' of letting go does not.
    if (value) {
      setRefused(false);
      setTyped(null);
      held.current = null;
    }
  }, [value]);
  const refuse = () => {
    if (problem === null) return;
    setRefused(true);
    if (value) {
      held.current = value;
      onChange('');
    }
  };
  return (
    <DateInput
      {...rest}
      value={(refused ? held.current : null) ?? (value || null)}
      onChange={(v) => { setRefused(false); setTyped(null); held.current = null; onChange(v ?? ''); }}
      error={refused && problem ? t(problem === 'out_of_range' ? 'common.dateOutOfRange' : 'common.dateInvalid') : error}
      onInput={(e) => { setTyped(e.currentTarget.value); onInput?.(e); }}
      onBlur={(e: FocusEvent<HTMLInputElement>) => { refuse(); onBlur?.(e); }}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') refuse();
        else if (refused && e.key.length === 1) setRefused(false);
        onKeyDown?.(e);
      }}
      // Readable text is shown as Kontor shows a day once the field is left; text that is no day stays.
      fixOnBlur={problem === null}
      valueFormat={(iso) => formatDateField(iso, locale)}
      dateParser={(text) => parseDateField(text)}
      placeholder={rest.placeholder ?? t('common.datePlaceholder')}
      minDate={min}
      maxDate={max}
      clearable={clearable}
      // Emptying the text empties the value (as with the native field); required fields then say so.
      allowDeselect
    />
  );
}

type MonthFieldProps = Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange' | 'rightSection'> & {
  /** 'YYYY-MM', or '' / null for none. */
  value?: string | null;
  /** Gets 'YYYY-MM', or '' when a clearable field is emptied. */
  onChange: (value: string) => void;
  /** Earliest and latest month that can be chosen, 'YYYY-MM'. */
  min?: string;
  max?: string;
  clearable?: boolean;
  'data-testid'?: string;
};

/**
 * A month: typed ("11/2026", "listopad 2026") or picked from the months of a year.
 * Mantine's month picker input cannot be typed into, so this pairs a text field with its
 * month picker the way DateInput pairs one with a calendar.
 */
export function MonthField({ value, onChange, min, max, clearable, onFocus, onBlur, onKeyDown, error, ...rest }: MonthFieldProps) {
  const { t } = useTranslation();
  const locale = useDatesContext().getLocale();
  const [text, setText] = useState(formatMonthField(value, locale));
  const [opened, setOpened] = useState(false);
  // Text left in the field that is no month (or one out of range): kept and said, never swapped silently.
  const [unreadable, setUnreadable] = useState(false);
  const focused = useRef(false);
  // Set while the field itself lets go of its month for unreadable text: that change keeps the text.
  const releasing = useRef(false);
  // A value set from outside (a link, "clear filters", another language) shows at once; what is being typed stays.
  useEffect(() => {
    if (releasing.current) {
      releasing.current = false;
      return;
    }
    if (!focused.current) {
      setText(formatMonthField(value, locale));
      setUnreadable(false);
    }
  }, [value, locale]);

  const inRange = (month: string) => (!min || month >= min) && (!max || month <= max);
  const typed = (next: string) => {
    setText(next);
    setUnreadable(false);
    setOpened(true);
    if (next.trim() === '') {
      if (clearable) onChange('');
      return;
    }
    const month = parseMonthField(next, locale);
    if (month && inRange(month) && month !== value) onChange(month);
  };
  const picked = (month: string) => {
    onChange(month);
    setText(formatMonthField(month, locale));
    setUnreadable(false);
    setOpened(false);
  };

  return (
    <Popover opened={opened} position="bottom-start" trapFocus={false} withRoles={false} onChange={setOpened}>
      <Popover.Target>
        <TextInput
          {...rest}
          autoComplete="off"
          placeholder={rest.placeholder ?? t('common.monthPlaceholder')}
          error={unreadable ? t('common.monthInvalid') : error}
          value={text}
          onChange={(e) => typed(e.currentTarget.value)}
          onFocus={(e: FocusEvent<HTMLInputElement>) => { focused.current = true; releasing.current = false; setOpened(true); onFocus?.(e); }}
          onClick={() => setOpened(true)}
          onBlur={(e: FocusEvent<HTMLInputElement>) => {
            focused.current = false;
            setOpened(false);
            const month = text.trim() === '' ? null : parseMonthField(text, locale);
            if (text.trim() !== '' && (month === null || !inRange(month))) {
              // "13/2026" is not taken as the month the field held before: the text stays with its
              // error, and a clearable field lets go of its month, so nothing runs on one not typed.
              setUnreadable(true);
              if (clearable && value) {
                releasing.current = true;
                onChange('');
              }
            } else {
              setText(formatMonthField(value, locale));
            }
            onBlur?.(e);
          }}
          onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
            if (e.key === 'Escape' && opened) { e.stopPropagation(); setOpened(false); }
            onKeyDown?.(e);
          }}
          rightSection={clearable && value ? <Input.ClearButton aria-label={t('common.clear')} onClick={() => { onChange(''); setText(''); }} /> : undefined}
        />
      </Popover.Target>
      {/* Clicks in the picker keep the focus in the field. */}
      <Popover.Dropdown onMouseDown={(e) => e.preventDefault()} data-dates-dropdown>
        <MonthPicker
          value={value ? monthToDay(value) : null}
          onChange={(day) => { if (day) picked(dayToMonth(day)); }}
          minDate={min ? monthToDay(min) ?? undefined : undefined}
          maxDate={max ? monthToDay(max) ?? undefined : undefined}
          __preventFocus
        />
      </Popover.Dropdown>
    </Popover>
  );
}

type TimeFieldProps = Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange'> & {
  /** What the field holds: 'HH:MM', '' for none, or text being typed that the form reads with parseTimeField. */
  value?: string | null;
  /** Gets the text as typed; on leaving the field a readable time comes back as 'HH:MM'. */
  onChange: (value: string) => void;
  'data-testid'?: string;
};

/**
 * A time of day in 24 hours, the same in every language and browser. The native time
 * input follows the browser's clock: in a 12-hour browser "0900" left its AM/PM part
 * empty, the input's value was "" and the start was silently lost. Here it is typed as
 * 9, 900, 0900, 9:00 or 9.00 and written as 09:00 on leaving the field; text that is no
 * time stays as typed and the field says so (the forms refuse to send it).
 */
export function TimeField({ value, onChange, onBlur, error, ...rest }: TimeFieldProps) {
  const { t } = useTranslation();
  const text = value ?? '';
  const [leftUnreadable, setLeftUnreadable] = useState(false);
  // Marked once the field is left with text that is no time, for as long as it holds such text
  // (a value set from outside, such as a form emptied after logging, is not marked).
  const unreadable = leftUnreadable && text.trim() !== '' && parseTimeField(text) === null;
  return (
    <TextInput
      {...rest}
      value={text}
      autoComplete="off"
      // Digits with a separator: the phone keyboard of numbers (a decimal one has "." or ",").
      inputMode="decimal"
      placeholder={rest.placeholder ?? t('common.timePlaceholder')}
      error={error || (unreadable ? t('common.timeInvalid') : undefined)}
      onChange={(e) => { setLeftUnreadable(false); onChange(e.currentTarget.value); }}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        const time = parseTimeField(text);
        if (time && time !== text) onChange(time);
        setLeftUnreadable(time === null);
        onBlur?.(e);
      }}
    />
  );
}
