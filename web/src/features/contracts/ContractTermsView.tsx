import { Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { useUnitFees, useWorkTypes } from '../pricing/catalogueApi';
import { formatMoney, formatPercentBp } from '../pricing/money';
import { TIME_CLASSES, type Contract } from './api';
import { formatFactor, formatMinutes } from './format';

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <div>{children}</div>
    </Stack>
  );
}

/** Every term of a contract, read-only. */
export function ContractTermsView({ contract: c }: { contract: Contract }) {
  const { t } = useTranslation();
  const workTypes = useWorkTypes('all');
  const fees = useUnitFees('all');
  const workTypeName = (id: number | string) => workTypes.data?.find((w) => w.id === Number(id))?.name ?? `#${id}`;
  const feeName = (id: number) => fees.data?.find((f) => f.id === id)?.name ?? `#${id}`;
  const money = (minor: number) => formatMoney(minor, c.currency);
  const none = <Text c="dimmed">—</Text>;
  const multipliers = [
    ...Object.entries(c.multipliers.byWorkType).map(([id, m]) => `${workTypeName(id)} × ${formatFactor(m)}`),
    ...TIME_CLASSES.filter((k) => c.multipliers.byTimeClass[k] !== undefined).map((k) => `${t(`contracts.timeClasses.${k}`)} × ${formatFactor(c.multipliers.byTimeClass[k]!)}`),
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" data-testid="contract-terms">
      <Term label={t('contracts.fields.validity')}>{formatDate(c.validFrom)} – {c.validTo ? formatDate(c.validTo) : t('contracts.openEnded')}</Term>
      <Term label={t('contracts.fields.periodKind')}>{t(`contracts.periodKinds.${c.periodKind}`)}</Term>
      <Term label={t('contracts.fields.currency')}>{c.currency}</Term>
      <Term label={t('contracts.fields.priceList')}>
        {c.priceListId === null ? t('contracts.clientPriceList') : <Anchor component={Link} to={`/admin/pricing/lists/${c.priceListId}`}>{c.priceListName}</Anchor>}
      </Term>
      <Term label={t('contracts.fields.fee')}>
        {c.fee === null ? t('contracts.noFee') : (
          <Text>
            {money(c.fee.amountMinor)} + {t('contracts.fields.vat')} {formatPercentBp(c.fee.vatRateBp)} · {t(`contracts.timing.${c.fee.timing}`)}
            {c.fee.prorate ? ` · ${t('contracts.fields.prorate')}` : ''}
          </Text>
        )}
      </Term>
      <Term label={t('contracts.fields.slaPolicy')}>{c.slaPolicyName ?? t('contracts.clientSla')}</Term>
      <Term label={t('contracts.fields.scope')}>
        <Text>
          {[...c.scope.workTypeIds.map(workTypeName), ...(c.scope.coversTravel ? [t('contracts.fields.coversTravel')] : []), ...c.scope.unitFeeIds.map(feeName)].join(', ') || t('contracts.scopeEmpty')}
        </Text>
      </Term>
      <Term label={t('contracts.fields.prepaidMinutes')}>{c.prepaidMinutes ? formatMinutes(c.prepaidMinutes) : t('contracts.noPrepaid')}</Term>
      <Term label={t('contracts.fields.carryOver')}>
        {c.carryOver.enabled
          ? t('contracts.carryOverOn', { cap: c.carryOver.capMinutes === null ? t('contracts.noCap') : formatMinutes(c.carryOver.capMinutes), count: c.carryOver.lifePeriods })
          : t('contracts.carryOverOff')}
      </Term>
      <Term label={t('contracts.fields.multipliers')}>{multipliers.length ? <Text>{multipliers.join(', ')}</Text> : none}</Term>
      <Term label={t('contracts.fields.overage')}>
        <Text>
          {c.overage.kind === 'entry_rate' ? t('contracts.overage.entry_rate')
            : c.overage.kind === 'flat_rate' ? `${t('contracts.overage.flat_rate')}: ${money(c.overage.ratePerHourMinor)} / h`
              : `${t('contracts.overage.tiered')}: ${c.overage.bands.map((b) => `${b.minutes === null ? t('contracts.bands.rest') : formatMinutes(b.minutes)} → ${money(b.ratePerHourMinor)} / h`).join('; ')}`}
        </Text>
      </Term>
      <Term label={t('contracts.fields.alertClient')}>{c.alertClient ? t('common.yes') : t('common.no')}</Term>
      {c.note ? <Term label={t('contracts.fields.note')}><Text style={{ whiteSpace: 'pre-wrap' }}>{c.note}</Text></Term> : null}
    </SimpleGrid>
  );
}
