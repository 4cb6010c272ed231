import { Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../app/api/errors';
import { focusFirstInvalid } from '../../app/components/focusInvalid';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { useCustomerEmail, useSendInvoice, type InvoiceDetail } from './api';

/** Loose shape check before sending; the server checks the address again and its answer is shown. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Sends an issued invoice or credit note by e-mail as PDF: the recipient is
 * prefilled with the client's address and may be changed; confirming queues
 * the mail (an issued invoice becomes sent).
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
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={send.isPending} data-testid="send-confirm">{t('billing.send.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
