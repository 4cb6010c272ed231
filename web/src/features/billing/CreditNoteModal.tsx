import { Alert, Button, Checkbox, Group, Modal, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../app/api/client';
import { detailMessage } from '../../app/api/errors';
import { focusFirstInvalid } from '../../app/components/focusInvalid';
import { NumberField } from '../../app/components/NumberField';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { currencySymbol, formatMoney } from '../pricing/money';
import { useCreditNote, type InvoiceDetail, type InvoiceLine } from './api';
import { afterCredit, creditableMinor, creditLineInput, creditNoteTotals, creditsByQuantity, maxQuantityMilli, type CreditLineProblem } from './creditNote';
import { formatMilli } from './format';

/** What the field of a line says for each refusal of creditLineInput. */
const CREDIT_LINE_PROBLEM_KEYS: Record<CreditLineProblem, string> = {
  invalid: 'common.numberNotNumber',
  decimals: 'common.numberDecimals',
  negative: 'billing.credit.negative',
  notPositive: 'billing.credit.notPositive',
  whole: 'billing.credit.wholeUnits',
  tooMuch: 'billing.credit.tooMuch',
};

/**
 * A credit note against an issued invoice: in full (optionally releasing its
 * records for billing again) or partially by lines: a quantity of a line's unit
 * (1 of 2 ks → its unit price × 1; sent as that net amount, which the server
 * credits as the quantity) or a net amount, never more than is left on a line;
 * discount lines are not offered (see isDiscountLine on the server). The reason is
 * required. Issuing is irreversible, so the total incl. VAT is shown and confirmed first:
 * submitting the form (a click or Enter in a field) only asks, focus moves to the safe
 * "Upravit", and only an explicit activation of "Ano, vystavit dobropis" issues — Enter
 * pressed twice in a field never does.
 */
export function CreditNoteModal({ invoice, opened, onClose }: { invoice: InvoiceDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const credit = useCreditNote(invoice.id);
  const [mode, setMode] = useState<'full' | 'lines'>('full');
  const [reason, setReason] = useState('');
  const [release, setRelease] = useState(false);
  const [by, setBy] = useState<'quantity' | 'amount'>('quantity');
  const [amounts, setAmounts] = useState<Record<number, number | string>>({});
  const [touched, setTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (opened) { setMode('full'); setBy('quantity'); setReason(''); setRelease(false); setAmounts({}); setTouched(false); setConfirming(false); credit.reset(); }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);
  // Any change after the confirmation was asked for asks again.
  useEffect(() => setConfirming(false), [mode, by, amounts, release, reason]);
  // Out of the field the Enter came from: a second Enter (habit, key repeat) lands on the safe choice, not on the form.
  useEffect(() => {
    if (confirming) backRef.current?.focus();
  }, [confirming]);

  // Discount lines (negative) are taken back only by a full credit note: crediting one alone would raise what the client owes.
  const creditable = invoice.lines.filter((l) => (l.netMinor ?? 0) > 0 && (l.leftToCreditMinor ?? l.netMinor ?? 0) > 0);
  const discounts = invoice.lines.filter((l) => (l.netMinor ?? 0) < 0 && (l.leftToCreditMinor ?? l.netMinor ?? 0) !== 0);
  const byQuantity = (l: InvoiceLine) => by === 'quantity' && creditsByQuantity(l);
  /** What a line's input takes back, or why it cannot (see creditLineInput). */
  const inputOf = (l: InvoiceLine) => creditLineInput(l, amounts[l.id] ?? '', byQuantity(l));
  const refused = creditable.filter((l) => inputOf(l).problem !== null);
  const lines = creditable
    .map((l) => {
      const input = inputOf(l);
      return { lineId: l.id, amountMinor: input.problem === null ? input.netMinor : null, vatRateBp: l.vatRateBp };
    })
    .filter((l): l is { lineId: number; amountMinor: number; vatRateBp: number } => l.amountMinor !== null);
  const reasonError = touched && !reason.trim() ? t('billing.credit.reasonRequired') : undefined;
  const valid = !!reason.trim() && (mode === 'full' || (lines.length > 0 && refused.length === 0));
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  // What the note takes back: everything left on every line (discounts too) in full, else the lines typed.
  const taken = mode === 'full'
    ? invoice.lines.filter((l) => creditableMinor(l) !== 0).map((l) => ({ netMinor: creditableMinor(l), vatRateBp: l.vatRateBp }))
    : lines.map((l) => ({ netMinor: l.amountMinor, vatRateBp: l.vatRateBp }));
  // No total from refused input: it would not be what is sent (99999 ks of a 2 ks line is refused, not credited).
  const totalUnknown = mode === 'lines' && refused.length > 0;
  const totals = !totalUnknown && taken.length > 0 && invoice.lines.every((l) => l.netMinor !== undefined)
    ? creditNoteTotals(taken, { reverseCharge: invoice.reverseCharge, roundTotal: invoice.roundTotal })
    : null;
  // Known only where the invoice states what is due (roles that see money).
  const after = totals && invoice.amountDueMinor !== undefined ? afterCredit({ amountDueMinor: invoice.amountDueMinor, refundDueMinor: invoice.refundDueMinor ?? 0 }, totals.totalMinor) : null;
  const totalText = totalUnknown ? t('billing.credit.totalUnknown') : totals ? t('billing.credit.total', { total: money(totals.totalMinor), net: money(totals.netMinor), vat: money(totals.vatMinor) }) : null;

  const submit = () => {
    setTouched(true);
    if (!valid) {
      focusFirstInvalid(formRef.current);
      return;
    }
    // Irreversible: submitting only asks; while asking, Enter in a field does nothing (only the confirm button issues).
    if (!confirming) setConfirming(true);
  };
  const issue = () => {
    if (!valid) return;
    const body = mode === 'full'
      ? { reason: reason.trim(), full: true as const, releaseRecords: release }
      : { reason: reason.trim(), lines: lines.map(({ lineId, amountMinor }) => ({ lineId, amountMinor })) };
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
            <>
            <SegmentedControl
              value={by}
              onChange={(v) => { setBy(v as 'quantity' | 'amount'); setAmounts({}); }}
              data={[{ value: 'quantity', label: t('billing.credit.byQuantity') }, { value: 'amount', label: t('billing.credit.byAmount') }]}
              aria-label={t('billing.credit.by')}
              data-testid="credit-by"
            />
            <Text size="xs" c="dimmed">{t('billing.credit.byHelp')}</Text>
            <Table data-testid="credit-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('billing.fields.description')}</Table.Th>
                  <Table.Th ta="right">{t('billing.credit.left')}</Table.Th>
                  <Table.Th w={160}>{t('billing.credit.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {creditable.map((l) => {
                  const quantity = byQuantity(l);
                  const left = creditableMinor(l);
                  const input = inputOf(l);
                  const net = input.problem === null ? input.netMinor : null;
                  const max = quantity
                    ? t('billing.credit.maxQuantity', { quantity: formatMilli(maxQuantityMilli(l) ?? 0), unit: l.unitText, amount: money(left) })
                    : t('billing.credit.maxAmount', { amount: money(left) });
                  const error = input.problem ? t(CREDIT_LINE_PROBLEM_KEYS[input.problem], { count: quantity ? 3 : 2 }) : undefined;
                  return (
                    <Table.Tr key={l.id}>
                      <Table.Td>{l.description}{quantity ? <Text size="xs" c="dimmed">{formatMilli(l.quantityMilli)} {l.unitText} × {money(l.unitPriceMinor!)}</Text> : null}</Table.Td>
                      <Table.Td ta="right">{money(left)}</Table.Td>
                      <Table.Td>
                        <NumberField
                          aria-label={t(quantity ? 'billing.credit.quantityFor' : 'billing.credit.amountFor', { line: l.description })}
                          value={amounts[l.id] ?? ''}
                          onChange={(v) => setAmounts((a) => ({ ...a, [l.id]: v }))}
                          // A minus is let through to be refused here with its reason, not by the field.
                          decimalScale={quantity ? 3 : 2} allowNegative
                          rightSection={<Text size="xs" c="dimmed">{quantity ? l.unitText : currencySymbol(invoice.currency)}</Text>}
                          rightSectionWidth={44}
                          description={quantity && net !== null && !error ? t('billing.credit.quantityNet', { amount: money(net) }) : max}
                          error={error}
                          data-testid={`credit-line-${l.id}`}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            </>
          )}
          {mode === 'lines' && discounts.length > 0 ? (
            <Text size="sm" c="dimmed" data-testid="credit-discount-note">{t('billing.credit.discountNote', { lines: discounts.map((l) => l.description).join(', ') })}</Text>
          ) : null}
          {mode === 'lines' && touched && lines.length === 0 ? <Text size="sm" c="red" data-testid="credit-no-lines">{t('billing.credit.noLines')}</Text> : null}
          <Textarea label={t('billing.credit.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} onBlur={() => setTouched(true)} error={reasonError} autosize minRows={2} data-testid="credit-reason" />
          {totalText ? <Text fw={600} data-testid="credit-total">{totalText}</Text> : null}
          {confirming && totals ? (
            <Alert color="grape" data-testid="credit-confirm-text">
              {t('billing.credit.confirm', { total: money(totals.totalMinor), number: invoice.number ?? '' })}
              {after?.overpays ? (
                <Text size="sm" fw={600} mt="xs" data-testid="credit-confirm-overpaid">
                  {t('billing.credit.confirmOverpaid', { due: money(invoice.amountDueMinor ?? 0), dueAfter: money(after.dueMinor), refund: money(after.refundMinor) })}
                </Text>
              ) : null}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            {confirming ? (
              <>
                <Button ref={backRef} variant="default" onClick={() => setConfirming(false)} data-testid="credit-back">{t('billing.credit.edit')}</Button>
                <Button type="button" color="grape" loading={credit.isPending} onClick={issue} data-testid="credit-confirm">{t('billing.credit.confirmIssue')}</Button>
              </>
            ) : (
              <>
                <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
                <Button type="submit" color="grape" data-testid="credit-save">{t('billing.credit.issue')}</Button>
              </>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
