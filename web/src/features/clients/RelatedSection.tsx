import { Anchor, Badge, Group, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';

/**
 * A section of the client's page listing what belongs to the client (tickets, contracts,
 * invoices): a heading with how many there are, once known, and a link to the whole list.
 */
export function RelatedSection({ title, count, link, testId, children }: {
  title: string;
  /** Already formatted ("12", "50+"); null while unknown. */
  count: string | null;
  link?: { to: string; label: string };
  testId: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid={testId}>
      <Group justify="space-between" mb="xs" gap="xs" wrap="wrap">
        <Title order={2} size="h3" id={headingId}>
          <Group gap="xs" component="span">
            {title}
            {count !== null ? <Badge variant="light" color="gray" size="lg" data-testid={`${testId}-count`}>{count}</Badge> : null}
          </Group>
        </Title>
        {link ? (
          <Anchor component={Link} to={link.to} size="sm" data-testid={`${testId}-all`}>
            <Group gap={4} component="span">
              {link.label}
              <IconArrowRight size={14} aria-hidden />
            </Group>
          </Anchor>
        ) : null}
      </Group>
      {children}
    </section>
  );
}
