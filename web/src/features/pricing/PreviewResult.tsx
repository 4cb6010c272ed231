import { Alert, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatPercent } from '../../app/format';
import { formatMinutes } from '../records/format';
import type { PricedRecord } from './api';
import { formatMoney } from './money';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">{label}</Text>
      <Text size="sm" fw={500} data-testid={testId}>{children}</Text>
    </div>
  );
}

/** The priced sample and why: list and version, class and surcharge, rate, rounding and minimum, the server's explanation. */
export function PreviewResult({ result }: { result: PricedRecord }) {
  const { t } = useTranslation();
  const why = (
    <div>
      <Text size="sm" fw={600} mb={4}>{t('pricing.preview.why')}</Text>
      <List size="sm" spacing={2} data-testid="preview-explanation">
        {result.explanation.map((line, i) => <List.Item key={i}>{line}</List.Item>)}
      </List>
    </div>
  );
  if (!result.ok) {
    return (
      <Paper withBorder p="md" data-testid="preview-result" data-ok="false" data-reason={result.reason}>
        <Stack gap="sm">
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('records.noPrice')}>
            {/* Not result.message: that is the API's English fallback; the explanation below says it in the reader's words. */}
            <Text size="sm" fw={600} data-testid="preview-reason">{t(`records.noPriceReasons.${result.reason}`, { defaultValue: result.reason })}</Text>
          </Alert>
          {result.explanation.length ? why : null}
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="md" data-testid="preview-result" data-ok="true" data-amount={result.amountMinor}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">{t('pricing.preview.amount')}</Text>
            <Title order={2} size="h1" data-testid="preview-amount">{formatMoney(result.amountMinor, result.currency)}</Title>
          </div>
          {result.costMinor !== null && result.costCurrency ? (
            <Badge size="lg" variant="light" color="gray" data-testid="preview-cost">{t('pricing.preview.cost')}: {formatMoney(result.costMinor, result.costCurrency)}</Badge>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md">
          <Fact label={t('pricing.preview.list')} testId="preview-list">{result.priceListName} ({t(`pricing.sources.${result.source}`)})</Fact>
          <Fact label={t('pricing.preview.version')} testId="preview-version">{t('pricing.lists.from', { date: formatDate(result.validFrom) })}</Fact>
          {result.timeClass ? <Fact label={t('pricing.preview.timeClass')} testId="preview-time-class">{t(`records.timeClasses.${result.timeClass}`)}</Fact> : null}
          {result.rateMinor !== undefined ? <Fact label={t('pricing.preview.rate')} testId="preview-rate">{formatMoney(result.rateMinor, result.currency)} / h</Fact> : null}
          {result.surchargePct !== undefined ? <Fact label={t('pricing.preview.surcharge')} testId="preview-surcharge">{formatPercent(result.surchargePct)}</Fact> : null}
          {result.billableMinutes !== undefined ? <Fact label={t('pricing.preview.billableMinutes')} testId="preview-billable-minutes">{formatMinutes(result.billableMinutes)}</Fact> : null}
          {result.unitPriceMinor !== undefined ? <Fact label={t('pricing.preview.unitPrice')} testId="preview-unit-price">{formatMoney(result.unitPriceMinor, result.currency)}</Fact> : null}
          <Fact label={t('pricing.fields.vatCategory')} testId="preview-vat">{t(`pricing.vatCategories.${result.vatCategory}`, { defaultValue: result.vatCategory })}</Fact>
        </SimpleGrid>
        {why}
      </Stack>
    </Paper>
  );
}
