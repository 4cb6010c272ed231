import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusFirstInvalid } from '../../app/components/focusInvalid';
import { FormErrorAlert } from '../../app/components/QueryStates';
import type { ExchangeRateInput, InvoiceDetail } from './api';
import { exchangeRateOf, ExchangeRateFields, type ExchangeRateDraft } from './ExchangeRateFields';

import { BuyerMissingNote, IssueWarningsNote, WaitingClientsNote } from './IssueChecks';
import { todayIso } from '../../app/format';

/**
 * Confirms issuing one draft. A draft in a foreign currency that charges VAT
 * (needsExchangeRate) asks for the exchange rate to the supplier's currency and
 * its day (default: today, the issue date); the server's refusal is shown here.
 * A client without the address a tax document must carry is said here with the way
 * to fix it, and the draft is not issued; records of the client still waiting for
 * approval are named (issued now, the invoice leaves them out), and so are the warnings
 * issuing is not refused for (another currency than the client's, a late tax document).
 */
export function IssueDraftModal({ invoice, opened, loading, error, onConfirm, onClose }: {
  invoice: InvoiceDetail;
  opened: boolean;
  loading: boolean;
  error: unknown;
  onConfirm: (exchangeRate?: ExchangeRateInput) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<ExchangeRateDraft>({ rate: '', date: todayIso() });
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (opened) {
      setValue({ rate: '', date: todayIso() });
      setTried(false);
    }
  }, [opened]);
  const needsRate = invoice.needsExchangeRate && invoice.homeCurrency !== null;
  const buyerMissing = invoice.buyerMissing ?? [];
  const waiting = invoice.waitingRecords && invoice.waitingRecords.count > 0
    ? [{ clientId: invoice.client.id, clientName: invoice.client.name, currency: invoice.currency, count: invoice.waitingRecords.count, amountMinor: invoice.waitingRecords.amountMinor ?? 0 }]
    : [];
  const submit = (form: HTMLFormElement) => {
    if (buyerMissing.length > 0) return;
    if (!needsRate) return onConfirm();
    setTried(true);
    const rate = exchangeRateOf(value);
    if (rate) onConfirm(rate);
    else focusFirstInvalid(form);
  };
  return (
    <Modal attributes={{ content: { 'data-testid': 'issue-modal' } }} opened={opened} onClose={onClose} title={t('billing.invoice.issueTitle')}>
      <form onSubmit={(e) => { e.preventDefault(); submit(e.currentTarget); }} noValidate>
        <Stack gap="sm">
          {buyerMissing.length > 0 ? (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('billing.buyer.title')} data-testid="issue-buyer-missing">
              <BuyerMissingNote clientId={invoice.client.id} clientName={invoice.client.name} missing={buyerMissing} testId="issue-buyer-note" onAlert />
            </Alert>
          ) : <Text size="sm">{t('billing.invoice.issueText')}</Text>}
          <WaitingClientsNote clients={waiting} testId="issue-waiting" />
          <IssueWarningsNote warnings={invoice.issueWarnings} clientName={invoice.client.name} testId="issue-warnings" />
          {needsRate ? (
            <>
              <Text size="sm" data-testid="issue-rate-why">{t('billing.exchangeRate.why', { currency: invoice.currency, homeCurrency: invoice.homeCurrency })}</Text>
              <ExchangeRateFields currency={invoice.currency} homeCurrency={invoice.homeCurrency} value={value} onChange={setValue} showErrors={tried} testId="issue-exchange" />
            </>
          ) : null}
          {error ? <FormErrorAlert error={error} testId="issue-modal-error" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" color="blue" loading={loading} disabled={buyerMissing.length > 0} data-testid="confirm-ok" data-autofocus={needsRate || buyerMissing.length > 0 ? undefined : true}>{t('billing.invoice.issue')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
