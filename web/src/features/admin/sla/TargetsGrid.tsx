import { Badge, Group, Table, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../app/components/NumberField';
import { PRIORITY_COLORS } from '../../tickets/labels';
import { PRIORITIES } from './api';
import type { TargetsForm } from './slaModel';

// A priority has the colour here that tickets show it in (P3 was yellow here, blue on tickets).
export { PRIORITY_COLORS };

type Form = UseFormReturnType<{ targets: TargetsForm } & Record<string, unknown>>;

/**
 * P1..P4 × first response / resolution, each as hours + minutes; both empty = no target.
 * Nothing is clamped: minutes alone may be any number (75 min is 1 h 15 min), but beside
 * hours they must be 0–59 ("2 h 75 min" is refused at the minutes, not saved as 3 h 15 min),
 * and a target over the server's limit is refused with a message on its field. Text that is no
 * whole number stays as typed and is refused at its field (NumberField).
 */
export function TargetsGrid({ form }: { form: Form }) {
  const { t } = useTranslation();
  const cell = (p: string, target: 'firstResponse' | 'resolution') => {
    const hours = form.getInputProps(`targets.${p}.${target}.hours`);
    const label = `${p} ${t(`admin.sla.${target}`)}`;
    return (
      <Group gap={4} wrap="nowrap" align="flex-start">
        <NumberField
          {...hours}
          min={0}
          allowDecimal={false}
          placeholder="—"
          rightSection={<Text size="xs" c="dimmed">h</Text>}
          rightSectionPointerEvents="none"
          w={84}
          aria-label={`${label}: ${t('admin.sla.hours')}`}
          data-testid={`policy-${p}-${target}-hours`}
        />
        <NumberField
          {...form.getInputProps(`targets.${p}.${target}.minutes`)}
          min={0}
          allowDecimal={false}
          placeholder="—"
          rightSection={<Text size="xs" c="dimmed">min</Text>}
          rightSectionPointerEvents="none"
          rightSectionWidth={36}
          w={84}
          aria-label={`${label}: ${t('admin.sla.minutes')}`}
          data-testid={`policy-${p}-${target}-minutes`}
        />
      </Group>
    );
  };
  return (
    <Table.ScrollContainer minWidth={440}>
      <Table withRowBorders={false} verticalSpacing={6} data-testid="policy-targets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>{t('admin.sla.priority')}</Table.Th>
            <Table.Th>{t('admin.sla.firstResponse')}</Table.Th>
            <Table.Th>{t('admin.sla.resolution')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PRIORITIES.map((p) => (
            <Table.Tr key={p}>
              <Table.Td><Badge color={PRIORITY_COLORS[p]} variant="light">{p}</Badge></Table.Td>
              <Table.Td>{cell(p, 'firstResponse')}</Table.Td>
              <Table.Td>{cell(p, 'resolution')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
