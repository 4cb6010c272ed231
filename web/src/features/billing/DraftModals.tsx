import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../app/api/errors';
import { focusFirstInvalid } from '../../app/components/focusInvalid';
import { NumberField } from '../../app/components/NumberField';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { useAddLine, useEditLine, useExcludeRecord, type InvoiceLine } from './api';
import { parseVatRate, quantityProblem, signedMajorToMinor, unitPriceProblem, vatRateInput } from './format';

interface ManualValues {
  description: string;
  quantity: string;
  unit: string;
  unitPrice: number | string;
  vatRate: string;
}

/** An empty manual line, one piece, at the standard VAT rate when it is known. */
const newManualLine = (standardVatRateBp: number | null | undefined): ManualValues => ({
  description: '', quantity: '1', unit: 'ks', unitPrice: '', vatRate: standardVatRateBp == null ? '' : vatRateInput(standardVatRateBp),
});

/**
 * Adds a manual line to a draft: text, quantity, unit, unit price and a VAT rate (required). The rate
 * starts at the standard rate of the draft's date (`standardVatRateBp`, as the server knows it), since
 * most lines are at it; it can be changed, and stays empty when the rate is not known.
 */
export function ManualLineModal({ invoiceId, version, standardVatRateBp, opened, onClose }: {
  invoiceId: number;
  version: number;
  standardVatRateBp: number | null | undefined;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddLine(invoiceId);
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<ManualValues>({
    initialValues: newManualLine(standardVatRateBp),
    validate: {
      description: (v) => (v.trim() ? null : t('billing.draft.required')),
      quantity: (v) => { const problem = quantityProblem(v); return problem ? t(`billing.draft.${problem}`) : null; },
      unit: (v) => (v.trim() ? null : t('billing.draft.required')),
      unitPrice: (v) => { const problem = unitPriceProblem(v); return problem ? t(`billing.draft.${problem}`) : null; },
      vatRate: (v) => (parseVatRate(v) === null ? t('billing.draft.vatRequired') : null),
    },
  });
  useEffect(() => {
    if (opened) {
      form.setInitialValues(newManualLine(standardVatRateBp));
      form.reset();
      add.reset();
      setExtra([]);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = form.onSubmit((v) => {
    add.mutate(
      { description: v.description.trim(), quantity: v.quantity.trim().replace(',', '.'), unit: v.unit.trim(), unitPriceMinor: signedMajorToMinor(v.unitPrice)!, vatRateBp: parseVatRate(v.vatRate)!, version },
      { onSuccess: onClose, onError: (e) => setExtra(applyFormErrors(form, e, t, { unitPriceMinor: 'unitPrice', vatRateBp: 'vatRate' })) },
    );
  }, (_errors, _values, event) => focusFirstInvalid(event?.currentTarget));
  return (
    <Modal opened={opened} onClose={onClose} title={t('billing.draft.addLine')} attributes={{ content: { 'data-testid': 'manual-line-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormErrorAlert error={add.error} extra={extra} testId="manual-line-error" />
          <TextInput label={t('billing.fields.description')} required data-autofocus {...form.getInputProps('description')} data-testid="manual-description" />
          <Group grow>
            <TextInput label={t('billing.fields.quantity')} required {...form.getInputProps('quantity')} data-testid="manual-quantity" />
            <TextInput label={t('billing.fields.unit')} required {...form.getInputProps('unit')} data-testid="manual-unit" />
          </Group>
          <Group grow>
            <NumberField label={t('billing.fields.unitPrice')} required decimalScale={2} {...form.getInputProps('unitPrice')} data-testid="manual-price" />
            <TextInput label={t('billing.fields.vatRate')} description={t('billing.draft.vatHelp')} required {...form.getInputProps('vatRate')} data-testid="manual-vat" />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={add.isPending} data-testid="manual-save">{t('billing.draft.addLine')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Changes the text of one line of a draft. */
export function EditLineModal({ invoiceId, version, line, onClose }: { invoiceId: number; version: number; line: InvoiceLine | null; onClose: () => void }) {
  const { t } = useTranslation();
  const edit = useEditLine(invoiceId);
  const [text, setText] = useState('');
  useEffect(() => {
    if (line) { setText(line.description); edit.reset(); }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [line]);
  return (
    <Modal opened={line !== null} onClose={onClose} title={t('billing.draft.editText')} attributes={{ content: { 'data-testid': 'edit-line-modal' } }}>
      <form onSubmit={(e) => { e.preventDefault(); if (line && text.trim()) edit.mutate({ lineId: line.id, description: text.trim(), version }, { onSuccess: onClose }); }} noValidate>
        <Stack>
          <FormErrorAlert error={edit.error} testId="edit-line-error" />
          <Textarea label={t('billing.fields.description')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} required data-autofocus error={text.trim() ? undefined : t('billing.draft.required')} data-testid="edit-line-text" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={edit.isPending} disabled={!text.trim()} data-testid="edit-line-save">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Takes a record out of a draft with a note; it goes back to unbilled and the totals are recomputed. */
export function ExcludeRecordModal({ invoiceId, version, recordId, onClose }: { invoiceId: number; version: number; recordId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const exclude = useExcludeRecord(invoiceId);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (recordId !== null) { setNote(''); exclude.reset(); }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [recordId]);
  return (
    <Modal opened={recordId !== null} onClose={onClose} title={t('billing.draft.excludeTitle')} attributes={{ content: { 'data-testid': 'exclude-modal' } }}>
      <form onSubmit={(e) => { e.preventDefault(); if (recordId !== null && note.trim()) exclude.mutate({ recordId, note: note.trim(), version }, { onSuccess: onClose }); }} noValidate>
        <Stack>
          <FormErrorAlert error={exclude.error} testId="exclude-error" />
          <Textarea label={t('billing.draft.excludeNote')} description={t('billing.draft.excludeHelp')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} required data-autofocus data-testid="exclude-note" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" color="orange" loading={exclude.isPending} disabled={!note.trim()} data-testid="exclude-save">{t('billing.draft.exclude')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
