import { ActionIcon, List, Popover, Stack, Text } from '@mantine/core';
import { IconHelpCircle } from '@tabler/icons-react';
import { usePhone } from '../../app/components/usePhone';

/** One part of an explanation: the server's lines, under a title when several records are explained at once. */
export interface WhyGroup {
  title?: string;
  lines: readonly string[];
}

/**
 * The ⓘ that opens how an amount came about: the price explanation the server words in
 * the reader's language (only roles that see prices get one). The ticket's records, the
 * work report's rows and the invoice lines all open it the same way.
 */
export function PriceWhy({ groups, label, testId }: { groups: readonly WhyGroup[]; label: string; testId: string }) {
  const phone = usePhone();
  const shown = groups.filter((g) => g.lines.length > 0);
  if (shown.length === 0) return null;
  return (
    <Popover width={phone ? 300 : 360} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size={phone ? 'lg' : 'sm'} aria-label={label} data-testid={testId}>
          <IconHelpCircle size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown data-testid={`${testId}-text`}>
        <Stack gap="xs" mah={phone ? 360 : 480} style={{ overflowY: 'auto' }}>
          {shown.map((g, i) => (
            <div key={i}>
              {g.title ? <Text size="xs" fw={600} mb={2}>{g.title}</Text> : null}
              <List size="xs" spacing={2}>
                {g.lines.map((line, j) => <List.Item key={j}>{line}</List.Item>)}
              </List>
            </div>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
