import { Kbd, Loader, SegmentedControl, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { CSSProperties, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { KEY_HINT_MEDIA, searchBoxEnd } from './searchKeyHint';

interface SearchInputProps {
  /** For the "/" shortcut that focuses the box (useKeyShortcuts). */
  ref?: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  testId: string;
  style?: CSSProperties;
  /** Escape empties the box. */
  clearOnEscape?: boolean;
  /** When given, the box shows a spinner while the list is being fetched, else the "/" key hint (not on touch or phone screens). */
  busy?: boolean;
}

/** The search box above a list. */
export function SearchInput({ ref, value, onChange, placeholder, testId, style, clearOnEscape, busy }: SearchInputProps) {
  const { t } = useTranslation();
  const end = searchBoxEnd(busy, useMediaQuery(KEY_HINT_MEDIA) ?? false);
  return (
    <TextInput
      ref={ref}
      type="search"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={clearOnEscape ? (e) => e.key === 'Escape' && onChange('') : undefined}
      placeholder={placeholder}
      aria-label={t('common.search')}
      leftSection={<IconSearch size={16} />}
      rightSection={end === 'spinner' ? <Loader size={14} /> : end === 'keyHint' ? <Kbd size="xs" data-testid={`${testId}-key-hint`}>/</Kbd> : undefined}
      style={style}
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
