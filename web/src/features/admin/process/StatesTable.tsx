import { ActionIcon, Badge, Checkbox, Group, Radio, Select, Table, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorDetail } from '../../../app/api/client';
import { STATE_CATEGORIES, type StateCategory } from './api';
import type { StateDraft } from './processModel';
import { detailMessage } from '../../../app/api/errors';

interface Props {
  states: StateDraft[];
  errors: Map<string, Map<string, ApiErrorDetail>>;
  /** States whose name the admin typed last: their code follows the name until edited. */
  onChange: (key: string, patch: Partial<Omit<StateDraft, 'key'>>) => void;
  onMove: (key: string, by: -1 | 1) => void;
  onRemove: (state: StateDraft) => void;
  /** Tickets in each saved state now, by the draft's key (unknown while loading; a new state has none). */
  ticketCounts: ReadonlyMap<string, number>;
}

export const CATEGORY_COLORS: Record<StateCategory, string> = { new: 'blue', open: 'cyan', waiting: 'yellow', resolved: 'green', closed: 'gray' };

/** The states of a process as an editable grid; Enter in any field saves (the editor is one form). */
export function StatesTable({ states, errors, onChange, onMove, onRemove, ticketCounts }: Props) {
  const { t } = useTranslation();
  const err = (key: string, field: string) => {
    const d = errors.get(key)?.get(field);
    return d ? detailMessage(t, d) : undefined;
  };
  const categories = STATE_CATEGORIES.map((c) => ({ value: c, label: t(`admin.process.categories.${c}`) }));
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="xs" data-testid="process-states">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={72}>{t('admin.process.order')}</Table.Th>
            <Table.Th>{t('admin.process.stateName')}</Table.Th>
            <Table.Th>{t('admin.fields.code')}</Table.Th>
            <Table.Th w={170}>{t('admin.process.category')}</Table.Th>
            <Table.Th w={110} ta="center">{t('admin.process.pausesSla')}</Table.Th>
            <Table.Th w={90} ta="center">{t('admin.process.initial')}</Table.Th>
            <Table.Th w={90} ta="center">{t('admin.process.ticketsInStates')}</Table.Th>
            <Table.Th w={48} aria-label={t('common.actions')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {states.map((s, i) => {
            const tickets = ticketCounts.get(s.key);
            // Saving refuses to remove a state that holds tickets, and a new code removes the state under the old one.
            const inUse = tickets !== undefined && tickets > 0;
            return (
            <Table.Tr key={s.key} data-testid={`state-row-${i}`} data-code={s.code}>
              <Table.Td>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" color="gray" size="sm" disabled={i === 0} onClick={() => onMove(s.key, -1)} aria-label={t('admin.moveUp')} data-testid={`state-${i}-up`}>
                    <IconArrowUp size={14} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="gray" size="sm" disabled={i === states.length - 1} onClick={() => onMove(s.key, 1)} aria-label={t('admin.moveDown')} data-testid={`state-${i}-down`}>
                    <IconArrowDown size={14} />
                  </ActionIcon>
                </Group>
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  value={s.name}
                  onChange={(e) => onChange(s.key, { name: e.currentTarget.value })}
                  error={err(s.key, 'name')}
                  aria-label={`${t('admin.process.stateName')} ${i + 1}`}
                  data-testid={`state-${i}-name`}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  value={s.code}
                  onChange={(e) => onChange(s.key, { code: e.currentTarget.value })}
                  readOnly={inUse}
                  title={inUse ? t('admin.process.codeInUse', { count: tickets }) : undefined}
                  error={err(s.key, 'code')}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                  aria-label={`${t('admin.fields.code')} ${i + 1}`}
                  data-testid={`state-${i}-code`}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  data={categories}
                  value={s.category}
                  allowDeselect={false}
                  onChange={(v) => v && onChange(s.key, { category: v as StateCategory })}
                  error={err(s.key, 'category')}
                  aria-label={`${t('admin.process.category')} ${i + 1}`}
                  data-testid={`state-${i}-category`}
                  comboboxProps={{ withinPortal: true }}
                />
              </Table.Td>
              <Table.Td>
                <Group justify="center">
                  <Checkbox checked={s.pausesSla} onChange={(e) => onChange(s.key, { pausesSla: e.currentTarget.checked })} aria-label={`${t('admin.process.pausesSla')}: ${s.name}`} data-testid={`state-${i}-pausesSla`} />
                </Group>
              </Table.Td>
              <Table.Td>
                <Group justify="center">
                  <Radio checked={s.isInitial} onChange={() => onChange(s.key, { isInitial: true })} name="initial-state" aria-label={`${t('admin.process.initial')}: ${s.name}`} data-testid={`state-${i}-initial`} />
                </Group>
              </Table.Td>
              <Table.Td ta="center">
                {tickets !== undefined ? (
                  <Badge
                    variant={inUse ? 'light' : 'transparent'}
                    color={inUse ? 'blue' : 'gray'}
                    size="sm"
                    title={t('admin.process.ticketsInState', { count: tickets })}
                    data-testid={`state-${i}-tickets`}
                  >
                    {tickets}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Tooltip
                  label={inUse ? t('admin.process.removeStateInUse', { count: tickets }) : t('admin.process.removeState')}
                  multiline
                  maw={260}
                  events={{ hover: true, focus: true, touch: false }}
                >
                  {/* Marked disabled, not made so: a disabled button takes no focus, and the keyboard and
                      screen-reader user would never learn why it cannot be removed (its label says it). */}
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    data-disabled={inUse || undefined}
                    aria-disabled={inUse || undefined}
                    onClick={() => { if (!inUse) onRemove(s); }}
                    aria-label={inUse ? `${t('admin.process.removeStateInUse', { count: tickets })}: ${s.name}` : `${t('admin.process.removeState')}: ${s.name}`}
                    data-testid={`state-${i}-remove`}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
