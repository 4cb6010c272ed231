import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconInbox, IconMapOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../api/errors';
import { useDocumentTitle } from './documentTitle';
import { loadErrorKind } from './loadErrorKind';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" data-testid="loading">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{label ?? t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

/** What a page says when what it shows does not exist (404); a general text when absent. */
export interface NotFoundText {
  title?: string;
  text?: string;
  /** Where to go instead, e.g. the list the record belongs to (also offered after another refusal, e.g. 403). */
  back?: { to: string; label: string };
}

function BackButton({ back }: { back: NotFoundText['back'] }) {
  if (!back) return null;
  return (
    <Button component={Link} to={back.to} size="xs" variant="light" leftSection={<IconArrowLeft size={14} />} data-testid="error-state-back">
      {back.label}
    </Button>
  );
}

/** The record is not there, or the user may not see it: said so, with the way back and nothing to retry. */
/** Names the browser tab after a state that stands for the whole page. */
function PageTitle({ page }: { page: string }) {
  useDocumentTitle(page);
  return null;
}

/**
 * A record page passes `notFound` (useNotFoundText) and shows this state instead of the
 * record, so then the tab says it too; without it the state may be a part of a page that
 * already has its title.
 */
export function NotFoundState({ notFound }: { notFound?: NotFoundText }) {
  const { t } = useTranslation();
  const title = notFound?.title ?? t('common.notFoundTitle');
  return (
    <Alert color="gray" icon={<IconMapOff size={18} />} title={title} data-testid="error-state" data-kind="not-found" role="alert">
      {notFound ? <PageTitle page={title} /> : null}
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{notFound?.text ?? t('common.notFoundText')}</Text>
        <BackButton back={notFound?.back} />
      </Stack>
    </Alert>
  );
}

/**
 * A failed load. A 404 says the thing is not there (or not visible to the user) with a
 * way back and no retry; retry is offered only where trying again may help (no answer,
 * a server error), not for a refusal the server would repeat (e.g. 403), which gets the
 * way back instead.
 */
export function ErrorState({ error, onRetry, notFound }: { error: unknown; onRetry?: () => void; notFound?: NotFoundText }) {
  const { t } = useTranslation();
  const kind = loadErrorKind(error);
  if (kind === 'not_found') return <NotFoundState notFound={notFound} />;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('common.loadFailed')} data-testid="error-state" data-kind={kind} role="alert">
      {notFound ? <PageTitle page={t('common.loadFailed')} /> : null}
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(t, error)}</Text>
        {onRetry && kind === 'retryable' ? (
          <Button size="xs" variant="light" color="red" onClick={onRetry} data-testid="error-state-retry">
            {t('common.retry')}
          </Button>
        ) : null}
        {kind === 'final' ? <BackButton back={notFound?.back} /> : null}
      </Stack>
    </Alert>
  );
}

export function EmptyState({ title, text, action }: { title: string; text?: string; action?: ReactNode }) {
  return (
    <Center py={48} data-testid="empty-state">
      <Stack align="center" gap="xs" ta="center">
        <ThemeIcon size={44} radius="xl" variant="light" color="gray">
          <IconInbox size={24} />
        </ThemeIcon>
        <Text fw={600}>{title}</Text>
        {text ? <Text c="dimmed" size="sm">{text}</Text> : null}
        {action}
      </Stack>
    </Center>
  );
}

export function LoadMore({ hasMore, loading, onClick, testId }: { hasMore: boolean; loading: boolean; onClick: () => void; testId: string }) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <Center mt="md">
      <Button variant="default" loading={loading} onClick={onClick} data-testid={testId}>
        {t('common.loadMore')}
      </Button>
    </Center>
  );
}

/** Shown above a form: the headline error plus any that match no field. */
export function FormErrorAlert({ error, extra, testId }: { error: unknown; extra?: string[]; testId: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid={testId} role="alert">
      <Text size="sm" fw={500}>{errorMessage(t, error)}</Text>
      {extra && extra.length > 0 ? (
        <Stack gap={2} mt={4}>
          {extra.map((m) => (
            <Text key={m} size="sm">{m}</Text>
          ))}
        </Stack>
      ) : null}
    </Alert>
  );
}

/** What QueryView needs of a TanStack query (plain or infinite). */
interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/**
 * The states of one query in one place: loading, the error (with a retry where one may help), the
 * empty state when `isEmpty` says so, else `children` with the loaded data.
 * `framed`: the empty state and the content sit in a bordered Paper (loading and errors do not).
 */
export function QueryView<T>({ query, isEmpty, empty, framed = false, children }: { query: QueryLike<T>; isEmpty?: (data: T) => boolean; empty?: ReactNode; framed?: boolean; children: (data: T) => ReactNode }) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data as T;
  const shown = isEmpty?.(data) ? empty : children(data);
  return framed ? <Paper withBorder>{shown}</Paper> : <>{shown}</>;
}
