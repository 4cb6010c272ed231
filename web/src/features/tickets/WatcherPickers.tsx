import { Grid, MultiSelect } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pickerProps } from '../../app/components/pickerProps';
import type { Ref } from './api';
import { type ContactOption, useStaff } from './configApi';

interface Props {
  userIds: number[];
  contactIds: number[];
  onUsersChange: (ids: number[]) => void;
  onContactsChange: (ids: number[]) => void;
  /** The client's contacts; only active ones are offered, besides those already watching. */
  contacts: ContactOption[];
  /** Who watches now: kept selectable even when no longer on the staff or contact list. */
  current?: { users: Ref[]; contacts: Ref[] };
  usersError?: string | undefined;
  contactsError?: string | undefined;
  /** Prefix of the test ids (edit, ticket). */
  prefix: string;
  /** No client chosen yet: no contacts to offer. */
  contactsPlaceholder?: string;
}

const toIds = (values: string[]) => values.map(Number);

/**
 * Who follows a ticket besides the assignee: colleagues (told of its changes) and the client's
 * contacts (copied on its mail). Typed text finds a person by name or e-mail, as in every picker.
 */
export function WatcherPickers({ userIds, contactIds, onUsersChange, onContactsChange, contacts, current, usersError, contactsError, prefix, contactsPlaceholder }: Props) {
  const { t } = useTranslation();
  const staff = useStaff();
  const userOptions = useMemo(() => {
    const options = (staff.data ?? []).map((u) => ({ value: String(u.id), label: u.name }));
    for (const u of current?.users ?? []) if (!options.some((o) => o.value === String(u.id))) options.push({ value: String(u.id), label: u.name });
    return options;
  }, [staff.data, current?.users]);
  const contactOptions = useMemo(() => {
    const options = contacts
      .filter((c) => c.active || contactIds.includes(c.id))
      .map((c) => ({ value: String(c.id), label: c.email ? `${c.name} <${c.email}>` : c.name }));
    for (const c of current?.contacts ?? []) if (!options.some((o) => o.value === String(c.id))) options.push({ value: String(c.id), label: c.name });
    return options;
  }, [contacts, contactIds, current?.contacts]);

  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <MultiSelect
          label={t('tickets.fields.watcherUsers')}
          description={t('tickets.edit.watcherUsersHint')}
          clearable
          maxValues={50}
          {...pickerProps({ error: usersError })}
          nothingFoundMessage={t('common.nothingFound')}
          data={userOptions}
          value={userIds.map(String)}
          onChange={(v) => onUsersChange(toIds(v))}
          error={usersError}
          data-testid={`${prefix}-watcherUserIds`}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <MultiSelect
          label={t('tickets.fields.watcherContacts')}
          description={t('tickets.edit.watcherContactsHint')}
          placeholder={contactOptions.length ? undefined : contactsPlaceholder}
          disabled={!contactOptions.length}
          clearable
          maxValues={50}
          {...pickerProps({ error: contactsError })}
          nothingFoundMessage={t('common.nothingFound')}
          data={contactOptions}
          value={contactIds.map(String)}
          onChange={(v) => onContactsChange(toIds(v))}
          error={contactsError}
          data-testid={`${prefix}-watcherContactIds`}
        />
      </Grid.Col>
    </Grid>
  );
}
