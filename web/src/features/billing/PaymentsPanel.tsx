import { Anchor, Button, Group, Modal, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyFormErrors } from '../../app/api/errors';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { formatDate } from '../../app/format';
import { formatMoney, majorToMinor, minorToMajor, numberSeparators } from '../pricing/money';
import { useRecordPayment, useRecordRefund, type InvoiceDetail } from './api';
import { positiveAmountProblem, todayIso } from './format';
import { DateField } from '../../app/components/DateFields';

/** Payments received and the credit notes issued against an invoice. */
export function PaymentsPanel({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const c = invoice.currency;
  return (
    <Paper withBorder p="sm" data-testid="invoice-payments">
      <Title order={2} size="h5" mb="xs">{t('billing.payments.title')}</Title>
      {invoice.payments.length === 0 ? <Text size="sm" c="dimmed">{t('billing.payments.none')}</Text> : (
        <Table>
          <Table.Tbody>
            {invoice.payments.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{formatDate(p.date)}</Table.Td>
                <Table.Td ta="right">{p.amountMinor === undefined ? '—' : formatMoney(p.amountMinor, c)}</Table.Td>
                <Table.Td>{p.amountMinor !== undefined && p.amountMinor < 0 ? <Text span size="sm" c="orange">{t('billing.payments.refund')}{p.note ? ' · ' : ''}</Text> : null}{p.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
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

interface PaymentValues {
  date: string;
  amount: number | string;
  note: string;
}

/**
 * Records a payment (the amount due by default, a smaller one for a partial
 * payment) or, with refund, money paid back to the client (the refund due by default).
 */
export function PaymentModal({ invoice, opened, onClose, refund = false }: { invoice: InvoiceDetail; opened: boolean; onClose: () => void; refund?: boolean }) {
  const { t } = useTranslation();
  const payment = useRecordPayment(invoice.id);
  const refunding = useRecordRefund(invoice.id);
  const pay = refund ? refunding : payment;
  const [extra, setExtra] = useState<string[]>([]);
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
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);
  const seps = numberSeparators();
  return (
    <Modal opened={opened} onClose={onClose} title={t(refund ? 'billing.payments.recordRefund' : 'billing.payments.record')} attributes={{ content: { 'data-testid': refund ? 'refund-modal' : 'payment-modal' } }}>
      <form onSubmit={form.onSubmit((v) => pay.mutate({ date: v.date, amountMinor: majorToMinor(v.amount)!, note: v.note.trim() || undefined }, {
        onSuccess: onClose, onError: (e) => setExtra(applyFormErrors(form, e, t, { amountMinor: 'amount' })),
      }))}>
        <Stack>
          <FormErrorAlert error={pay.error} extra={extra} testId="payment-error" />
          <DateField label={t('billing.fields.date')} required {...form.getInputProps('date')} data-testid="payment-date" />
          <NumberInput
            label={t('billing.payments.amount', { currency: invoice.currency })}
            description={suggested !== undefined ? t(refund ? 'billing.payments.refundHint' : 'billing.payments.dueHint', { due: formatMoney(suggested, invoice.currency) }) : undefined}
            required decimalScale={2} fixedDecimalScale decimalSeparator={seps.decimalSeparator} thousandSeparator={seps.thousandSeparator}
            data-autofocus {...form.getInputProps('amount')} data-testid="payment-amount"
          />
          <TextInput label={t('billing.payments.note')} {...form.getInputProps('note')} data-testid="payment-note" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={pay.isPending} data-testid="payment-save">{t(refund ? 'billing.payments.recordRefund' : 'billing.payments.record')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
