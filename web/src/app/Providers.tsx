import { MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthProvider } from './auth/AuthProvider';
import { queryClient } from './queryClient';
import { theme } from './theme';

const colorSchemeManager = localStorageColorSchemeManager({ key: 'kontor.color-scheme' });

function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="light">
      <Notifications position="top-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <LocalizedDates>
          <AuthProvider>{children}</AuthProvider>
        </LocalizedDates>
      </QueryClientProvider>
    </MantineProvider>
  );
}
