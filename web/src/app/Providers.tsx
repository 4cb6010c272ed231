import { MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dateLocale } from '../i18n';
import { AuthProvider } from './auth/AuthProvider';
import { installDialogFocusReturn } from './components/dialogFocusReturn';
import { queryClient } from './queryClient';
import { cssVariablesResolver, localizedTheme } from './theme';

const colorSchemeManager = localStorageColorSchemeManager({ key: 'kontor.color-scheme' });

export function Providers({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const theme = useMemo(() => localizedTheme(t('common.close')), [t, i18n.language]);
  useEffect(() => installDialogFocusReturn(), []);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} colorSchemeManager={colorSchemeManager} defaultColorScheme="light">
      {/* Bottom left, over the navigation's empty foot: top right covered the pages' "New …" buttons, bottom right the forms' Save. */}
      <Notifications position="bottom-left" limit={4} />
      {/* Every calendar and date field in the user's Kontor language, weeks from Monday. */}
      <DatesProvider settings={{ locale: dateLocale(i18n.language), firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>{children}</AuthProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
