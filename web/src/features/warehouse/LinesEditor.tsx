import { ActionIcon, Button, Group, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { itemLabel, ItemPicker } from './ItemPicker';
import { countDifference, type DocumentValues, documentTotalMinor, emptyLine, lineTotalMinor, parseSerials, type RecordedStock } from './model';
import { quantityLabel as quantityWithUnit, signedQuantity, stockMoney, unitLabel } from './units';

interface Props {
  form: UseFormReturnType<DocumentValues>;
  /** The stock's currency (null while it loads). */
  currency: string | null;
  /** The line whose item picker gets the focus (a new line, or the first one). */
  focusKey?: string | null;
  /** A count: what the records say of each line's item in the count's warehouse. */
  recorded?: ReadonlyMap<number, RecordedStock>;
}

/**
 * The lines of a stock document, made for a scanner and a keyboard: scan or type in the
 * item field, Enter → quantity, Enter → the next line's item field (a new line at the end).
 */
export function LinesEditor({ form, currency, focusKey, recorded }: Props) {
  const { t } = useTranslation();
  const kind = form.values.kind;
  const pickers = useRef(new Map<string, HTMLInputElement>());
  const quantities = useRef(new Map<string, HTMLInputElement>());
  const prices = useRef(new Map<string, HTMLInputElement>());
  const pendingFocus = useRef<string | null>(focusKey ?? null);
  const lines = form.values.lines;

  useEffect(() => {
    const key = pendingFocus.current;
    if (!key) return;
    const el = pickers.current.get(key);
    if (el) {
      el.focus();
      pendingFocus.current = null;
    }
  });

  const addLine = () => {
    const line = emptyLine();
    pendingFocus.current = line.key;
    form.insertListItem('lines', line);
  };

  const nextLine = (index: number, field: 'quantity' | 'unitPrice') => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const line = lines[index];
    if (field === 'quantity' && kind === 'receipt' && line) {
      prices.current.get(line.key)?.focus();
      return;
    }
    const next = lines[index + 1];
    if (next) pickers.current.get(next.key)?.focus();
    else addLine();
  };

  const quantityLabel = kind === 'count' ? t('warehouse.fields.counted') : t('warehouse.fields.quantity');
  const priceLabel = kind === 'count' ? t('warehouse.fields.countCost') : t('warehouse.fields.unitPrice');
  const documentTotal = kind === 'receipt' ? documentTotalMinor(lines) : null;

  /** A count line against the records while the counted quantity is typed: "On record 4 pcs · difference −1". */
  const recordedText = (line: (typeof lines)[number]): string | undefined => {
    const r = kind === 'count' && line.itemId !== null ? recorded?.get(line.itemId) : undefined;
    if (!r) return undefined;
    const quantity = quantityWithUnit(t, r.quantity, line.unit);
    const difference = countDifference(line.quantity, r.quantity);
    return difference === null ? t('warehouse.form.recordedOnly', { quantity }) : t('warehouse.form.recorded', { quantity, difference: signedQuantity(difference) });
  };

  return (
    <Stack gap={0} className="wh-lines" data-testid="document-lines">
      {lines.map((line, i) => {
        const total = kind === 'receipt' ? lineTotalMinor(line) : null;
        const serialCount = parseSerials(line.serials).length;
        return (
          <div key={line.key} className="wh-line" data-testid={`line-${i}`} data-item-id={line.itemId ?? ''}>
            <ItemPicker
              inputLabel={i === 0 ? t('warehouse.fields.item') : undefined}
              label={line.itemLabel}
              testId={`line-${i}-item`}
              error={form.errors[`lines.${i}.itemId`] as string | undefined}
              inputRef={(el) => { if (el) pickers.current.set(line.key, el); else pickers.current.delete(line.key); }}
              onPick={(item) => {
                form.setFieldValue(`lines.${i}.itemId`, item.id);
                form.setFieldValue(`lines.${i}.itemLabel`, itemLabel(item));
                form.setFieldValue(`lines.${i}.unit`, item.unit);
                form.setFieldValue(`lines.${i}.serialTracked`, item.serialTracking);
                if (!line.quantity.trim()) form.setFieldValue(`lines.${i}.quantity`, '1');
                form.clearFieldError(`lines.${i}.itemId`);
                // The scan is done: the quantity is next.
                requestAnimationFrame(() => {
                  const q = quantities.current.get(line.key);
                  q?.focus();
                  q?.select();
                });
              }}
              onClear={() => {
                form.setFieldValue(`lines.${i}.itemId`, null);
                form.setFieldValue(`lines.${i}.itemLabel`, '');
              }}
            />
            <TextInput
              ref={(el) => { if (el) quantities.current.set(line.key, el); else quantities.current.delete(line.key); }}
              label={i === 0 ? quantityLabel : undefined}
              aria-label={quantityLabel}
              inputMode="decimal"
              autoComplete="off"
              rightSection={line.unit ? <Text size="xs" c="dimmed">{unitLabel(t, line.unit)}</Text> : null}
              rightSectionWidth={line.unit ? 36 : undefined}
              {...form.getInputProps(`lines.${i}.quantity`)}
              description={recordedText(line)}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              onKeyDown={nextLine(i, 'quantity')}
              data-testid={`line-${i}-quantity`}
            />
            {kind === 'receipt' || kind === 'count' ? (
              <TextInput
                ref={(el) => { if (el) prices.current.set(line.key, el); else prices.current.delete(line.key); }}
                label={i === 0 ? priceLabel : undefined}
                aria-label={priceLabel}
                inputMode="decimal"
                autoComplete="off"
                placeholder="0,00"
                {...form.getInputProps(`lines.${i}.unitPrice`)}
                onKeyDown={nextLine(i, 'unitPrice')}
                data-testid={`line-${i}-unitPrice`}
              />
            ) : <div />}
            {kind === 'receipt' ? (
              <Stack gap={0} justify="center" mih={36} mt={i === 0 ? 24 : 0}>
                <Text size="sm" className="wh-num" data-testid={`line-${i}-total`}>{stockMoney(total, currency)}</Text>
              </Stack>
            ) : <div />}
            <Group gap={4} mt={i === 0 ? 24 : 0} wrap="nowrap">
              <Tooltip label={t('warehouse.form.removeLine')}>
                <ActionIcon variant="subtle" color="red" size="lg" disabled={lines.length === 1 && !line.itemId}
                  onClick={() => form.removeListItem('lines', i)} aria-label={t('warehouse.form.removeLine')} data-testid={`line-${i}-remove`}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
            {line.serialTracked ? (
              <Textarea
                style={{ gridColumn: '1 / -1' }}
                label={t('warehouse.fields.serials')}
                description={t('warehouse.form.serialsHint', { count: serialCount })}
                autosize
                minRows={1}
                maxRows={6}
                {...form.getInputProps(`lines.${i}.serials`)}
                data-testid={`line-${i}-serials`}
              />
            ) : null}
          </div>
        );
      })}
      {kind === 'receipt' ? (
        <Group justify="flex-end" gap="sm" mt="xs">
          <Text size="sm" fw={600}>{t('warehouse.form.documentTotal')}</Text>
          <Text size="sm" fw={600} className="wh-num" data-testid="lines-total">{stockMoney(documentTotal, currency)}</Text>
        </Group>
      ) : null}
      {typeof form.errors.lines === 'string' ? <Text size="sm" c="red" role="alert" data-testid="lines-error">{form.errors.lines}</Text> : null}
      <Group mt="xs">
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={addLine} data-testid="line-add">{t('warehouse.form.addLine')}</Button>
      </Group>
    </Stack>
  );
}
