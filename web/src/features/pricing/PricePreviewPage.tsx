import { Button, Grid, Paper, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalculator } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../app/api/errors';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { parseDuration } from '../records/format';

import { ClientPicker } from '../tickets/Pickers';
import { usePriceLists, usePricePreview, type PreviewInput } from './api';
import { useTechnicianSettings, useWorkTypes } from './catalogueApi';
import { PreviewResult } from './PreviewResult';
import { PricingHeader } from './PricingHeader';
import { DateField, TimeField } from '../../app/components/DateFields';
import { parseTimeField } from '../../app/components/timeFieldText';
import { todayIso } from '../../app/format';

interface Values {
  by: 'client' | 'list';
  clientId: number | null;
  priceListId: string | null;
  date: string;
  startTime: string;
  duration: string;
  workTypeId: string | null;
  technicianId: string | null;
  billable: boolean;
}

/** /admin/pricing/preview — price a sample work entry without saving it, and see why it costs what it costs. */
export default function PricePreviewPage() {
  const { t } = useTranslation();
  const preview = usePricePreview();
  const lists = usePriceLists('all');
  const workTypes = useWorkTypes('all');
  const technicians = useTechnicianSettings();
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<Values>({
    initialValues: { by: 'client', clientId: null, priceListId: null, date: todayIso(), startTime: '', duration: '60', workTypeId: null, technicianId: null, billable: true },
    validate: {
      clientId: (v, all) => (all.by === 'client' && v === null ? t('errors.required') : null),
      priceListId: (v, all) => (all.by === 'list' && !v ? t('errors.required') : null),
      date: (v) => (v ? null : t('errors.required')),
      startTime: (v) => (v.trim() && !parseTimeField(v) ? t('common.timeInvalid') : null),
      duration: (v) => (parseDuration(v) === null ? t('records.form.errors.duration') : null),
    },
  });
  const submit = form.onSubmit((v) => {
    setExtra([]);
    const body: PreviewInput = {
      kind: 'work', date: v.date, startTime: v.startTime.trim() ? parseTimeField(v.startTime) : null, minutes: parseDuration(v.duration) ?? 0,
      workTypeId: v.workTypeId ? Number(v.workTypeId) : null, technicianId: v.technicianId ? Number(v.technicianId) : null, billable: v.billable,
      ...(v.by === 'client' ? { clientId: v.clientId ?? undefined } : { priceListId: Number(v.priceListId) }),
    };
    preview.mutate(body, { onError: (e) => setExtra(applyFormErrors(form, e, t, { minutes: 'duration' })) });
  }, () => {
    // The result shown must be the answer to what the form says: an input that does not pass drops the last one.
    setExtra([]);
    preview.reset();
  });
  return (
    <div data-testid="page-price-preview">
      <PricingHeader />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md">
            <form onSubmit={submit} noValidate data-testid="preview-form">
              <Stack gap="sm">
                <Text size="sm" c="dimmed">{t('pricing.preview.hint')}</Text>
                <FormErrorAlert error={preview.error} extra={extra} testId="preview-error" />
                <SegmentedControl data={[{ value: 'client', label: t('pricing.preview.byClient') }, { value: 'list', label: t('pricing.preview.byList') }]} {...form.getInputProps('by')} data-testid="preview-by" />
                {form.values.by === 'client' ? (
                  <ClientPicker label={t('records.fields.client')} required {...form.getInputProps('clientId')} data-testid="preview-client" />
                ) : (
                  <Select label={t('pricing.preview.list')} required data={(lists.data ?? []).map((l) => ({ value: String(l.id), label: `${l.name} (${l.currency})` }))} {...form.getInputProps('priceListId')} data-testid="preview-list-select" />
                )}
                <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
                  <DateField label={t('records.fields.date')} required {...form.getInputProps('date')} data-testid="preview-date" />
                  <TimeField label={t('records.fields.startTime')} {...form.getInputProps('startTime')} data-testid="preview-startTime" />
                  <TextInput label={t('records.fields.minutes')} required placeholder={t('records.form.durationPlaceholder')} {...form.getInputProps('duration')} data-testid="preview-minutes" />
                </SimpleGrid>
                <Select label={t('records.fields.workType')} data={(workTypes.data ?? []).map((w) => ({ value: String(w.id), label: w.name }))} clearable {...form.getInputProps('workTypeId')} data-testid="preview-workType" />
                <Select label={t('records.fields.technician')} description={t('pricing.preview.technicianHint')} data={(technicians.data ?? []).map((s) => ({ value: String(s.userId), label: s.userName }))} clearable searchable {...form.getInputProps('technicianId')} data-testid="preview-technician" />
                <Switch label={t('records.fields.billable')} {...form.getInputProps('billable', { type: 'checkbox' })} data-testid="preview-billable" />
                <Button type="submit" leftSection={<IconCalculator size={16} />} loading={preview.isPending} data-testid="preview-submit">{t('pricing.preview.run')}</Button>
              </Stack>
            </form>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {preview.data ? <PreviewResult result={preview.data} /> : <Text c="dimmed" size="sm" data-testid="preview-empty">{t('pricing.preview.empty')}</Text>}
        </Grid.Col>
      </Grid>
    </div>
  );
}
