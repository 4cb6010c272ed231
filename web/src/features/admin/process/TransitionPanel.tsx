import { Alert, Badge, Button, Chip, Group, Paper, ScrollArea, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { IconArrowRight, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorDetail } from '../../../app/api/client';
import type { CustomField } from '../catalog/api';
import { BUILTIN_REQUIRED_FIELDS } from './api';
import { type ProcessDraft, type TransitionDraft, transitionKey } from './processModel';
import { detailMessage } from '../../../app/api/errors';

interface Props {
  draft: ProcessDraft;
  selected: string | null;
  errors: Map<string, Map<string, ApiErrorDetail>>;
  fields: CustomField[];
  onSelect: (key: string | null) => void;
  onChange: (tr: TransitionDraft, patch: Partial<Pick<TransitionDraft, 'name' | 'requiredFields'>>) => void;
  onRemove: (tr: TransitionDraft) => void;
}

/** Details of the selected transition (name, required fields), else the list of all transitions. */
export function TransitionPanel({ draft, selected, errors, fields, onSelect, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const nameOf = new Map(draft.states.map((s) => [s.key, s.name.trim() || s.code]));
  const tr = draft.transitions.find((x) => transitionKey(x) === selected);
  const required = [
    ...BUILTIN_REQUIRED_FIELDS.map((f) => ({ value: f, label: t(`admin.process.builtinFields.${f}`) })),
    ...fields.filter((f) => f.active || tr?.requiredFields.includes(f.key)).map((f) => ({ value: f.key, label: f.label })),
  ];
  // Keys the transition requires that are no longer offered (e.g. a removed field) stay visible.
  for (const key of tr?.requiredFields ?? []) if (!required.some((r) => r.value === key)) required.push({ value: key, label: key });

  if (!tr) {
    return (
      <Paper withBorder p="md" data-testid="transition-panel">
        <Title order={3} size="h5" mb={4}>{t('admin.process.transitions')} <Badge variant="light" size="sm">{draft.transitions.length}</Badge></Title>
        <Text size="sm" c="dimmed" mb="sm">{t('admin.process.matrixHint')}</Text>
        <ScrollArea.Autosize mah={420} type="auto">
          <Stack gap={2}>
            {draft.transitions.map((x) => {
              const bad = !!errors.get(transitionKey(x))?.size;
              return (
                <UnstyledButton key={transitionKey(x)} onClick={() => onSelect(transitionKey(x))} p={6} style={{ borderRadius: 'var(--mantine-radius-sm)' }} className="admin-hover">
                  <Text size="sm" fw={500} c={bad ? 'red' : undefined}>{x.name || '—'}</Text>
                  <Text size="xs" c="dimmed">{nameOf.get(x.from)} → {nameOf.get(x.to)}{x.requiredFields.length ? ` · ${x.requiredFields.length}×` : ''}</Text>
                </UnstyledButton>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      </Paper>
    );
  }

  const rowErrors = errors.get(transitionKey(tr));
  const nameError = rowErrors?.get('name');
  const fieldError = rowErrors?.get('requiredFields');
  const otherErrors = [...(rowErrors?.entries() ?? [])].filter(([field]) => field !== 'name' && field !== 'requiredFields').map(([, d]) => d);
  return (
    <Paper withBorder p="md" data-testid="transition-panel" data-from={tr.from} data-to={tr.to}>
      <Stack gap="sm">
        <Group gap={6} wrap="wrap">
          <Badge variant="light" color="gray" size="lg" tt="none">{nameOf.get(tr.from)}</Badge>
          <IconArrowRight size={16} />
          <Badge variant="light" size="lg" tt="none">{nameOf.get(tr.to)}</Badge>
        </Group>
        {otherErrors.map((d) => (
          <Alert key={d.path + d.code} color="red" p="xs"><Text size="sm">{detailMessage(t, d)}</Text></Alert>
        ))}
        <TextInput
          label={t('admin.process.transitionName')}
          description={t('admin.process.transitionNameHint')}
          value={tr.name}
          onChange={(e) => onChange(tr, { name: e.currentTarget.value })}
          error={nameError ? detailMessage(t, nameError) : undefined}
          data-testid="transition-name"
        />
        <div>
          <Text size="sm" fw={500}>{t('admin.process.requiredFields')}</Text>
          <Text size="xs" c="dimmed" mb={6}>{t('admin.process.requiredFieldsHint')}</Text>
          <Chip.Group multiple value={tr.requiredFields} onChange={(v) => onChange(tr, { requiredFields: v })}>
            <Group gap={6}>
              {required.map((r) => (
                <Chip key={r.value} value={r.value} size="xs" wrapperProps={{ 'data-testid': `transition-required-${r.value}` }}>{r.label}</Chip>
              ))}
            </Group>
          </Chip.Group>
          {fieldError ? <Text size="xs" c="red" mt={4}>{detailMessage(t, fieldError)}</Text> : null}
        </div>
        <Group justify="space-between" mt="xs">
          <Button variant="subtle" size="xs" onClick={() => onSelect(null)} data-testid="transition-panel-close">{t('admin.process.allTransitions')}</Button>
          <Button variant="light" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={() => onRemove(tr)} data-testid="transition-remove">
            {t('admin.process.removeTransition')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
