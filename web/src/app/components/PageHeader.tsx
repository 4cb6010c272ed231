import { Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useDocumentTitle } from './documentTitle';

/**
 * A page's heading (its one h1), with what it says under it and its actions. The browser
 * title follows the heading's text ("<heading> · Kontor"), so every page that uses it is named.
 */
export function PageHeader({ title, subtitle, actions, badge }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; badge?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Read from the heading as shown: a title may be text, a record's number or several parts.
  const [headingText, setHeadingText] = useState('');
  useEffect(() => setHeadingText(heading.current?.textContent ?? ''));
  useDocumentTitle(headingText);
  return (
    <Group justify="space-between" align="flex-start" mb="md" wrap="wrap" gap="sm">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap="sm" wrap="wrap">
          <Title ref={heading} order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {badge ? <div style={{ flexShrink: 0 }}>{badge}</div> : null}
        </Group>
        {subtitle ? <Text c="dimmed" size="sm">{subtitle}</Text> : null}
      </Stack>
      {actions ? <Group gap="xs">{actions}</Group> : null}
    </Group>
  );
}
