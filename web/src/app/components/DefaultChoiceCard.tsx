import { Group, Paper, Select, Text, Title } from '@mantine/core';

const DEFAULT = 'default';

interface Props {
  /** On the card; the select is `<testId>-select`. */
  testId: string;
  title: string;
  /** What applies now (or a hint when nothing does). */
  description: string;
  descriptionTestId?: string;
  /** The first option: "use the default (…)", chosen as null. */
  defaultLabel: string;
  options: { id: number; label: string }[];
  chosen: number | null;
  disabled: boolean;
  onChoose: (id: number | null) => void;
}

/** A card on a detail page that picks one of a list for the record, or the list's default (a client's price list, SLA policy). */
export function DefaultChoiceCard({ testId, title, description, descriptionTestId, defaultLabel, options, chosen, disabled, onChoose }: Props) {
  return (
    <Paper withBorder p="lg" data-testid={testId}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={2} size="h4">{title}</Title>
          <Text size="sm" c="dimmed" data-testid={descriptionTestId}>
            {description}
          </Text>
        </div>
        <Select
          data={[{ value: DEFAULT, label: defaultLabel }, ...options.map((o) => ({ value: String(o.id), label: o.label }))]}
          value={chosen === null ? DEFAULT : String(chosen)}
          allowDeselect={false}
          disabled={disabled}
          onChange={(v) => onChoose(v === DEFAULT || v === null ? null : Number(v))}
          aria-label={title}
          w={{ base: '100%', sm: 300 }}
          data-testid={`${testId}-select`}
        />
      </Group>
    </Paper>
  );
}
