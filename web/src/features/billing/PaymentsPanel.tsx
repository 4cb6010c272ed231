import { ActionIcon, Alert, Anchor, Button, Checkbox, Group, Modal, Paper, Stack, Table, Text, Textarea, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useForm } from '@mantine/form';
import { Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api/client';
import { applyFormErrors, detailMessage } from '../../app/api/errors';
import { useAuth } from '../../app/auth/AuthProvider';
import { focusFirstInvalid } from '../../app/components/focusInvalid';
import { usePhone } from '../../app/components/usePhone';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { formatDate, todayIso } from '../../app/format';
import { currencySymbol, formatMoney, majorToMinor, minorToMajor } from '../pricing/money';
import { useRecordPayment, useRecordRefund, useReversePayment, type InvoiceDetail, type PaymentEntry } from './api';
import { positiveAmountProblem } from './format';
import { DateField } from '../../app/components/DateFields';
import { NumberField } from '../../app/components/NumberField';

/**
 * Payments received and the credit notes issued against an invoice. A payment
 * recorded by mistake is reversed, never deleted: it stays listed, struck through,
 * with when, by whom and why it was reversed (the reversal entry itself is shown
 * there, not as a row of its own).
 */
export function PaymentsPanel({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [reversing, setReversing] = useState<PaymentEntry | null>(null);
  const c = invoice.currency;
  const canReverse = can('invoices.payments');
  // On a phone date, amount, note and the reverse button do not fit side by side (the page
  // scrolled sideways, the button cut off): the note goes on a line of its own under the entry.
  const noteBelow = usePhone();
  const columns = (canReverse ? 4 : 3) - (noteBelow ? 1 : 0);
  const entries = invoice.payments.filter((p) => p.reversesPaymentId === null);
  return (
    <Paper withBorder p="sm" data-testid="invoice-payments">
      <Title order={2} size="h5" mb="xs">{t('billing.payments.title')}</Title>
      {entries.length === 0 ? <Text size="sm" c="dimmed">{t('billing.payments.none')}</Text> : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('billing.fields.date')}</Table.Th>
              <Table.Th ta="right">{t('billing.payments.amountColumn')}</Table.Th>
              {noteBelow ? null : <Table.Th>{t('billing.payments.note')}</Table.Th>}
              {canReverse ? <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((p) => {
              const struck = p.reversal ? 'line-through' : undefined;
              const dimmed = p.reversal ? 'dimmed' : undefined;
              const amount = p.amountMinor === undefined ? '—' : formatMoney(p.amountMinor, c);
              const refund = p.amountMinor !== undefined && p.amountMinor < 0;
              const note = refund || p.note ? (
                <Table.Td td={struck} c={dimmed} colSpan={noteBelow ? columns : undefined} pt={noteBelow ? 0 : undefined} data-testid="payment-note-cell">
                  {refund ? <Text span size="sm" c={p.reversal ? undefined : 'orange'} inherit>{t('billing.payments.refund')}{p.note ? ' · ' : ''}</Text> : null}{p.note}
                </Table.Td>
              ) : noteBelow ? null : <Table.Td data-testid="payment-note-cell" />;
              // An entry and the lines under it (its note on a phone, why it was reversed) read as one: no rule between them.
              const joined = { borderBottom: 'none' } as const;
              return (
                <Fragment key={p.id}>
                  <Table.Tr data-testid={`payment-${p.id}`} data-reversed={p.reversal ? 'true' : 'false'} style={p.reversal || (noteBelow && note) ? joined : undefined}>
                    <Table.Td td={struck} c={dimmed} style={{ whiteSpace: 'nowrap' }}>{formatDate(p.date)}</Table.Td>
                    <Table.Td ta="right" td={struck} c={dimmed} style={{ whiteSpace: 'nowrap' }} data-testid="payment-amount-cell">{amount}</Table.Td>
                    {noteBelow ? null : note}
                    {canReverse ? (
                      <Table.Td w={40} ta="right">
                        {p.reversal ? null : (
                          <Tooltip label={t('billing.payments.reverse')}>
                            <ActionIcon variant="subtle" color="red" onClick={() => setReversing(p)} data-testid="payment-reverse"
                              aria-label={t('billing.payments.reverseLabel', { date: formatDate(p.date), amount })}>
                              <IconArrowBackUp size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                  {noteBelow && note ? <Table.Tr data-testid={`payment-${p.id}-note`} style={p.reversal ? joined : undefined}>{note}</Table.Tr> : null}
                  {p.reversal ? (
                    <Table.Tr data-testid={`payment-${p.id}-reversal`}>
                      <Table.Td colSpan={columns} pt={0}>
                        <Text size="xs" c="red.8" data-testid="payment-reversal">
                          {t('billing.payments.reversedBy', { date: formatDate(p.reversal.date), who: p.reversal.createdBy?.name ?? t('billing.payments.system') })}: {p.reversal.reason}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <ReversePaymentModal invoice={invoice} payment={reversing} onClose={() => setReversing(null)} />
      {invoice.creditNotes.length > 0 ? (
        <>
          <Title order={3} size="h6" mt="sm" mb={4}>{t('billing.credit.notes')}</Title>
          {invoice.creditNotes.map((n) => (
            <Text key={n.id} size="sm">
              <Anchor component={Link} to={`/invoices/${n.id}`}>{n.number ?? `#${n.id}`}</Anchor> · {formatDate(n.issueDate)}
              {n.totalMinor !== undefined ? ` · ${formatMoney(n.totalMinor, c)}` : ''}{n.reason ? ` · ${n.reason}` : ''}
              {n.releasesRecords ? ` · ${t('billing.credit.released')}` : ''}
            </Text>
          ))}
        </>
      ) : null}
    </Paper>
  );
}

/**
 * Reverses a payment or refund recorded by mistake, with the required reason. The
 * entry stays on record; the invoice's paid amount and state follow.
 */
function ReversePaymentModal({ invoice, payment, onClose }: { invoice: InvoiceDetail; payment: PaymentEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  const reverse = useReversePayment(invoice.id);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (payment) { setReason(''); setTouched(false); reverse.reset(); }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [payment?.id]);
  const refund = payment?.amountMinor !== undefined && payment.amountMinor < 0;
  const reasonError = touched && !reason.trim() ? t('billing.payments.reasonRequired') : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  const submit = () => {
    setTouched(true);
    if (!reason.trim()) focusFirstInvalid(formRef.current);
    if (!payment || !reason.trim()) return;
    reverse.mutate({ paymentId: payment.id, reason: reason.trim() }, { onSuccess: onClose });
  };
  return (
    <Modal opened={payment !== null} onClose={onClose} title={t(refund ? 'billing.payments.reverseRefundTitle' : 'billing.payments.reverseTitle')} attributes={{ content: { 'data-testid': 'reverse-modal' } }}>
      <form ref={formRef} onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
        <Stack>
          <FormErrorAlert error={reverse.error} extra={isApiError(reverse.error) ? reverse.error.details.map((d) => detailMessage(t, d)) : undefined} testId="reverse-error" />
          {payment ? (
            <Text size="sm" data-testid="reverse-summary">
              {formatDate(payment.date)} · {payment.amountMinor === undefined ? '—' : formatMoney(payment.amountMinor, invoice.currency)}{payment.note ? ` · ${payment.note}` : ''}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">{t('billing.payments.reverseHelp')}</Text>
          <Textarea
            label={t('billing.payments.reason')}
            placeholder={t('billing.payments.reasonPlaceholder')}
            withAsterisk autosize minRows={2} maxLength={500} data-autofocus
            value={reason} onChange={(e) => setReason(e.currentTarget.value)} onBlur={() => setTouched(true)}
            error={reasonError} data-testid="reverse-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" color="red" loading={reverse.isPending} data-testid="reverse-confirm">{t(refund ? 'billing.payments.reverseRefundTitle' : 'billing.payments.reverseTitle')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface PaymentValues {
  date: string;
  amount: number | string;
  note: string;
}

/**
 * Records a payment (the amount due by default, a smaller one for a partial
 * payment) or, with refund, money paid back to the client (the refund due by default).
 * A payment above the amount due (a client who paid twice) is asked about and then
 * recorded as it came: the invoice is overpaid and the excess is to be refunded. The
 * excess is recorded only once "the client paid more" is ticked — Enter in the amount
 * (a typo, 20 000 for 2 000) moves to that box instead of recording it.
 */
export function PaymentModal({ invoice, opened, onClose, refund = false }: { invoice: InvoiceDetail; opened: boolean; onClose: () => void; refund?: boolean }) {
  const { t } = useTranslation();
  const payment = useRecordPayment(invoice.id);
  const refunding = useRecordRefund(invoice.id);
  const pay = refund ? refunding : payment;
  const [extra, setExtra] = useState<string[]>([]);
  const [overpayConfirmed, setOverpayConfirmed] = useState(false);
  const [overpayAsked, setOverpayAsked] = useState(false);
  const overpayRef = useRef<HTMLInputElement>(null);
  const suggested = refund ? invoice.refundDueMinor : invoice.amountDueMinor;
  const form = useForm<PaymentValues>({
    initialValues: { date: todayIso(), amount: '', note: '' },
    validate: {
      date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('billing.draft.required')),
      amount: (v) => { const problem = positiveAmountProblem(v); return problem ? t(`billing.draft.${problem}`) : null; },
    },
  });
  useEffect(() => {
    if (opened) {
      form.setValues({ date: todayIso(), amount: suggested ? minorToMajor(suggested) : '', note: '' });
      pay.reset();
      setExtra([]);
      setOverpayConfirmed(false);
      setOverpayAsked(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);
  const typedMinor = majorToMinor(form.values.amount);
  const excessMinor = !refund && suggested !== undefined && typedMinor != null && typedMinor > suggested ? typedMinor - suggested : 0;
  // A changed amount is a new question: the tick was for the excess it named.
  useEffect(() => { setOverpayConfirmed(false); setOverpayAsked(false); }, [excessMinor]);
  const record = (v: PaymentValues) => {
    if (excessMinor > 0 && !overpayConfirmed) {
      setOverpayAsked(true);
      overpayRef.current?.focus();
      return;
    }
    pay.mutate({ date: v.date, amountMinor: majorToMinor(v.amount)!, note: v.note.trim() || undefined, ...(excessMinor > 0 ? { allowOverpayment: true } : {}) }, {
      onSuccess: onClose, onError: (e) => setExtra(applyFormErrors(form, e, t, { amountMinor: 'amount' })),
    });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t(refund ? 'billing.payments.recordRefund' : 'billing.payments.record')} attributes={{ content: { 'data-testid': refund ? 'refund-modal' : 'payment-modal' } }}>
      <form onSubmit={form.onSubmit(record, (_errors, _values, event) => focusFirstInvalid(event?.currentTarget))} noValidate>
        <Stack>
          <FormErrorAlert error={pay.error} extra={extra} testId="payment-error" />
          <DateField label={t('billing.fields.date')} required {...form.getInputProps('date')} data-testid="payment-date" />
          <NumberField
            label={t('billing.payments.amount', { currency: currencySymbol(invoice.currency) })}
            description={suggested !== undefined ? t(refund ? 'billing.payments.refundHint' : 'billing.payments.dueHint', { due: formatMoney(suggested, invoice.currency) }) : undefined}
            required decimalScale={2} fixedDecimalScale allowNegative={false}
            data-autofocus {...form.getInputProps('amount')} data-testid="payment-amount"
          />
          {excessMinor > 0 && suggested !== undefined ? (
            <Alert color="orange" data-testid="payment-overpay">
              {t('billing.payments.overpayWarning', { due: formatMoney(suggested, invoice.currency), excess: formatMoney(excessMinor, invoice.currency) })}
              <Checkbox
                ref={overpayRef} mt="xs"
                label={t('billing.payments.overpayConfirm')}
                checked={overpayConfirmed}
                onChange={(e) => setOverpayConfirmed(e.currentTarget.checked)}
                error={overpayAsked && !overpayConfirmed ? t('billing.payments.overpayConfirmRequired') : undefined}
                data-testid="payment-overpay-confirm"
              />
            </Alert>
          ) : null}
          <TextInput label={t('billing.payments.note')} {...form.getInputProps('note')} data-testid="payment-note" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" color={excessMinor > 0 ? 'orange' : undefined} loading={pay.isPending} data-testid="payment-save">
              {t(refund ? 'billing.payments.recordRefund' : excessMinor > 0 ? 'billing.payments.recordOverpayment' : 'billing.payments.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
