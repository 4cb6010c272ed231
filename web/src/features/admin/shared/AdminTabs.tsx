import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';

export interface AdminTab {
  value: string;
  label: string;
  to: string;
  icon?: ReactNode;
}

/** Tabs whose value is a route: each tab is a page of its own (links, back button, tests). */
export function AdminTabs({ tabs, testId }: { tabs: AdminTab[]; testId: string }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = tabs.find((tab) => pathname === tab.to || pathname.startsWith(`${tab.to}/`))?.value ?? tabs[0]?.value;
  return (
    <Tabs value={current} onChange={(value) => { const tab = tabs.find((x) => x.value === value); if (tab) navigate(tab.to); }} mb="md" data-testid={testId}>
      <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value} leftSection={tab.icon} data-testid={`${testId}-${tab.value}`} style={{ flexShrink: 0 }}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
