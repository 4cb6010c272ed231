import { Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBarcode } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, type Ref, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Item, searchItems } from './api';
import { exactItem } from './model';

interface Props {
  /** What the field shows for the picked item ("SSD-1TB · Samsung 870 EVO 1 TB"). */
  label: string;
  onPick: (item: Item) => void;
  onClear?: () => void;
  error?: string | null;
  testId: string;
  inputLabel?: string;
  required?: boolean;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  size?: 'sm' | 'md';
}

export const itemLabel = (i: Pick<Item, 'code' | 'name'>) => `${i.code} · ${i.name}`;

/**
 * Finds an item by code, name or EAN. A barcode scanner types the EAN and Enter:
 * Enter takes the exact EAN/code match (searching right away if the list is not
 * there yet) and calls onPick, so the caller can move on to the quantity.
 */
export function ItemPicker({ label, onPick, onClear, error, testId, inputLabel, required, autoFocus, inputRef, size = 'sm' }: Props) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [text, setText] = useState(label);
  const [notFound, setNotFound] = useState(false);
  const [resolving, setResolving] = useState(false);
  const [debounced] = useDebouncedValue(text, 200);
  useEffect(() => setText(label), [label]);
  const searching = debounced.trim() !== '' && debounced !== label;
  const results = useQuery({
    queryKey: ['warehouse', 'item-search', debounced.trim()],
    queryFn: ({ signal }) => searchItems(debounced, signal),
    enabled: searching,
    staleTime: 30_000,
  });

  const pick = (item: Item) => {
    setNotFound(false);
    setText(itemLabel(item));
    combobox.closeDropdown();
    onPick(item);
  };

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    // A highlighted option: the combobox picks it.
    if (combobox.dropdownOpened && combobox.getSelectedOptionIndex() !== -1) return;
    event.preventDefault();
    const typed = text.trim();
    if (!typed || typed === label) return;
    setResolving(true);
    try {
      const found = exactItem(await searchItems(typed), typed);
      if (found) pick(found);
      else {
        setNotFound(true);
        combobox.openDropdown();
      }
    } catch {
      setNotFound(true);
    } finally {
      setResolving(false);
    }
  };

  const options = (results.data ?? []).map((item) => (
    <Combobox.Option value={String(item.id)} key={item.id} data-testid={`${testId}-option-${item.id}`}>
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} truncate>{item.name}</Text>
          <Text size="xs" c="dimmed" className="mono">{[item.code, item.ean].filter(Boolean).join(' · ')}</Text>
        </div>
        {item.serialTracking ? <Text size="xs" c="dimmed">{t('warehouse.items.serialTracked')}</Text> : null}
      </Group>
    </Combobox.Option>
  ));

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(value) => {
        const item = results.data?.find((i) => String(i.id) === value);
        if (item) pick(item);
      }}
    >
      <Combobox.Target>
        <TextInput
          ref={inputRef}
          label={inputLabel}
          aria-label={inputLabel ? undefined : t('warehouse.fields.item')}
          required={required}
          size={size}
          placeholder={t('warehouse.picker.placeholder')}
          leftSection={<IconBarcode size={16} />}
          rightSection={resolving || (searching && results.isFetching) ? <Loader size={14} /> : null}
          value={text}
          autoFocus={autoFocus}
          autoComplete="off"
          error={error ?? (notFound ? t('warehouse.picker.notFound', { text: text.trim() }) : undefined)}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setText(value);
            setNotFound(false);
            combobox.resetSelectedOption();
            if (value.trim()) combobox.openDropdown();
            else {
              combobox.closeDropdown();
              onClear?.();
            }
          }}
          onFocus={(e) => e.currentTarget.select()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => void onKeyDown(e)}
          data-testid={testId}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!searching}>
        <Combobox.Options mah={280} style={{ overflowY: 'auto' }}>
          {results.isPending ? <Combobox.Empty>{t('common.loading')}</Combobox.Empty> : options.length > 0 ? options : (
            <Combobox.Empty>{t('warehouse.picker.noResults')}</Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
