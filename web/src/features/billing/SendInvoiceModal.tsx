import { Alert, Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../app/api/errors';
import { focusFirstInvalid } from '../../app/components/focusInvalid';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { formatMoney } from '../pricing/money';
import { useCustomerEmail, useSendInvoice, type InvoiceDetail } from './api';
import { settledSoFarText } from './documentWords';

/** Loose shape check before sending; the server checks the address again and its answer is shown. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Sends an issued invoice or credit note by e-mail as PDF: the recipient is
 * prefilled with the client's address and may be changed; confirming queues
 * the mail (an issued invoice becomes sent). An invoice says what the mail asks the
 * client to pay: what is outstanding now, warned about when part or all is paid.
 */
export function SendInvoiceModal({ invoice, opened, onClose }: { invoice: InvoiceDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const send = useSendInvoice(invoice.id);
  const email = useCustomerEmail(invoice.id, opened);
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<{ to: string }>({
    initialValues: { to: '' },
    validate: { to: (v) => (EMAIL.test(v.trim()) ? null : t('billing.send.emailInvalid')) },
  });
  useEffect(() => {
    if (opened) {
      send.reset();
      setExtra([]);
      form.setValues({ to: email.data ?? '' });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, email.data]);
  const number = invoice.number ?? '';
  return (
    <Modal opened={opened} onClose={onClose} title={t('billing.send.title', { number })} attributes={{ content: { 'data-testid': 'send-modal' } }}>
      <form onSubmit={form.onSubmit((v) => send.mutate({ to: v.to.trim() }, {
        onSuccess: (r) => {
          notifications.show({ color: 'green', message: t('billing.send.sent', { number, to: r.to }) });
          onClose();
        },
        onError: (e) => setExtra(applyFormErrors(form, e, t)),
      }), (_errors, _values, event) => focusFirstInvalid(event?.currentTarget))} noValidate>
        <Stack>
          <FormErrorAlert error={send.error} extra={extra} testId="send-error" />
          {email.isPending ? <Group gap="xs"><Loader size="xs" /><Text size="sm" c="dimmed">{t('billing.send.loadingEmail')}</Text></Group> : null}
          {email.isSuccess && !email.data ? <Text size="sm" c="orange" data-testid="send-no-email">{t('billing.send.noClientEmail')}</Text> : null}
          <TextInput
            type="email" label={t('billing.send.to')} description={t('billing.send.toHint')} required data-autofocus
            {...form.getInputProps('to')} data-testid="send-to"
          />
          <Text size="sm">{t(invoice.state === 'issued' && invoice.kind === 'invoice' ? 'billing.send.confirmMarksSent' : 'billing.send.confirm', { number })}</Text>
          <SendAmount invoice={invoice} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={send.isPending} data-testid="send-confirm">{t('billing.send.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * What the mail asks the client to pay, from the invoice's figures as the page shows them
 * ("K úhradě"): the amount due, or a warning that part or all of it is paid (the mail then
 * asks for what is left, or for nothing). Credit notes and callers without prices: nothing.
 */
function SendAmount({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const { kind, currency, totalMinor, paidMinor, creditedMinor, amountDueMinor, refundDueMinor } = invoice;
  if (kind !== 'invoice' || totalMinor === undefined || paidMinor === undefined || creditedMinor === undefined || amountDueMinor === undefined || refundDueMinor === undefined) return null;
  const money = (minor: number) => formatMoney(minor, currency);
  if (paidMinor === 0 && creditedMinor === 0) return <Text size="sm" fw={500} data-testid="send-amount">{t('billing.send.asksFor', { due: money(amountDueMinor) })}</Text>;
  const message = refundDueMinor > 0 ? t('billing.send.overpaid', { refund: money(refundDueMinor) })
    : amountDueMinor > 0 ? t('billing.send.partPaid', { settled: settledSoFarText(t, { currency, paidMinor, creditedMinor }), due: money(amountDueMinor), total: money(totalMinor) })
      : paidMinor > 0 ? t('billing.send.paid') : t('billing.send.nothingDue');
  return <Alert color="orange" data-testid="send-amount">{message}</Alert>;
}
