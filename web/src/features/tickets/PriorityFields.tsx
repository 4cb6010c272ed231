import { Group, Input, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickerProps } from '../../app/components/pickerProps';
import { PRIORITIES, type Level, type Priority } from './api';
import { PriorityBadge } from './Badges';
import { usePriorityMatrix } from './configApi';

const ORDER: Level[] = ['low', 'medium', 'high'];

interface Props {
  impact: Level;
  urgency: Level;
  /** '' = automatic */
  priority: Priority | '';
  onChange: (patch: { impact?: Level; urgency?: Level; priority?: Priority | '' }) => void;
  canOverride: boolean;
  error?: string | null;
  /** Test id prefix: ticket (create form) or priority (dialog). */
  prefix: string;
}

/** Impact and urgency, the priority they give (live, from the matrix) and, for some roles, an explicit override. */
export function PriorityFields({ impact, urgency, priority, onChange, canOverride, error, prefix }: Props) {
  const { t } = useTranslation();
  const matrix = usePriorityMatrix();
  const computed = matrix.data?.[impact]?.[urgency];
  const level = (field: 'impact' | 'urgency', value: Level) => (
    <Input.Wrapper label={t(`tickets.fields.${field}`)} id={`${prefix}-${field}-label`}>
      <SegmentedControl
        fullWidth
        value={value}
        onChange={(v) => onChange({ [field]: v as Level })}
        data={ORDER.map((l) => ({ value: l, label: t(`tickets.levels.${field}.${l}`) }))}
        aria-labelledby={`${prefix}-${field}-label`}
        data-testid={`${prefix}-${field}`}
      />
    </Input.Wrapper>
  );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {level('impact', impact)}
        {level('urgency', urgency)}
      </SimpleGrid>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500}>{t('tickets.priority.fromMatrix')}</Text>
          <Group gap={6} h={36} data-testid={`${prefix}-priority-computed`} data-priority={computed}>
            {computed ? <PriorityBadge priority={computed} size="lg" /> : <Text c="dimmed">—</Text>}
            {computed ? <Text size="sm" c="dimmed">{t(`tickets.priorities.${computed}`).replace(/^P\d · /, '')}</Text> : null}
          </Group>
        </Stack>
        {canOverride ? (
          <Select
            label={t('tickets.priority.override')}
            description={priority ? t('tickets.priority.overrideHint') : undefined}
            value={priority}
            onChange={(v) => onChange({ priority: (v ?? '') as Priority | '' })}
            data={[{ value: '', label: t('tickets.priority.automatic') }, ...PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priorities.${p}`) }))]}
            allowDeselect={false}
            {...pickerProps({ error, searchable: false })}
            error={error}
            style={{ flex: '1 1 220px' }}
            data-testid={`${prefix}-priority`}
            errorProps={{ 'data-testid': `${prefix}-priority-error` }}
          />
        ) : null}
      </Group>
    </Stack>
  );
}
