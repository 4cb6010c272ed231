import { Group, Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MonthField } from '../../app/components/DateFields';
import { NumberField } from '../../app/components/NumberField';
import { composePeriod, convertPeriod, periodKindOf, periodParts, PERIOD_KINDS, type PeriodKind } from './periodKinds';

/**
 * The export's period: first what kind (month, quarter, year), then the month in the shared
 * month field ("říjen 2026", typed or picked), or the quarter and its year, or the year.
 * Gives the text the server takes ('2026-10', '2026-Q4', '2026'), or '' while incomplete.
 */
export function PeriodField({ value, onChange, error }: { value: string; onChange: (period: string) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PeriodKind>(() => periodKindOf(value) ?? 'month');
  // The parts as chosen, kept while the other one is still missing (the value is '' then); the year
  // as typed, so text that is no year stays in its field (which says why) and gives no period.
  const [parts, setParts] = useState<{ year: number | string | null; quarter: number | null }>(() => periodParts(value));
  useEffect(() => {
    if (periodKindOf(value) !== null) setParts(periodParts(value));
  }, [value]);
  const choose = (year: number | string | null, quarter: number | null) => {
    setParts({ year, quarter });
    onChange(composePeriod(kind === 'year' ? 'year' : 'quarter', year, quarter));
  };
  const changeKind = (next: PeriodKind) => {
    setKind(next);
    onChange(convertPeriod(value, next));
  };
  const yearField = (
    <NumberField
      label={t('exports.periodKinds.year')}
      value={parts.year ?? ''}
      onChange={(v) => choose(v === '' ? null : v, parts.quarter)}
      min={2000}
      max={2100}
      allowDecimal={false}
      thousandSeparator=""
      w={110}
      error={error}
      data-testid="exports-period-year"
    />
  );
  return (
    <Group align="flex-start" gap="xs" wrap="wrap">
      <Select
        label={t('exports.fields.period')}
        data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`exports.periodKinds.${k}`) }))}
        value={kind}
        onChange={(v) => v && changeKind(v as PeriodKind)}
        allowDeselect={false}
        w={130}
        data-testid="exports-period-kind"
      />
      {kind === 'month' ? (
        <MonthField
          label={t('exports.periodKinds.month')}
          value={periodKindOf(value) === 'month' ? value : ''}
          onChange={onChange}
          clearable
          error={error}
          w={{ base: '100%', xs: 190 }}
          data-testid="exports-period"
        />
      ) : kind === 'quarter' ? (
        <>
          <Select
            label={t('exports.periodKinds.quarter')}
            data={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t('exports.quarter', { quarter: q }) }))}
            value={parts.quarter === null ? null : String(parts.quarter)}
            onChange={(v) => choose(parts.year, v ? Number(v) : null)}
            w={150}
            data-testid="exports-period-quarter"
          />
          {yearField}
        </>
      ) : (
        yearField
      )}
    </Group>
  );
}
