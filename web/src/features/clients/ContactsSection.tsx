import { Button, Group, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditAction } from '../../app/components/FormActions';
import { EmptyState, QueryView } from '../../app/components/QueryStates';
import { RowCard, RowCards } from '../../app/components/RowCards';
import { usePhone } from '../../app/components/usePhone';
import { type Client, type Contact, useContacts } from './api';
import { ContactModal } from './ContactModal';
import { ActiveBadge } from '../admin/shared/ActiveBadge';

/**
 * The contacts on a phone: one card a contact, the name and e-mail with whether it is active
 * beside them, the phone (when it has one) and language below, whether it may sign in to the
 * portal and its edit button at the foot: all on screen, nothing scrolls sideways.
 */
function ContactCards({ items, canWrite, onEdit }: { items: Contact[]; canWrite: boolean; onEdit: (contact: Contact) => void }) {
  const { t } = useTranslation();
  return (
    <RowCards testId="contacts-table">
      {items.map((c) => (
        <RowCard
          key={c.id}
          testId={`contacts-row-${c.id}`}
          head={(
            <>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>{c.name}</Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{c.email ?? '—'}</Text>
            </>
          )}
          headEnd={<ActiveBadge active={c.active} />}
          body={<Text size="sm" c="dimmed">{[c.phone, t(`languages.${c.language}`)].filter(Boolean).join(' · ')}</Text>}
          foot={(
            <Text size="xs" c="dimmed" data-testid={`contacts-portal-${c.id}`}>
              {t('contacts.fields.portalAccess')}: {c.portalAccess ? t('common.yes') : t('common.no')}
            </Text>
          )}
          footEnd={canWrite ? <EditAction label={c.name} onClick={() => onEdit(c)} testId={`contacts-edit-${c.id}`} /> : undefined}
        />
      ))}
    </RowCards>
  );
}

export function ContactsSection({ client, canWrite }: { client: Client; canWrite: boolean }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const query = useContacts(client.id);
  // undefined: closed; null: new contact; Contact: edit it
  const [editing, setEditing] = useState<Contact | null | undefined>(undefined);
  const items = query.data?.items ?? [];

  return (
    <>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3">
          {t('contacts.title')}
        </Title>
        {canWrite ? (
          <Button size="sm" variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="contacts-add">
            {t('contacts.add')}
          </Button>
        ) : null}
      </Group>
      <QueryView framed query={query} isEmpty={() => items.length === 0} empty={<EmptyState title={t('contacts.empty')} />}>
        {() => phone ? <ContactCards items={items} canWrite={canWrite} onEdit={setEditing} /> : (
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="contacts-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('contacts.fields.name')}</Table.Th>
                  <Table.Th>{t('contacts.fields.email')}</Table.Th>
                  <Table.Th>{t('contacts.fields.phone')}</Table.Th>
                  <Table.Th>{t('contacts.fields.language')}</Table.Th>
                  <Table.Th>{t('contacts.fields.portalAccess')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  {canWrite ? <Table.Th w={48}><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id} data-testid={`contacts-row-${c.id}`}>
                    <Table.Td fw={500}>{c.name}</Table.Td>
                    <Table.Td>{c.email ?? '—'}</Table.Td>
                    <Table.Td>{c.phone ?? '—'}</Table.Td>
                    <Table.Td>{c.language.toUpperCase()}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.portalAccess ? t('common.yes') : t('common.no')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <ActiveBadge active={c.active} />
                    </Table.Td>
                    {canWrite ? (
                      <Table.Td>
                        <EditAction label={c.name} onClick={() => setEditing(c)} testId={`contacts-edit-${c.id}`} />
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      {editing !== undefined ? (
        <ContactModal clientId={client.id} defaultLanguage={client.language} contact={editing} onClose={() => setEditing(undefined)} />
      ) : null}
    </>
  );
}
