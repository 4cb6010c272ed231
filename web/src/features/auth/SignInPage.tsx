import { Alert, Box, Button, Center, Group, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useInterval } from '@mantine/hooks';
import { IconAlertTriangle, IconClockPause } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../app/api/client';
import { errorMessage } from '../../app/api/errors';
import { useAuth } from '../../app/auth/AuthProvider';
import { login } from '../../app/auth/session';
import { useDocumentTitle } from '../../app/components/documentTitle';
import { Logo } from '../../app/shell/Logo';
import { LANGUAGES, type Language, setLanguage } from '../../i18n';
import { throttleMessage } from './throttle';

function useCountdown() {
  const [seconds, setSeconds] = useState(0);
  const interval = useInterval(() => setSeconds((s) => Math.max(0, s - 1)), 1000);
  useEffect(() => {
    if (seconds > 0 && !interval.active) interval.start();
    if (seconds === 0 && interval.active) interval.stop();
  }, [seconds, interval]);
  return [seconds, setSeconds] as const;
}

export default function SignInPage() {
  const { t, i18n } = useTranslation();
  const { user, setSession } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as { from?: string; signedOut?: boolean } | null;
  const from = state?.from ?? '/';
  const [waitSeconds, setWaitSeconds] = useCountdown();
  useDocumentTitle(t('auth.signInTitle'));

  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('errors.required')),
      password: (v) => (v ? null : t('errors.required')),
    },
  });

  const mutation = useMutation({
    mutationFn: (values: { email: string; password: string }) => login(values.email.trim(), values.password),
    onSuccess: (session) => {
      setSession(session);
      navigate(from.startsWith('/sign-in') ? '/' : from, { replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'too_many_attempts') {
        const s = Number(error.extra.retryAfterSeconds);
        setWaitSeconds(Number.isFinite(s) && s > 0 ? Math.ceil(s) : 60);
      }
      form.setFieldValue('password', '');
    },
  });

  // Right after signing out the old user may still be on screen for a moment.
  if (user && !state?.signedOut) return <Navigate to={from.startsWith('/sign-in') ? '/' : from} replace />;

  const throttled = waitSeconds > 0;
  const wait = throttleMessage(waitSeconds);
  const error = mutation.error;
  const showError = error && !(isApiError(error) && error.code === 'too_many_attempts');

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-light)">
      <Box w="100%" maw={400}>
        <Group justify="center" gap="xs" mb="lg">
          <Logo size={36} />
          <Title order={2}>Kontor</Title>
        </Group>
        <Paper withBorder shadow="sm" radius="md" p="xl">
          <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate data-testid="signin-form">
            <Stack>
              <div>
                <Title order={1} size="h3">
                  {t('auth.signInTitle')}
                </Title>
                <Text c="dimmed" size="sm">
                  {t('auth.signInSubtitle')}
                </Text>
              </div>
              {throttled ? (
                <Alert color="orange" icon={<IconClockPause size={18} />} data-testid="signin-throttled" role="alert">
                  {t(wait.key, wait.params)}
                </Alert>
              ) : null}
              {showError ? (
                <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="signin-error" role="alert">
                  {errorMessage(t, error)}
                </Alert>
              ) : null}
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                autoFocus
                required
                data-testid="signin-email"
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label={t('auth.password')}
                autoComplete="current-password"
                required
                data-testid="signin-password"
                {...form.getInputProps('password')}
              />
              <Button type="submit" fullWidth loading={mutation.isPending} disabled={throttled} data-testid="signin-submit">
                {t('auth.signIn')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Group justify="center" mt="md">
          <SegmentedControl
            size="xs"
            aria-label={t('userMenu.language')}
            value={i18n.language}
            onChange={(v) => void setLanguage(v as Language)}
            data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
            data-testid="signin-language"
          />
        </Group>
      </Box>
    </Center>
  );
}
