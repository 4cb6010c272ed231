import { Button, Checkbox, Group, Modal, NumberInput, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../app/api/client';
import { detailMessage } from '../../app/api/errors';
import { focusFirstInvalid } from '../../app/components/focusInvalid';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { formatMoney, majorToMinor, numberSeparators } from '../pricing/money';
import { useCreditNote, type InvoiceDetail } from './api';

/**
 * A credit note against an issued invoice: in full (optionally releasing its
 * records for billing again) or partially by lines (net amounts, never more
 * than is left on a line; discount lines are not offered, see
 * isDiscountLine on the server). The reason is required.
 */
export function CreditNoteModal({ invoice, opened, onClose }: { invoice: InvoiceDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const credit = useCreditNote(invoice.id);
  const [mode, setMode] = useState<'full' | 'lines'>('full');
  const [reason, setReason] = useState('');
  const [release, setRelease] = useState(false);
  const [amounts, setAmounts] = useState<Record<number, number | string>>({});
  const [touched, setTouched] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (opened) { setMode('full'); setReason(''); setRelease(false); setAmounts({}); setTouched(false); credit.reset(); }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  // Discount lines (negative) are taken back only by a full credit note: crediting one alone would raise what the client owes.
  const creditable = invoice.lines.filter((l) => (l.netMinor ?? 0) > 0 && (l.leftToCreditMinor ?? l.netMinor ?? 0) > 0);
  const discounts = invoice.lines.filter((l) => (l.netMinor ?? 0) < 0 && (l.leftToCreditMinor ?? l.netMinor ?? 0) !== 0);
  const lines = Object.entries(amounts)
    .map(([lineId, v]) => ({ lineId: Number(lineId), amountMinor: majorToMinor(v) }))
    .filter((l): l is { lineId: number; amountMinor: number } => l.amountMinor !== null && l.amountMinor > 0);
  const tooMuch = creditable.filter((l) => {
    const m = majorToMinor(amounts[l.id] ?? '');
    return m !== null && l.leftToCreditMinor !== undefined && m > l.leftToCreditMinor;
  });
  const reasonError = touched && !reason.trim() ? t('billing.credit.reasonRequired') : undefined;
  const valid = !!reason.trim() && (mode === 'full' || (lines.length > 0 && tooMuch.length === 0));
  const seps = numberSeparators();

  const submit = () => {
    setTouched(true);
    if (!valid) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const body = mode === 'full' ? { reason: reason.trim(), full: true as const, releaseRecords: release } : { reason: reason.trim(), lines };
    credit.mutate(body, { onSuccess: (note) => { onClose(); if (note?.id) void navigate(`/invoices/${note.id}`); } });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('billing.credit.title', { number: invoice.number ?? '' })} size="lg" attributes={{ content: { 'data-testid': 'credit-modal' } }}>
      <form ref={formRef} onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
        <Stack>
          <FormErrorAlert error={credit.error} extra={isApiError(credit.error) ? credit.error.details.map((d) => detailMessage(t, d)) : undefined} testId="credit-error" />
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as 'full' | 'lines')}
            data={[{ value: 'full', label: t('billing.credit.full') }, { value: 'lines', label: t('billing.credit.partial') }]}
            data-testid="credit-mode"
          />
          {mode === 'full' ? (
            <Checkbox
              label={t('billing.credit.release')}
              description={t('billing.credit.releaseHelp')}
              checked={release}
              onChange={(e) => setRelease(e.currentTarget.checked)}
              data-testid="credit-release"
            />
          ) : (
            <Table data-testid="credit-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('billing.fields.description')}</Table.Th>
                  <Table.Th ta="right">{t('billing.credit.left')}</Table.Th>
                  <Table.Th w={160}>{t('billing.credit.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {creditable.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>{l.description}</Table.Td>
                    <Table.Td ta="right">{formatMoney(l.leftToCreditMinor ?? l.netMinor ?? 0, invoice.currency)}</Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t('billing.credit.amountFor', { line: l.description })}
                        value={amounts[l.id] ?? ''}
                        onChange={(v) => setAmounts((a) => ({ ...a, [l.id]: v }))}
                        decimalScale={2} min={0} decimalSeparator={seps.decimalSeparator} thousandSeparator={seps.thousandSeparator}
                        error={tooMuch.includes(l) ? t('billing.credit.tooMuch') : undefined}
                        data-testid={`credit-line-${l.id}`}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {mode === 'lines' && discounts.length > 0 ? (
            <Text size="sm" c="dimmed" data-testid="credit-discount-note">{t('billing.credit.discountNote', { lines: discounts.map((l) => l.description).join(', ') })}</Text>
          ) : null}
          {mode === 'lines' && touched && lines.length === 0 ? <Text size="sm" c="red" data-testid="credit-no-lines">{t('billing.credit.noLines')}</Text> : null}
          <Textarea label={t('billing.credit.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} onBlur={() => setTouched(true)} error={reasonError} autosize minRows={2} data-testid="credit-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" color="grape" loading={credit.isPending} data-testid="credit-save">{t('billing.credit.issue')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
