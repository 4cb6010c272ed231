import { Button, Group, Kbd, Modal, Stack, Table, Text, Title, type MantineSpacing } from '@mantine/core';
import { createContext, Fragment, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GLOBAL_SHORTCUTS, helpSections, hintLabel, keyCaps, type HelpSection, type ShortcutGroup } from './shortcuts';
import { useKeyboardScreen } from './useKeyboardScreen';
import { createShortcutBoard, ShortcutBoardContext, useBoundShortcuts, usePageShortcuts } from './useShortcuts';

const OpenHelpContext = createContext<(() => void) | null>(null);

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "?" opens the help where a keyboard is likely (useKeyboardScreen); inside the board's provider so it is listed like any other key. */
function GlobalKeys({ onHelp }: { onHelp: () => void }) {
  usePageShortcuts(GLOBAL_SHORTCUTS, useKeyboardScreen() ? { help: onHelp } : {});
  return null;
}

/**
 * Collects the shortcuts bound on the screen and shows them on "?". The dialog is
 * mounted only while open: installDialogFocusReturn gives the focus back afterwards.
 */
export function ShortcutHelpProvider({ children }: { children: ReactNode }) {
  const board = useMemo(() => createShortcutBoard(), []);
  const [sections, setSections] = useState<HelpSection[] | null>(null);
  const open = useMemo(() => () => setSections(helpSections(board.current())), [board]);
  return (
    <ShortcutBoardContext.Provider value={board}>
      <OpenHelpContext.Provider value={open}>
        <GlobalKeys onHelp={open} />
        {children}
        {sections ? <ShortcutHelpDialog sections={sections} onClose={() => setSections(null)} /> : null}
      </OpenHelpContext.Provider>
    </ShortcutBoardContext.Provider>
  );
}

/** A shortcut's keys as the help draws them: caps, "+" within a chord, "or" between alternatives. */
function KeyCaps({ keys, size = 'sm' }: { keys: readonly string[]; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {keys.map((key, i) => (
        <Fragment key={key}>
          {i > 0 ? <Text span size="xs" c="dimmed">{t('shortcuts.or')}</Text> : null}
          {keyCaps(key, MAC).map((cap, j) => (
            <Fragment key={cap}>
              {j > 0 ? <Text span size="xs" c="dimmed">+</Text> : null}
              <Kbd size={size}>{cap}</Kbd>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </Group>
  );
}

function ShortcutHelpDialog({ sections, onClose }: { sections: HelpSection[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('shortcuts.title')} size="lg" attributes={{ content: { 'data-testid': 'shortcut-help' } }}>
      <Stack gap="md">
        {sections.map((section) => (
          <section key={section.id} aria-labelledby={`shortcut-help-${section.id}`} data-testid={`shortcut-help-${section.id}`}>
            <Title order={3} size="h6" mb={4} id={`shortcut-help-${section.id}`}>{t(section.title)}</Title>
            <Table verticalSpacing={4} withRowBorders={false}>
              <Table.Tbody>
                {section.shortcuts.map((s) => (
                  <Table.Tr key={s.action} data-testid={`shortcut-${section.id}-${s.action}`}>
                    <Table.Td w="40%"><KeyCaps keys={s.keys} /></Table.Td>
                    <Table.Td>{t(s.label)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        ))}
      </Stack>
    </Modal>
  );
}

/** The "? Keyboard shortcuts" hint of the header: shown only where there is a keyboard, opens the help on a click too. */
export function ShortcutHelpHint() {
  const { t } = useTranslation();
  const open = useContext(OpenHelpContext);
  if (!useKeyboardScreen() || !open) return null;
  return (
    <Button variant="subtle" color="gray" size="compact-sm" leftSection={<Kbd size="xs">?</Kbd>} onClick={open} data-testid="shortcut-help-hint">
      {t('shortcuts.hint')}
    </Button>
  );
}

/**
 * One line under a page naming its keys, e.g. "J next · K previous · Enter open": taken
 * from what the page binds now (the board the help reads), so it names no key that does
 * nothing and misses none that works; drawn like the help, with the short labels.
 * Shown only where there is a keyboard.
 */
export function ShortcutKeysHint({ group, testId, mt }: { group: ShortcutGroup; testId: string; mt?: MantineSpacing }) {
  const { t } = useTranslation();
  const keyboard = useKeyboardScreen();
  const shortcuts = useBoundShortcuts(group);
  if (!keyboard || shortcuts.length === 0) return null;
  return (
    <Group gap="xs" justify="center" wrap="wrap" mt={mt} data-testid={testId}>
      {shortcuts.map((s, i) => (
        <Fragment key={s.action}>
          {i > 0 ? <Text span size="xs" c="dimmed" aria-hidden>·</Text> : null}
          <Group gap={6} wrap="nowrap" data-testid={`${testId}-${s.action}`}>
            <KeyCaps keys={s.keys} size="xs" />
            <Text span size="xs" c="dimmed">{t(hintLabel(s))}</Text>
          </Group>
        </Fragment>
      ))}
    </Group>
  );
}
