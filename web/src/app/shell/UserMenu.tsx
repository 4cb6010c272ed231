import { Avatar, Group, Menu, Text, UnstyledButton, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown, IconKey, IconLanguage, IconLock, IconLogout, IconMoon, IconSun } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/errors';
import { useAuth, useMe } from '../auth/AuthProvider';
import { SESSION_KEY, updateMe } from '../auth/session';
import { LANGUAGES, type Language, setLanguage } from '../../i18n';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

export function UserMenu() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { can, setSession, signOut } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');

  const language = useMutation({
    mutationFn: (lang: Language) => updateMe({ language: lang }),
    onMutate: async (lang) => {
      const previous = i18n.language as Language;
      await setLanguage(lang);
      return { previous };
    },
    // Ignore an answer that arrives after signing out.
    onSuccess: (session) => queryClient.getQueryData(SESSION_KEY) && setSession(session),
    onError: async (error, _lang, context) => {
      if (context) await setLanguage(context.previous);
      notifications.show({ color: 'red', title: t('account.languageFailed'), message: errorMessage(t, error) });
    },
  });

  const onSignOut = async () => {
    await signOut();
    navigate('/sign-in', { replace: true, state: { signedOut: true } });
  };

  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" aria-label={t('userMenu.open')} style={{ borderRadius: 8, padding: '4px 6px' }}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={32} radius="xl" color="blue">
              {initials(me.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={180} truncate>
              {me.name}
            </Text>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {me.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Label>
          <Group gap={6}>
            <IconLanguage size={14} />
            {t('userMenu.language')}
          </Group>
        </Menu.Label>
        {LANGUAGES.map((lang) => (
          <Menu.Item
            key={lang}
            data-testid={`lang-${lang}`}
            lang={lang}
            onClick={() => lang !== i18n.language && language.mutate(lang)}
            rightSection={i18n.language === lang ? <IconCheck size={14} /> : null}
            aria-current={i18n.language === lang ? 'true' : undefined}
          >
            {t(`languages.${lang}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          leftSection={scheme === 'dark' ? <IconSun size={16} /> : <IconMoon size={16} />}
          onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
          data-testid="menu-color-scheme"
        >
          {scheme === 'dark' ? t('userMenu.lightMode') : t('userMenu.darkMode')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLock size={16} />} onClick={() => navigate('/account/password')} data-testid="menu-change-password">
          {t('userMenu.changePassword')}
        </Menu.Item>
        {can('tokens.own') ? (
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => navigate('/account/tokens')} data-testid="menu-api-tokens">
            {t('userMenu.apiTokens')}
          </Menu.Item>
        ) : null}
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={onSignOut} data-testid="menu-sign-out">
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
