import { ActionIcon, Checkbox, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorDetail } from '../../../app/api/client';
import { findTransition, type ProcessDraft, type StateDraft, transitionKey } from './processModel';

interface Props {
  draft: ProcessDraft;
  errors: Map<string, Map<string, ApiErrorDetail>>;
  selected: string | null;
  onToggle: (from: string, to: string) => void;
  onSelect: (key: string) => void;
}

const label = (s: StateDraft) => s.name.trim() || s.code || '…';

/** Rows: from; columns: to. A checkbox adds or removes a transition, the pencil opens its details. */
export function TransitionMatrix({ draft, errors, selected, onToggle, onSelect }: Props) {
  const { t } = useTranslation();
  const { states } = draft;
  return (
    <Table.ScrollContainer minWidth={150 + states.length * 80}>
      <Table withColumnBorders withRowBorders verticalSpacing={6} horizontalSpacing={6} data-testid="process-matrix">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>
              <Text size="xs" c="dimmed">{t('admin.process.fromTo')}</Text>
            </Table.Th>
            {states.map((to) => (
              <Table.Th key={to.key} ta="center" miw={80} style={{ verticalAlign: 'bottom' }}>
                <Text size="xs" fw={600} lineClamp={3} style={{ overflowWrap: 'normal', wordBreak: 'normal', hyphens: 'auto' }} title={label(to)}>{label(to)}</Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {states.map((from) => (
            <Table.Tr key={from.key}>
              <Table.Th>
                <Text size="xs" fw={600} lineClamp={2} style={{ overflowWrap: 'break-word' }} title={label(from)}>{label(from)}</Text>
              </Table.Th>
              {states.map((to) => {
                if (from.key === to.key) {
                  return <Table.Td key={to.key} bg="var(--mantine-color-default-hover)" aria-hidden />;
                }
                const tr = findTransition(draft, from.key, to.key);
                const key = transitionKey({ from: from.key, to: to.key });
                const isSelected = selected === key;
                const hasError = !!errors.get(key)?.size;
                const pair = `${label(from)} → ${label(to)}`;
                return (
                  <Table.Td
                    key={to.key}
                    style={{
                      background: hasError ? 'var(--mantine-color-red-light)' : isSelected ? 'var(--mantine-color-blue-light)' : undefined,
                      outline: isSelected ? '2px solid var(--mantine-color-blue-filled)' : undefined,
                      outlineOffset: -2,
                    }}
                  >
                    <Group gap={4} justify="center" wrap="nowrap">
                      <Tooltip label={tr ? `${tr.name} (${pair})` : pair} openDelay={300}>
                        <Checkbox
                          checked={!!tr}
                          onChange={() => onToggle(from.key, to.key)}
                          aria-label={pair}
                          data-testid={`transition-${from.code}-${to.code}`}
                        />
                      </Tooltip>
                      {tr ? (
                        <ActionIcon size="sm" variant={isSelected ? 'filled' : 'subtle'} onClick={() => onSelect(key)} aria-label={`${t('admin.process.transitionDetails')}: ${pair}`} data-testid={`transition-edit-${from.code}-${to.code}`}>
                          <IconPencil size={13} />
                        </ActionIcon>
                      ) : null}
                    </Group>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
