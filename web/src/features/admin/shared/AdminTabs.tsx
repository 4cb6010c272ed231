import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';

export interface AdminTab {
  value: string;
  label: string;
  to: string;
  icon?: ReactNode;
}

/**
 * Tabs whose value is a route: each tab is a page of its own (links, back button, tests).
 * Tabs that do not fit wrap onto a second row: a row that scrolled sideways hid the
 * last tabs with no cue that they were there.
 */
export function AdminTabs({ tabs, testId }: { tabs: AdminTab[]; testId: string }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = tabs.find((tab) => pathname === tab.to || pathname.startsWith(`${tab.to}/`))?.value ?? tabs[0]?.value;
  return (
    <Tabs value={current} onChange={(value) => { const tab = tabs.find((x) => x.value === value); if (tab) navigate(tab.to); }} mb="md" data-testid={testId}>
      <Tabs.List style={{ flexWrap: 'wrap' }}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value} leftSection={tab.icon} data-testid={`${testId}-${tab.value}`} style={{ flexShrink: 0 }}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
