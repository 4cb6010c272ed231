import { MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { Notifications, notificationsStore } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dateLocale } from '../i18n';
import { AuthProvider } from './auth/AuthProvider';
import { installDialogFocusReturn } from './components/dialogFocusReturn';
import { installToastTimes } from './components/toasts';
import { SMALL_TABLET_MAX_WIDTH } from './components/usePhone';
import { queryClient } from './queryClient';
import { cssVariablesResolver, localizedTheme } from './theme';

const colorSchemeManager = localStorageColorSchemeManager({ key: 'kontor.color-scheme' });

export function Providers({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const theme = useMemo(() => localizedTheme(t('common.close')), [t, i18n.language]);
  useEffect(() => installDialogFocusReturn(), []);
  useEffect(() => installToastTimes(notificationsStore), []);
  // Where the shell shows its navigation beside the page (from Mantine's sm up).
  const besideNavigation = useMediaQuery(`(min-width: ${SMALL_TABLET_MAX_WIDTH})`, undefined, { getInitialValueInEffect: false }) ?? false;
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} colorSchemeManager={colorSchemeManager} defaultColorScheme="light">
      {/* Bottom left, over the navigation's empty foot and no wider than the navigation, so a toast covers no part of
          the page: top right covered the pages' "New …" buttons, bottom right the forms' Save, and 440 px wide from the
          left the working column's headings and hints. Three at most; how long each stays is installToastTimes's rule.
          Taller than Mantine's 200 px where needed: a refusal in the narrow column must not be cut off. */}
      <Notifications position="bottom-left" limit={3} notificationMaxHeight={480}
        styles={besideNavigation ? { root: { maxWidth: 'calc(var(--app-shell-navbar-width, 27.5rem) - 2 * var(--mantine-spacing-md))' } } : undefined}
      />
      {/* Every calendar and date field in the user's Kontor language, weeks from Monday. */}
      <DatesProvider settings={{ locale: dateLocale(i18n.language), firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>{children}</AuthProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
