import { Badge, Button, Kbd, Loader, SegmentedControl, TextInput, type TextInputProps } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import type { CSSProperties, KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { leaveFieldOnEscape } from './leaveField';
import { searchBoxEnd } from './searchKeyHint';
import { useKeyboardScreen } from './useKeyboardScreen';

interface SearchInputProps {
  /** For the "/" shortcut that focuses the box (useKeyShortcuts). */
  ref?: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  testId: string;
  style?: CSSProperties;
  /** A visible label, for a box among labelled filters (else it is named "Search" for screen readers only). */
  label?: string;
  /** Width, responsive as Mantine's style props are (e.g. the whole row on a phone). */
  w?: TextInputProps['w'];
  /** Escape empties the box (and leaves it, as Escape always does). */
  clearOnEscape?: boolean;
  /**
   * Enter or ArrowDown: on to the results. The box is left (so the list's single keys,
   * e.g. j/k, work at once) and this is called, e.g. to put the list's cursor on the first row.
   */
  onToResults?: () => void;
  /** When given, the box shows a spinner while the list is being fetched, else the "/" key hint (not on touch or phone screens). */
  busy?: boolean;
}

/**
 * The search box above a list. Escape leaves it (without emptying it unless
 * `clearOnEscape`): a browser would otherwise empty a search box on Escape and keep the
 * focus in it, so the next key pressed for the list would be typed into the search.
 */
export function SearchInput({ ref, value, onChange, placeholder, testId, style, label, w, clearOnEscape, onToResults, busy }: SearchInputProps) {
  const { t } = useTranslation();
  const end = searchBoxEnd(busy, useKeyboardScreen());
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (leaveFieldOnEscape(e)) {
      if (clearOnEscape) onChange('');
      return;
    }
    // An IME composing a word uses Enter and the arrows itself.
    if (e.nativeEvent.isComposing || !onToResults || (e.key !== 'Enter' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    e.currentTarget.blur();
    onToResults();
  };
  return (
    <TextInput
      ref={ref}
      type="search"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={onKeyDown}
      placeholder={placeholder}
      label={label}
      aria-label={label ? undefined : t('common.search')}
      leftSection={<IconSearch size={16} />}
      rightSection={end === 'spinner' ? <Loader size={14} /> : end === 'keyHint' ? <Kbd size="xs" data-testid={`${testId}-key-hint`}>/</Kbd> : undefined}
      style={style}
      w={w}
      data-testid={testId}
    />
  );
}

export type ActiveFilterValue = 'true' | 'false' | 'all';

/** Active only / inactive only / all, the `active` filter of the list endpoints. */
export function ActiveFilterControl({ value, onChange, testId }: { value: ActiveFilterValue; onChange: (value: ActiveFilterValue) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      value={value}
      onChange={(v) => onChange(v as ActiveFilterValue)}
      aria-label={t('common.statusFilter')}
      data={[
        { value: 'true', label: t('common.activeOnly') },
        { value: 'false', label: t('common.inactiveOnly') },
        { value: 'all', label: t('common.all') },
      ]}
      data-testid={testId}
    />
  );
}

/**
 * The button that shows or hides a list's filters, with how many of them are set, so a
 * hidden filter still tells that the list is narrowed.
 */
export function FiltersToggle({ open, onToggle, count, testId }: { open: boolean; onToggle: () => void; count: number; testId: string }) {
  const { t } = useTranslation();
  return (
    <Button
      variant={open ? 'light' : 'default'}
      leftSection={<IconAdjustmentsHorizontal size={16} />}
      rightSection={count > 0 ? <Badge size="sm" circle data-testid={`${testId}-count`}>{count}</Badge> : null}
      onClick={onToggle}
      aria-expanded={open}
      data-testid={testId}
    >
      {t('common.filters')}
    </Button>
  );
}
