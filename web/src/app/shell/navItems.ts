import {
  IconBuildingStore,
  IconBuildingBank,
  IconCurrencyEuro,
  IconCategory,
  IconHourglass,
  IconMail,
  IconSitemap,
  IconUsersGroup,
  IconChartBar,
  IconChecklist,
  IconClipboardText,
  IconClockHour4,
  IconFileExport,
  IconFileInvoice,
  IconHome,
  IconListDetails,
  IconNumbers,
  IconPackage,
  IconReceipt,
  IconReceipt2,
  IconShieldCheck,
  IconTicket,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';

export interface NavItem {
  key: string;
  to: string;
  icon: Icon;
  /** Permission needed to see it; none means every signed-in user. */
  permission?: string;
  /** Planned area that this version does not have yet. */
  soon?: boolean;
}

export const mainNav: NavItem[] = [
  { key: 'dashboard', to: '/', icon: IconHome },
  { key: 'tickets', to: '/tickets', icon: IconTicket, permission: 'tickets.read' },
  { key: 'clients', to: '/clients', icon: IconBuildingStore, permission: 'clients.read' },
  { key: 'records', to: '/timesheets', icon: IconClockHour4, permission: 'records.write' },
  { key: 'approvals', to: '/approvals', icon: IconChecklist, permission: 'records.approve' },
  { key: 'warehouse', to: '/warehouse', icon: IconPackage, permission: 'warehouse.read' },
  { key: 'contracts', to: '/contracts', icon: IconClipboardText, permission: 'contracts.read' },
  { key: 'billing', to: '/billing', icon: IconFileInvoice, permission: 'billing.run' },
  { key: 'invoices', to: '/invoices', icon: IconReceipt, permission: 'invoices.read' },
  { key: 'exports', to: '/exports', icon: IconFileExport, permission: 'exports.run' },
  { key: 'reports', to: '/reports', icon: IconChartBar, permission: 'profitability.read' },
];

export const adminNav: NavItem[] = [
  { key: 'users', to: '/admin/users', icon: IconUsers, permission: 'users.read' },
  { key: 'audit', to: '/admin/audit', icon: IconListDetails, permission: 'audit.read' },
  { key: 'ticketTypes', to: '/admin/ticket-types', icon: IconSitemap, permission: 'helpdesk.configure' },
  { key: 'queues', to: '/admin/queues', icon: IconUsersGroup, permission: 'helpdesk.configure' },
  { key: 'catalog', to: '/admin/catalog', icon: IconCategory, permission: 'helpdesk.configure' },
  { key: 'sla', to: '/admin/sla', icon: IconHourglass, permission: 'helpdesk.configure' },
  { key: 'mail', to: '/admin/mail', icon: IconMail, permission: 'mail.manage' },
  { key: 'pricing', to: '/admin/pricing', icon: IconReceipt2, permission: 'pricing.read' },
  { key: 'numbering', to: '/admin/numbering', icon: IconNumbers, permission: 'numbering.manage' },
  { key: 'company', to: '/admin/company', icon: IconBuildingBank, permission: 'settings.manage' },
  { key: 'rates', to: '/admin/exchange-rates', icon: IconCurrencyEuro, permission: 'rates.read' },
];

export const AdminIcon = IconShieldCheck;
