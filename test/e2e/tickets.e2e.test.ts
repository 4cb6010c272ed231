// The agent workspace journey in a real browser against a real server: Kontor
// started with serve() on 127.0.0.1:0, a fresh SQLite file seeded like `kontor demo`,
// the built web app from dist/web, chromium via playwright-core.
//
//   npm run build:web && npx vitest run test/e2e/tickets.e2e.test.ts
//
// The operator creates a ticket for a client with a requester, finds it in the list
// with its SLA badge, opens it, replies publicly, waits for the client (the SLA
// pauses), resumes and resolves it with the resolution note the form asks for.
// Screenshots: a temp folder, kept when a test fails or KONTOR_E2E_SCREENSHOTS names one.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { systemContext } from '../../src/modules/identity/index.ts';
import { apiCall, focusedTestId, uncovered, useDemoServer } from './harness.ts';

const OPERATOR = 'operator@kontor.demo';
const ADMIN = 'admin@kontor.demo';
/** A technician of the default queue who leaves while a ticket for her is being written. */
const LEAVING = 'Eva Odchází';
const CLIENT = 'Strojírny Brno a.s.';
const REQUESTER = 'Petr Dvořák';
const SUBJECT = `E2E: tiskárna ve skladu netiskne ${Date.now().toString(36)}`;
const REPLY = 'Dobrý den, technik se ozve do hodiny.';
const RESOLUTION = 'Vyměněna zaseknutá fixační jednotka, tisk funguje.';
const REQUEST = 'Pošlete nám prosím fotku displeje tiskárny s chybovým hlášením.';
const STEP_MS = 10_000;
const JOURNEY_MS = 45_000;

const demo = useDemoServer({
  name: 'tickets',
  stepMs: STEP_MS,
  // Operators see and create tickets only in their queues: make sure the demo
  // operator belongs to the default one (what an administrator sets up).
  seed: async (services, db) => {
    const operator = await db.selectFrom('users').select('id').where('email', '=', OPERATOR).executeTakeFirstOrThrow();
    const desk = (await services.helpdesk.queues.listQueues(systemContext, 'true')).find((q) => q.code === 'service_desk');
    if (!desk) throw new Error('the default queue service_desk is missing');
    leavingId = (await services.users.create(systemContext, { email: 'eva.odchazi@kontor.demo', name: LEAVING, language: 'cs', roles: ['technician'] })).id;
    await services.helpdesk.queues.updateQueue(systemContext, desk.id, { members: [...desk.members.filter((id) => id !== operator.id), operator.id, leavingId] });
    // Two dimensions, and two open tickets of the queue that share a service but not a cost centre (the dimension filter step).
    await services.helpdesk.taxonomy.createDimension(systemContext, { code: 'service', name: 'Služba', active: true, values: [{ code: 'printing', name: 'Tisk', active: true }] });
    await services.helpdesk.taxonomy.createDimension(systemContext, {
      code: 'cost_centre', name: 'Středisko', active: true, values: [{ code: 'brno', name: 'Brno', active: true }, { code: 'praha', name: 'Praha', active: true }],
    });
    const open = await db.selectFrom('tickets').select(['id', 'version']).where('queue_id', '=', desk.id).where('state_category', 'in', ['new', 'open']).orderBy('id').limit(2).execute();
    if (open.length < 2) throw new Error('the demo has fewer than two open tickets in service_desk');
    for (const [i, ticket] of open.entries()) {
      await services.tickets.update(systemContext, ticket.id, { version: ticket.version, dimensions: { service: 'printing', cost_centre: i === 0 ? 'brno' : 'praha' } });
    }
    [printedInBrno, printedInPraha] = open.map((t) => t.id) as [number, number];
    // A contact of the client with no e-mail address: it may watch a ticket, but no mail reaches it.
    clientId = (await db.selectFrom('clients').select('id').where('name', '=', CLIENT).executeTakeFirstOrThrow()).id;
    contactWithoutEmail = (await services.customers.createContact(systemContext, clientId, { name: 'Vrátný bez e-mailu', email: null, language: 'cs', portalAccess: false })).id;
  },
});
let printedInBrno = 0;
let printedInPraha = 0;
let clientId = 0;
let contactWithoutEmail = 0;
let leavingId = 0;
const { newPage, shot } = demo;
const signIn = (page: Page) => demo.signIn(page, OPERATOR);

const attr = (page: Page, testId: string, name: string) => page.getByTestId(testId).getAttribute(name);

type TicketBody = { version: number; subject: string; description: string; tags: string[]; impact: string; urgency: string };

/** Picks a state from the detail page's state menu and waits until the ticket is in it. */
async function moveTo(page: Page, state: string): Promise<void> {
  await page.getByTestId('ticket-state-menu').click();
  await page.getByTestId(`ticket-transition-${state}`).click();
  await expect.poll(() => attr(page, 'ticket-state', 'data-state'), { timeout: STEP_MS }).toBe(state);
}

describe('Tickets: the agent workspace in the browser', () => {
  let ticketId = 0;

  test('operator: create → list with SLA → open → public reply → waiting (SLA paused) → in progress → resolve with a note', async () => {
    const page = await newPage();
    await signIn(page);

    // Tickets from the navigation; `c` opens the new ticket form.
    await page.getByTestId('nav-tickets').click();
    await page.getByTestId('page-tickets').waitFor();
    await page.getByTestId('tickets-table').waitFor();
    await page.keyboard.press('c');
    await page.getByTestId('ticket-form').waitFor();
    // On a wide screen the form starts in the client picker.
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-clientId');
    // Ctrl+Enter at once, its list open from that focus: refused, and the list closes off the message under it.
    await expect.poll(() => page.getByTestId('ticket-clientId').getAttribute('aria-expanded'), { timeout: STEP_MS }).toBe('true');
    await page.keyboard.press('Control+Enter');
    const clientError = page.getByTestId('ticket-clientId-error');
    await clientError.waitFor();
    await expect.poll(() => page.getByTestId('ticket-clientId').getAttribute('aria-expanded'), { timeout: STEP_MS }).toBe('false');
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-clientId');
    // Saved empty, the form refuses and takes the keyboard user to the first field it needs.
    await page.getByTestId('ticket-create').click();
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-clientId');
    // The message under the field can be read: the client list does not open over it on that
    // focus, only once asked for (↓ here; typing opens it as well, below).
    const client = page.getByTestId('ticket-clientId');
    expect(await clientError.innerText()).toBe('Povinný údaj');
    expect(await client.getAttribute('aria-expanded')).toBe('false');
    expect(await uncovered(clientError)).toBe(true);
    await client.press('ArrowDown');
    await expect.poll(() => client.getAttribute('aria-expanded'), { timeout: STEP_MS }).toBe('true');
    await client.press('Escape');

    // Client by search, then one of its contacts as the requester.
    await client.click();
    // Typed and Enter at once, before the search has answered: the first match is taken.
    await client.fill('Strojír');
    await client.press('Enter');
    await expect.poll(() => client.inputValue(), { timeout: STEP_MS }).toBe(CLIENT);
    const requester = page.getByTestId('ticket-requesterContactId');
    await expect.poll(() => requester.isEnabled(), { timeout: STEP_MS }).toBe(true);
    // The contacts are searched by typing, accents aside: a part of an e-mail address finds its
    // contact, the requester's name typed without accents finds only it, and Enter takes it.
    await requester.click();
    const options = () => page.getByRole('option').allInnerTexts();
    await requester.fill('novakova@');
    await expect.poll(options, { timeout: STEP_MS }).toEqual(['Jana Nováková <jana.novakova@strojirny-brno.cz>']);
    await requester.fill('petr dvorak');
    await expect.poll(options, { timeout: STEP_MS }).toEqual([`${REQUESTER} <petr.dvorak@strojirny-brno.cz>`]);
    await requester.press('Enter');
    await expect.poll(() => requester.inputValue(), { timeout: STEP_MS }).toBe(`${REQUESTER} <petr.dvorak@strojirny-brno.cz>`);
    await page.getByTestId('ticket-subject').fill(SUBJECT);
    await page.getByTestId('ticket-description').fill('Tiskárna ve skladu hlásí **chybu 50.1**.');
    // Impact high × urgency medium gives P2, shown before saving.
    await page.getByTestId('ticket-impact').getByText('Vysoký').click();
    await expect.poll(() => attr(page, 'ticket-priority-computed', 'data-priority'), { timeout: STEP_MS }).toBe('P2');
    await shot(page, 'create-filled');
    // "?" (outside the fields) lists the form's Ctrl+Enter; Esc gives the focus back.
    const help = page.getByTestId('shortcut-help');
    await page.getByTestId('ticket-cancel').focus();
    await page.keyboard.press('?');
    await help.waitFor();
    const createKey = help.getByTestId('shortcut-ticket-create-create');
    expect(await createKey.textContent()).toContain('Založit požadavek');
    expect(await createKey.locator('kbd').allTextContents()).toEqual(['Ctrl', 'Enter']);
    await help.getByTestId('shortcut-global-help').waitFor();
    expect(await help.getByTestId('shortcut-ticket-list-next').count()).toBe(0);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-cancel');
    // Ctrl+Enter in the form creates the ticket.
    await page.getByTestId('ticket-subject').press('Control+Enter');

    await page.getByTestId('page-ticket-detail').waitFor();
    ticketId = Number(/\/tickets\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1]);
    expect(ticketId, page.url()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('ticket-subject').textContent()).toBe(SUBJECT);
    expect(await attr(page, 'ticket-state', 'data-state')).toBe('new');
    expect(await attr(page, 'ticket-priority', 'data-priority')).toBe('P2');
    expect(await page.getByTestId('ticket-requester').innerText()).toContain(REQUESTER);
    // The e-mail breaks only before its "@", never at the hyphen of "strojirny-brno.cz"; the whole address in the tooltip.
    const email = page.getByTestId('ticket-requester-email');
    expect(await email.getAttribute('title')).toBe('petr.dvorak@strojirny-brno.cz');
    expect(await email.locator('span').allTextContents()).toEqual(['petr.dvorak', '@strojirny-brno.cz']);
    for (const part of await email.locator('span').all()) expect((await part.boundingBox())!.height).toBeLessThan(24);
    // The header: working time left to the first response (hours and minutes, never days), and its due time.
    expect(await attr(page, 'ticket-sla', 'data-status')).toBe('running');
    expect(await page.getByTestId('ticket-sla').innerText()).toMatch(/^zbývá (\d+ h )?(\d+ min )?pracovní doby$/);
    // The weekday in full: "termín po 30. 11." would read as "due after 30 Nov".
    expect(await page.getByTestId('ticket-sla-due').innerText()).toMatch(/^termín (pondělí|úterý|středa|čtvrtek|pátek|sobota|neděle) \d+\.\s?\d+\.\s?\d{4} \d+:\d\d$/);
    // At 1280 px the due time has room on the badge's line.
    const badgeBox = (await page.getByTestId('ticket-sla').boundingBox())!;
    const dueBox = (await page.getByTestId('ticket-sla-due').boundingBox())!;
    expect(dueBox.x).toBeGreaterThan(badgeBox.x + badgeBox.width);
    expect(Math.abs(dueBox.y + dueBox.height / 2 - (badgeBox.y + badgeBox.height / 2))).toBeLessThan(4);
    expect(await page.getByTestId('ticket-sla-first-response').innerText()).toContain('pracovní doby');
    await shot(page, 'detail-sla-working-time');

    // The list: the new ticket with a running SLA badge that names its due moment (the list
    // cannot count working time, so it says when, not how long): "do 14:00", "do zítra 9:00", "do pondělí 9:00".
    await page.getByTestId('nav-tickets').click();
    const row = page.getByTestId(`tickets-row-${ticketId}`);
    await row.waitFor();
    expect(await row.innerText()).toContain(CLIENT);
    expect(await attr(page, `tickets-sla-${ticketId}`, 'data-status')).toBe('running');
    expect(await page.getByTestId(`tickets-sla-${ticketId}`).innerText()).toMatch(/^do (zítra |pondělí |úterý |středy |čtvrtka |pátku |soboty |neděle |\d+\. \d+\. (\d{4} )?)?\d+:\d\d$/);
    await shot(page, 'list-with-sla');

    // Open it and reply publicly (the hint says the requester gets it by e-mail).
    await row.getByText(SUBJECT).click();
    await page.getByTestId('page-ticket-detail').waitFor();
    expect(await attr(page, 'reply-hint', 'data-visibility')).toBe('public');
    expect(await page.getByTestId('reply-hint').innerText()).toContain('petr.dvorak@strojirny-brno.cz');
    await page.getByTestId('reply-body').fill(REPLY);
    await page.getByTestId('reply-send').click();
    const reply = page.locator('[data-testid^="timeline-comment-"][data-visibility="public"]').filter({ hasText: REPLY });
    await reply.waitFor();
    await expect.poll(() => page.getByTestId('reply-body').inputValue()).toBe('');

    // new → in progress → waiting for the client: the SLA clock pauses.
    // Waiting for the client asks what is needed first; the request becomes a public reply.
    await moveTo(page, 'in_progress');
    // Focus is back on the state button (it was disabled while working and dropped focus to the page).
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-state-menu');
    await page.getByTestId('ticket-state-menu').click();
    await page.getByTestId('ticket-transition-waiting_for_client').click();
    await page.getByTestId('transition-modal').waitFor();
    await page.getByTestId('transition-submit').click();
    await page.getByTestId('transition-comment-error').waitFor();
    expect(await attr(page, 'ticket-state', 'data-state')).toBe('in_progress');
    await page.getByTestId('transition-comment').fill(REQUEST);
    await page.getByTestId('transition-submit').click();
    await expect.poll(() => attr(page, 'ticket-state', 'data-state'), { timeout: STEP_MS }).toBe('waiting_for_client');
    // The dialog and the menu item are gone: focus lands on the state button, not on the page.
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-state-menu');
    await page.locator('[data-testid^="timeline-comment-"][data-visibility="public"]').filter({ hasText: REQUEST }).waitFor();
    await expect.poll(() => attr(page, 'ticket-sla', 'data-status'), { timeout: STEP_MS }).toBe('paused');
    expect(await page.getByTestId('ticket-sla').innerText()).toBe('Pozastaveno');
    await shot(page, 'waiting-sla-paused');

    // Back to work: the clock runs again.
    await moveTo(page, 'in_progress');
    await expect.poll(() => attr(page, 'ticket-sla', 'data-status'), { timeout: STEP_MS }).not.toBe('paused');

    // Resolve: the form asks for the resolution note and refuses to go on without it.
    await page.getByTestId('ticket-state-menu').click();
    await page.getByTestId('ticket-transition-resolved').click();
    await page.getByTestId('transition-modal').waitFor();
    await page.getByTestId('transition-submit').click();
    await page.getByTestId('transition-resolutionNote-error').waitFor();
    expect(await attr(page, 'ticket-state', 'data-state')).toBe('in_progress');
    // The keyboard user is taken to the field that needs the note, not left on the submit button.
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('transition-resolutionNote');
    await page.getByTestId('transition-resolutionNote').fill(RESOLUTION);
    await page.getByTestId('transition-submit').click();
    await expect.poll(() => attr(page, 'ticket-state', 'data-state'), { timeout: STEP_MS }).toBe('resolved');
    await expect.poll(() => page.getByTestId('ticket-resolution').innerText()).toContain(RESOLUTION);
    await expect.poll(() => attr(page, 'ticket-sla', 'data-status'), { timeout: STEP_MS }).toBe('met');
    // Both targets stopped: the details show their outcome, no countdown.
    expect(await attr(page, 'ticket-sla-first-response', 'data-outcome')).toBe('met');
    expect(await attr(page, 'ticket-sla-resolution', 'data-outcome')).toBe('met');
    // A reply is still possible, and the box says what it does on a resolved ticket: mailed, the state stays.
    const finished = page.getByTestId('reply-finished-notice');
    await expect.poll(() => finished.getAttribute('data-category'), { timeout: STEP_MS }).toBe('resolved');
    expect(await finished.innerText()).toBe('Požadavek je vyřešený: odpověď klient dostane e-mailem, ale stav se nezmění – požadavek zůstane vyřešený.');
    expect(await page.getByTestId('reply-send').isEnabled()).toBe(true);
    await finished.scrollIntoViewIfNeeded();
    await shot(page, 'resolved-reply-notice');

    // The timeline tells the story in order.
    const states = await page.locator('[data-testid^="timeline-event-"][data-event="state"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-after')));
    expect(states).toEqual(['in_progress', 'waiting_for_client', 'in_progress', 'resolved']);
    await shot(page, 'resolved');
  }, JOURNEY_MS);

  test('phone (390×844): the list as cards, the resolved ticket without sideways scrolling, a new ticket keeps its requester and gets an assignee by taps', async () => {
    expect(ticketId, 'the desktop journey creates the ticket').toBeGreaterThan(0);
    const page = await newPage({ context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
    await signIn(page);
    await page.goto('/tickets?stateCategory=resolved');
    await page.getByTestId(`tickets-row-${ticketId}`).waitFor();
    expect(await attr(page, 'tickets-table', 'data-layout')).toBe('cards');
    await shot(page, 'phone-list');
    // No keyboard on a phone: no "? Keyboard shortcuts" in the header, and "?" (a paired keyboard's) opens nothing.
    expect(await page.getByTestId('shortcut-help-hint').count()).toBe(0);
    expect(await page.getByTestId('tickets-keys-hint').count()).toBe(0);
    await page.keyboard.press('?');
    expect(await page.getByTestId('shortcut-help').count()).toBe(0);
    await page.getByTestId(`tickets-row-${ticketId}`).getByText(SUBJECT).click();
    await page.getByTestId('page-ticket-detail').waitFor();
    expect(await attr(page, 'ticket-state', 'data-state')).toBe('resolved');
    await page.locator('[data-testid^="timeline-comment-"]').first().waitFor();
    // Runs in the page; the test's own TypeScript setup has no DOM types.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(page, 'phone-detail');
    // The conversation first: its reply box comes before the work log (a long form on a phone).
    const top = async (testId: string) => (await page.getByTestId(testId).boundingBox())!.y;
    await page.getByTestId('records-panel').waitFor();
    expect(await top('reply-body')).toBeLessThan(await top('records-panel'));
    await page.getByTestId('reply-body').scrollIntoViewIfNeeded();
    await shot(page, 'phone-detail-reply');

    // A new ticket on the phone: a client with one contact has it preselected, and tapping
    // that contact again in the list keeps it (it used to empty the field without a word).
    await page.goto('/tickets/new');
    await page.getByTestId('ticket-form').waitFor();
    // Nothing focused for the phone: a focused client picker would open its list over the form.
    expect(await focusedTestId(page)).not.toBe('ticket-clientId');
    expect(await page.getByRole('listbox').count()).toBe(0);
    await shot(page, 'phone-new-ticket');
    const client = page.getByTestId('ticket-clientId');
    await client.tap();
    await client.fill('Tatra');
    await client.press('Enter');
    await expect.poll(() => client.inputValue(), { timeout: STEP_MS }).toBe('Tatra Logistik s.r.o.');
    const requester = page.getByTestId('ticket-requesterContactId');
    await expect.poll(() => requester.inputValue(), { timeout: STEP_MS }).toContain('Ján Kováč');
    await requester.tap();
    await page.getByRole('option', { name: /Ján Kováč/ }).tap();
    await expect.poll(() => requester.inputValue(), { timeout: STEP_MS }).toContain('Ján Kováč');
    // Not SUBJECT: this ticket stays open, and the search test below expects no open ticket with its words.
    await page.getByTestId('ticket-subject').fill('E2E: VPN na pobočce, zadáno z telefonu');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // The assignee, the form's last field, tapped with the page scrolled to its end (as a thumb
    // leaves it): the list opens and stays on screen, and a tapped name is taken. It used to
    // open for a frame, push the field below the screen and hide (the page scrolled instead).
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    const assignee = page.getByTestId('ticket-assigneeId');
    await assignee.tap();
    const technician = page.getByRole('option', { name: 'Tomáš Technik' });
    await technician.waitFor({ timeout: STEP_MS });
    expect(await assignee.boundingBox().then((box) => box!.y + box!.height)).toBeLessThanOrEqual(844);
    await technician.tap();
    await expect.poll(() => assignee.inputValue(), { timeout: STEP_MS }).toBe('Tomáš Technik');
    await shot(page, 'phone-assignee-tapped');
    await page.getByTestId('ticket-create').tap();
    await page.getByTestId('page-ticket-detail').waitFor();
    expect(await page.getByTestId('ticket-requester').innerText()).toContain('Ján Kováč');
    expect(await page.getByTestId('ticket-assignee').innerText()).toContain('Tomáš Technik');
    // No room beside the SLA badge: the due time goes under it, starting at the badge's left edge
    // with its own words (no separator opening the line).
    await page.getByTestId('ticket-sla-due').scrollIntoViewIfNeeded();
    const badge = (await page.getByTestId('ticket-sla').boundingBox())!;
    const due = (await page.getByTestId('ticket-sla-due').boundingBox())!;
    expect(due.y).toBeGreaterThanOrEqual(badge.y + badge.height);
    expect(due.x).toBeCloseTo(badge.x, 0);
    expect(await page.getByTestId('ticket-sla-due').innerText()).toMatch(/^termín /);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(page, 'phone-new-ticket-sla');
  }, JOURNEY_MS);

  test('an assignee who left meanwhile: the refused save shows its message under the assignee with no list over it; ↓ opens the list, Esc closes it, typing and Enter take the first match', async () => {
    const page = await newPage();
    await signIn(page);
    await page.goto('/tickets/new');
    await page.getByTestId('ticket-form').waitFor();
    const client = page.getByTestId('ticket-clientId');
    await client.fill('Strojír');
    await client.press('Enter');
    await expect.poll(() => client.inputValue(), { timeout: STEP_MS }).toBe(CLIENT);
    await page.getByTestId('ticket-subject').fill('E2E: řešitelka mezitím odešla');
    // Typed, the first match is highlighted and Enter takes it (as in every picker).
    const assignee = page.getByTestId('ticket-assigneeId');
    await assignee.click();
    await assignee.fill('eva odch');
    await expect.poll(() => page.getByRole('option').allInnerTexts(), { timeout: STEP_MS }).toEqual([LEAVING]);
    await assignee.press('Enter');
    await expect.poll(() => assignee.inputValue(), { timeout: STEP_MS }).toBe(LEAVING);

    // Meanwhile an administrator deactivates her: the save is refused on the assignee.
    const admin = await newPage();
    await demo.signIn(admin, ADMIN);
    await apiCall(admin, 'PATCH', `/users/${leavingId}`, { active: false });
    await page.bringToFront();
    await page.getByTestId('ticket-create').click();
    const error = page.getByTestId('ticket-assigneeId-error');
    await error.waitFor();
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-assigneeId');
    // The message can be read: the focus the refusal put there opens no list over it.
    expect(await error.innerText()).toBe('Tento uživatel už není aktivní: vyberte jiného řešitele');
    expect(await assignee.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('listbox').count()).toBe(0);
    expect(await uncovered(error)).toBe(true);
    await shot(page, 'assignee-refused');
    // ↓ opens the list, Esc closes it and leaves the cursor in the field.
    await assignee.press('ArrowDown');
    await expect.poll(() => assignee.getAttribute('aria-expanded'), { timeout: STEP_MS }).toBe('true');
    await assignee.press('Escape');
    await expect.poll(() => assignee.getAttribute('aria-expanded'), { timeout: STEP_MS }).toBe('false');
    expect(await focusedTestId(page)).toBe('ticket-assigneeId');
    // Text that finds nobody: Enter stays in the field, the form is not sent.
    await assignee.fill('nikdo takový');
    await assignee.press('Enter');
    expect(new URL(page.url()).pathname).toBe('/tickets/new');
    // Typed and Enter: the first match is taken, and the ticket is saved with it.
    await assignee.fill('tomas');
    await expect.poll(() => page.getByRole('option').allInnerTexts(), { timeout: STEP_MS }).toEqual(['Tomáš Technik']);
    await assignee.press('Enter');
    await expect.poll(() => assignee.inputValue(), { timeout: STEP_MS }).toBe('Tomáš Technik');
    await page.getByTestId('ticket-create').click();
    await page.getByTestId('page-ticket-detail').waitFor();
    expect(await page.getByTestId('ticket-assignee').innerText()).toContain('Tomáš Technik');
  }, JOURNEY_MS);

  test('tablet (820×1180): the ticket opens on its conversation and the reply box, the details after them', async () => {
    expect(ticketId, 'the desktop journey creates the ticket').toBeGreaterThan(0);
    const page = await newPage({ context: { viewport: { width: 820, height: 1180 }, isMobile: true, hasTouch: true } });
    await signIn(page);
    await page.goto(`/tickets/${ticketId}`);
    await page.getByTestId('page-ticket-detail').waitFor();
    await page.locator('[data-testid^="timeline-comment-"]').first().waitFor();
    const top = async (testId: string) => (await page.getByTestId(testId).boundingBox())!.y;
    expect(await top('reply-body')).toBeLessThan(await top('ticket-facts'));
    expect(await top('ticket-description')).toBeLessThan(await top('ticket-facts'));
    // One column, the whole width: nothing beside the conversation, no sideways scrolling.
    const facts = (await page.getByTestId('ticket-facts').boundingBox())!;
    const reply = (await page.getByTestId('reply-box').boundingBox())!;
    expect(Math.abs(facts.x - reply.x)).toBeLessThan(2);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(820);
    await shot(page, 'tablet-detail');
    await page.getByTestId('ticket-facts').scrollIntoViewIfNeeded();
    await shot(page, 'tablet-detail-facts');
  }, JOURNEY_MS);

  test('saved views: save the current filters, pick the view, delete it; an address that names no ticket is "not found"', async () => {
    const page = await newPage();
    await signIn(page);
    await page.goto('/tickets?view=unassigned&priority=P1,P2&sort=priority');
    await page.getByTestId('page-tickets').waitFor();
    // `v` opens the saved views; save the current filters under a name.
    await page.keyboard.press('v');
    await page.getByTestId('saved-view-save').click();
    await page.getByTestId('saved-view-name').fill('E2E nepřidělené P1–P2');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('saved-views-menu').innerText(), { timeout: STEP_MS }).toContain('E2E nepřidělené P1–P2');
    // Elsewhere, picking the view brings its filters back.
    await page.goto('/tickets');
    await page.getByTestId('page-tickets').waitFor();
    await page.getByTestId('saved-views-menu').click();
    await page.locator('[data-testid^="saved-view-"]').filter({ hasText: 'E2E nepřidělené P1–P2' }).click();
    await expect.poll(() => new URL(page.url()).search, { timeout: STEP_MS }).toBe('?view=unassigned&priority=P1%2CP2&sort=priority');
    // The list shows it: the menu names the active view, the filters hold its priorities.
    await expect.poll(() => page.getByTestId('saved-views-menu').innerText(), { timeout: STEP_MS }).toContain('E2E nepřidělené P1–P2');
    await expect.poll(() => page.getByTestId('tickets-filters').innerText(), { timeout: STEP_MS }).toContain('P1');
    await shot(page, 'saved-view');
    await page.getByTestId('saved-views-menu').click();
    await page.getByTestId('saved-view-delete').click();
    await page.getByTestId('confirm-modal').getByRole('button', { name: /Smazat|Delete/ }).click();
    await expect.poll(() => page.getByTestId('saved-views-menu').innerText(), { timeout: STEP_MS }).not.toContain('E2E nepřidělené');
    // A name of 100 letters without a space stays on the screen: in the menu and on its button.
    const longName = 'x'.repeat(100);
    await page.getByTestId('saved-views-menu').click();
    await page.getByTestId('saved-view-save').click();
    await page.getByTestId('saved-view-name').fill(longName);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('saved-views-menu').innerText(), { timeout: STEP_MS }).toContain('xxxx');
    await page.getByTestId('saved-views-menu').click();
    const longItem = page.locator('[data-testid^="saved-view-"]').filter({ hasText: longName }).first();
    await longItem.waitFor();
    const viewport = page.viewportSize()!.width;
    for (const box of [await longItem.boundingBox(), await page.getByTestId('saved-views-menu').boundingBox()]) {
      expect(box && box.x + box.width, JSON.stringify(box)).toBeLessThanOrEqual(viewport);
    }
    await page.getByTestId('saved-view-delete').click();
    await page.getByTestId('confirm-modal').getByRole('button', { name: /Smazat|Delete/ }).click();
    await expect.poll(() => page.getByTestId('saved-views-menu').innerText(), { timeout: STEP_MS }).not.toContain('xxxx');

    // /tickets/abc: the same "not found" as a ticket that does not exist, and no call with NaN.
    const calls: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/v1/tickets/')) calls.push(r.url()); });
    await page.goto('/tickets/abc');
    const notFound = page.getByTestId('error-state');
    await expect.poll(() => notFound.getAttribute('data-kind'), { timeout: STEP_MS }).toBe('not-found');
    expect(await notFound.innerText()).toContain('Požadavek nenalezen');
    // A ticket that does not exist, or one the operator may not see: said so, no "Try again" (it would get the same), a way back to the list.
    await page.goto('/tickets/99999');
    await expect.poll(() => notFound.getAttribute('data-kind'), { timeout: STEP_MS }).toBe('not-found');
    expect(await notFound.innerText()).toContain('nemáte oprávnění vidět');
    expect(await page.getByTestId('error-state-retry').count()).toBe(0);
    await shot(page, 'ticket-not-found');
    await page.getByTestId('error-state-back').click();
    await page.getByTestId('tickets-table').waitFor({ timeout: STEP_MS });
    expect(new URL(page.url()).pathname).toBe('/tickets');
    expect(calls.filter((u) => u.includes('NaN') || u.includes('/abc'))).toEqual([]);
    // The timeline of a ticket that is not there is not asked for (a second 404).
    expect(calls.filter((u) => u.includes('99999'))).toEqual([expect.stringMatching(/\/api\/v1\/tickets\/99999$/)]);
  }, JOURNEY_MS);

  test('"?" lists the shortcuts of the list and of a ticket, Esc gives the focus back; "?" in the search box is text; no custom field filter without custom fields', async () => {
    const page = await newPage();
    await signIn(page);
    await page.goto('/tickets');
    await page.getByTestId('tickets-table').waitFor();
    const help = page.getByTestId('shortcut-help');
    // The header says so (a desktop browser has a keyboard).
    expect(await page.getByTestId('shortcut-help-hint').textContent()).toContain('Klávesové zkratky');

    // Typed into the search box, "?" is part of the search.
    await page.getByTestId('tickets-search').click();
    await page.keyboard.type('?');
    expect(await page.getByTestId('tickets-search').inputValue()).toBe('?');
    expect(await help.count()).toBe(0);
    await page.getByTestId('tickets-search').fill('');

    // On the list: the list's keys and the global ones, each key a <kbd>; Esc closes, the focus is back.
    await page.getByTestId('tickets-filters-toggle').focus();
    await page.keyboard.press('?');
    await help.waitFor();
    const next = help.getByTestId('shortcut-ticket-list-next');
    expect(await next.textContent()).toContain('Vybrat další požadavek');
    expect(await next.locator('kbd').allTextContents()).toEqual(['J']);
    expect(await help.getByTestId('shortcut-ticket-list-create').locator('kbd').allTextContents()).toEqual(['C', 'N']);
    await help.getByTestId('shortcut-global-help').waitFor();
    expect(await help.getByTestId('shortcut-ticket-detail-reply').count()).toBe(0);
    // The line under the list names the same keys, in the same order, drawn the same way.
    const listed = await help.locator('[data-testid^="shortcut-ticket-list-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('shortcut-ticket-list-'.length)));
    const hinted = await page.locator('[data-testid^="tickets-keys-hint-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('tickets-keys-hint-'.length)));
    expect(hinted).toEqual(listed);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('tickets-filters-toggle');

    // The demo has no custom fields: the filters offer none (no empty "Vlastní pole: Vše" with a disabled value box).
    await page.getByTestId('tickets-filters-toggle').click();
    await page.getByTestId('tickets-filter-dimension-service').waitFor();
    expect(await page.getByTestId('tickets-filter-custom').count()).toBe(0);

    // On a ticket: its own keys, Ctrl+Enter of the reply box among them, none of the list's.
    await page.goto(`/tickets/${printedInBrno}`);
    await page.getByTestId('reply-body').waitFor();
    await page.getByTestId('ticket-edit').focus();
    await page.keyboard.press('?');
    await help.waitFor();
    expect(await help.getByTestId('shortcut-ticket-detail-assignToMe').textContent()).toContain('Přiřadit mně');
    expect(await help.getByTestId('shortcut-ticket-detail-send').locator('kbd').allTextContents()).toEqual(['Ctrl', 'Enter']);
    // …and that of the dialogs the ticket's buttons open, under their own heading.
    const saveDialog = help.getByTestId('shortcut-ticket-dialog-save');
    expect(await saveDialog.textContent()).toContain('Uložit dialog');
    expect(await saveDialog.locator('kbd').allTextContents()).toEqual(['Ctrl', 'Enter']);
    expect(await help.getByTestId('shortcut-ticket-list-next').count()).toBe(0);
    await shot(page, 'shortcut-help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-edit');

    // In a dialog "?" opens no help; Ctrl+Enter in its text area saves it (nothing changed: it just closes).
    await page.keyboard.press('e');
    const edit = page.getByTestId('ticket-edit-modal');
    await edit.waitFor();
    await edit.getByRole('button', { name: 'Zrušit' }).focus();
    await page.keyboard.press('?');
    expect(await help.count()).toBe(0);
    await page.getByTestId('edit-description').focus();
    await page.keyboard.press('Control+Enter');
    await edit.waitFor({ state: 'detached', timeout: STEP_MS });
  }, JOURNEY_MS);

  test('search box → results by keyboard: Enter (or ↓) leaves the box with the cursor on the first result, so j/k/Enter act at once; back from a ticket the cursor is on it; Esc leaves the box, a filter and the reply box', async () => {
    const page = await newPage();
    await signIn(page);
    await page.goto('/tickets');
    await page.getByTestId('tickets-table').waitFor();
    const box = page.getByTestId('tickets-search');
    const rows = () => page.locator('[data-testid^="tickets-row-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    const selectedRow = () => page.locator('[data-testid^="tickets-row-"][data-selected]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));

    // "/" and a word (two demo tickets of October, "říjnu"), Enter at once, before the pause in typing would have searched.
    await page.keyboard.press('/');
    await page.keyboard.type('rijnu');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: STEP_MS }).toBe('rijnu');
    await expect.poll(async () => (await rows()).length, { timeout: STEP_MS }).toBe(2);
    const [first, second] = (await rows()) as [string, string];
    await expect.poll(selectedRow, { timeout: STEP_MS }).toEqual([first]);
    expect(await focusedTestId(page)).not.toBe('tickets-search');
    await shot(page, 'search-enter-first-result');
    // The list's keys work at once, and none of them lands in the box.
    await page.keyboard.press('j');
    await expect.poll(selectedRow, { timeout: STEP_MS }).toEqual([second]);
    await page.keyboard.press('k');
    await expect.poll(selectedRow, { timeout: STEP_MS }).toEqual([first]);
    expect(await box.inputValue()).toBe('rijnu');
    await page.keyboard.press('Enter');
    await page.getByTestId('page-ticket-detail').waitFor({ timeout: STEP_MS });
    expect(new URL(page.url()).pathname).toBe(`/tickets/${first.slice('tickets-row-'.length)}`);

    // Back on the list the cursor is on the ticket just opened. Esc in the box leaves it and keeps
    // the search that was applied; one "j" then goes on to the next ticket.
    await page.goBack();
    await expect.poll(selectedRow, { timeout: STEP_MS }).toEqual([first]);
    await page.keyboard.press('/');
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('tickets-search');
    await page.keyboard.press('Escape');
    expect(await focusedTestId(page)).not.toBe('tickets-search');
    expect(await box.inputValue()).toBe('rijnu');
    await page.keyboard.press('j');
    await expect.poll(selectedRow, { timeout: STEP_MS }).toEqual([second]);
    expect(await box.inputValue()).toBe('rijnu');
    expect(new URL(page.url()).searchParams.get('q')).toBe('rijnu');
    // ↓ in the box does what Enter does: from the second row, back to the first result, out of the box.
    await page.keyboard.press('/');
    await page.keyboard.press('ArrowDown');
    await expect.poll(selectedRow, { timeout: STEP_MS }).toEqual([first]);
    expect(await focusedTestId(page)).not.toBe('tickets-search');

    // A filter's select: Esc closes its open list only, the next Esc leaves it (no filter set) and j/k act on the list.
    await page.getByTestId('tickets-filters-toggle').click();
    const queue = page.getByTestId('tickets-filter-queue');
    await queue.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => queue.getAttribute('aria-expanded'), { timeout: STEP_MS }).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => queue.getAttribute('aria-expanded'), { timeout: STEP_MS }).toBe('false');
    expect(await focusedTestId(page)).toBe('tickets-filter-queue');
    await page.keyboard.press('Escape');
    expect(await focusedTestId(page)).not.toBe('tickets-filter-queue');
    await page.keyboard.press('j');
    await expect.poll(selectedRow, { timeout: STEP_MS }).toEqual([second]);
    expect(await queue.inputValue()).toBe('');
    expect(new URL(page.url()).searchParams.get('queueId')).toBeNull();

    // On the ticket: Esc leaves the reply box with the text kept, so "s" opens the state menu on its first item.
    await page.keyboard.press('Enter');
    await page.getByTestId('page-ticket-detail').waitFor({ timeout: STEP_MS });
    const reply = page.getByTestId('reply-body');
    await page.keyboard.press('r');
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('reply-body');
    await page.keyboard.type('rozepsáno');
    await page.keyboard.press('Escape');
    expect(await focusedTestId(page)).not.toBe('reply-body');
    expect(await reply.inputValue()).toBe('rozepsáno');
    await page.keyboard.press('s');
    await page.getByTestId('ticket-state-options').waitFor({ timeout: STEP_MS });
    const firstTransition = page.locator('[data-testid^="ticket-transition-"]').first();
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe(await firstTransition.getAttribute('data-testid'));
    expect(await reply.inputValue()).toBe('rozepsáno');
    await page.keyboard.press('Escape');
    await page.getByTestId('ticket-state-options').waitFor({ state: 'hidden', timeout: STEP_MS });
    // No draft left behind for the other journeys.
    await reply.fill('');
  }, JOURNEY_MS);

  test('the line under the list names the keys the list binds, in one line, short, in the reader\'s language (cs, en)', async () => {
    const page = await newPage();
    // The manager, whose language this test switches (the other journeys read Czech as the operator).
    await demo.signIn(page, 'manager@kontor.demo');
    for (const [lang, texts] of [['cs', { next: 'další', create: 'nový', or: 'nebo' }], ['en', { next: 'next', create: 'new', or: 'or' }]] as const) {
      if (lang !== 'cs') {
        await page.getByTestId('user-menu').click();
        await page.getByTestId(`lang-${lang}`).click();
        await expect.poll(() => page.getAttribute('html', 'lang'), { timeout: STEP_MS }).toBe(lang);
      }
      await page.goto('/tickets');
      await page.getByTestId('tickets-table').waitFor();
      const hint = page.getByTestId('tickets-keys-hint');
      await hint.waitFor({ timeout: STEP_MS });
      const actions = await page.locator('[data-testid^="tickets-keys-hint-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('tickets-keys-hint-'.length)));
      expect(actions).toEqual(['next', 'previous', 'open', 'search', 'views', 'create']);
      const next = page.getByTestId('tickets-keys-hint-next');
      expect(await next.locator('kbd').allTextContents()).toEqual(['J']);
      expect((await next.innerText()).replace(/\s+/g, ' ')).toBe(`J ${texts.next}`);
      // Two keys for one action, as the help writes them: "C or N new".
      const create = page.getByTestId('tickets-keys-hint-create');
      expect(await create.locator('kbd').allTextContents()).toEqual(['C', 'N']);
      expect((await create.innerText()).replace(/\s+/g, ' ')).toBe(`C ${texts.or} N ${texts.create}`);
      // One line: no taller than a key cap with its text.
      expect((await hint.boundingBox())!.height).toBeLessThan(30);
      await hint.scrollIntoViewIfNeeded();
      await shot(page, `list-keys-hint-${lang}`);
    }
    await page.getByTestId('user-menu').click();
    await page.getByTestId('lang-cs').click();
    await expect.poll(() => page.getAttribute('html', 'lang'), { timeout: STEP_MS }).toBe('cs');
  }, JOURNEY_MS);

  test('an SLA badge of the list turns breached once the due time passes, without asking the server again; paused stays paused', async () => {
    const page = await newPage();
    await signIn(page);
    // The page's clock runs as usual but can be moved forward (the badges' 30 s tick).
    await page.clock.install();
    // The server's watcher has not been past yet: three tickets as the list gives them.
    const patches = new Map<number, { status: string; dueAt: string | null }>();
    let listCalls = 0;
    await page.route((url) => url.pathname === '/api/v1/tickets', async (route) => {
      listCalls++;
      const response = await route.fetch();
      const body = (await response.json()) as { items: { id: number; sla: { status: string; dueAt: string | null } }[] };
      if (patches.size === 0) {
        const now = Date.now();
        const [overdue, soon, paused] = body.items;
        if (!overdue || !soon || !paused) throw new Error('the demo list has fewer than three tickets');
        patches.set(overdue.id, { status: 'running', dueAt: new Date(now - 5 * 60_000).toISOString() });
        patches.set(soon.id, { status: 'running', dueAt: new Date(now + 20_000).toISOString() });
        patches.set(paused.id, { status: 'paused', dueAt: null });
      }
      for (const item of body.items) Object.assign(item.sla, patches.get(item.id));
      await route.fulfill({ response, json: body });
    });
    await page.goto('/tickets');
    await page.getByTestId('tickets-table').waitFor();
    const [overdue, soon, paused] = [...patches.keys()] as [number, number, number];
    const sla = (id: number) => page.getByTestId(`tickets-sla-${id}`);
    // Past its due time: breached at once, saying since when (a moment, "včera" just after midnight).
    expect(await sla(overdue).getAttribute('data-status')).toBe('breached');
    expect(await sla(overdue).innerText()).toMatch(/^po termínu od (včera )?\d+:\d\d$/);
    expect(await sla(soon).getAttribute('data-status')).toBe('running');
    expect(await sla(soon).innerText()).toMatch(/^do (zítra )?\d+:\d\d$/);
    expect(await sla(paused).getAttribute('data-status')).toBe('paused');
    const callsBefore = listCalls;
    // Half a minute later the due time of the second has passed: the next tick shows it.
    await page.clock.fastForward('00:31');
    await expect.poll(() => sla(soon).getAttribute('data-status'), { timeout: STEP_MS }).toBe('breached');
    expect(await sla(soon).innerText()).toMatch(/^po termínu od (včera )?\d+:\d\d$/);
    expect(await sla(paused).getAttribute('data-status')).toBe('paused');
    expect(listCalls).toBe(callsBefore);
    await shot(page, 'list-sla-breached-live');
  }, JOURNEY_MS);

  test('filters by two dimensions at once; the address keeps both', async () => {
    const page = await newPage();
    await signIn(page);
    await page.goto('/tickets');
    await page.getByTestId('page-tickets').waitFor();
    await page.getByTestId('tickets-filters-toggle').click();
    // A control per dimension: Služba = Tisk shows both tickets, Středisko = Brno then only one.
    await page.getByTestId('tickets-filter-dimension-service').click();
    await page.getByRole('option', { name: 'Tisk' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId(`tickets-row-${printedInPraha}`).waitFor({ timeout: STEP_MS });
    await page.getByTestId('tickets-filter-dimension-cost_centre').click();
    await page.getByRole('option', { name: 'Brno' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('dimension'), { timeout: STEP_MS }).toBe('cost_centre:brno,service:printing');
    await page.getByTestId(`tickets-row-${printedInPraha}`).waitFor({ state: 'detached', timeout: STEP_MS });
    await page.getByTestId(`tickets-row-${printedInBrno}`).waitFor({ timeout: STEP_MS });
    // A reload (or a shared link) shows the same list.
    await page.reload();
    await page.getByTestId(`tickets-row-${printedInBrno}`).waitFor({ timeout: STEP_MS });
    expect(await page.getByTestId(`tickets-row-${printedInPraha}`).count()).toBe(0);
    await shot(page, 'two-dimensions');
    // A filter is picked by typing too, as every picker is: "P4" and Enter take that priority.
    await page.getByTestId('tickets-filter-priority').click();
    await page.keyboard.type('P4');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('priority'), { timeout: STEP_MS }).toBe('P4');
  }, JOURNEY_MS);

  test('finding a resolved ticket: "nothing found" says where it searched and widens to every state; the search box follows the address', async () => {
    expect(ticketId, 'the desktop journey creates and resolves the ticket').toBeGreaterThan(0);
    const page = await newPage();
    await signIn(page);
    const word = SUBJECT.split(' ').at(-1)!;
    await page.goto(`/tickets?q=${word}`);
    // All open leaves resolved tickets out: the empty list names the search and offers every state.
    await expect.poll(() => page.getByTestId('empty-state').innerText(), { timeout: STEP_MS }).toContain(word);
    expect(await page.getByTestId('empty-state').innerText()).toMatch(/otevřenými|open tickets/);
    await shot(page, 'search-empty');
    await page.getByTestId('tickets-empty-widen').click();
    await page.getByTestId(`tickets-row-${ticketId}`).waitFor({ timeout: STEP_MS });
    expect(new URL(page.url()).searchParams.get('stateCategory')).toBe('new,open,waiting,resolved,closed');
    // The menu's "Tickets" drops the search from the address: the box empties too, never showing a search that no longer applies.
    await page.getByTestId('nav-tickets').click();
    await expect.poll(() => new URL(page.url()).search, { timeout: STEP_MS }).toBe('');
    await expect.poll(() => page.getByTestId('tickets-search').inputValue(), { timeout: STEP_MS }).toBe('');
  }, JOURNEY_MS);

  test('dashboard: a ticket count the server cannot give says so, instead of a spinner that never stops', async () => {
    const page = await newPage();
    await signIn(page);
    // The counters ask the count API; this one answers with a server error (retried, then given up).
    await page.route('**/api/v1/tickets/count?*', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"code":"unavailable","message":"Service unavailable"}' }));
    await page.goto('/');
    await page.getByTestId('page-dashboard').waitFor();
    const error = page.getByTestId('dashboard-tickets-mine-error');
    await error.waitFor({ timeout: STEP_MS });
    expect(await error.innerText()).toBe('Počet se nepodařilo načíst');
    expect(await page.getByTestId('dashboard-tickets-mine-count').count()).toBe(0);
    await shot(page, 'dashboard-count-failed');
  }, JOURNEY_MS);

  test('dashboard: each card shows the count the server gives, "10 000+" when it stopped counting', async () => {
    const page = await newPage();
    await signIn(page);
    // Unassigned answers as a database with more than the cap would; the others are counted for real.
    await page.route('**/api/v1/tickets/count?*', (route) => (new URL(route.request().url()).searchParams.get('view') === 'unassigned'
      ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"count":10000,"capped":true}' })
      : route.continue()));
    await page.goto('/');
    await page.getByTestId('page-dashboard').waitFor();
    const unassigned = page.getByTestId('dashboard-tickets-unassigned-count');
    await unassigned.waitFor({ timeout: STEP_MS });
    expect(await unassigned.innerText()).toBe('10\u00a0000+');
    const mine = await page.evaluate<{ count: number; capped: boolean }>("fetch('/api/v1/tickets/count?view=mine').then((r) => r.json())");
    expect(mine.capped).toBe(false);
    await expect.poll(() => page.getByTestId('dashboard-tickets-mine-count').innerText(), { timeout: STEP_MS }).toBe(String(mine.count));
    await shot(page, 'dashboard-counts');
  }, JOURNEY_MS);

  test('someone else saves the ticket while the edit dialog is open: the dialog keeps what was typed, loads the current version with the typed fields over it and saves; focus goes back to "Upravit"', async () => {
    const page = await newPage();
    await signIn(page);
    await page.goto(`/tickets/${printedInPraha}`);
    await page.getByTestId('page-ticket-detail').waitFor();
    const before = await apiCall<TicketBody>(page, 'GET', `/tickets/${printedInPraha}`);

    await page.keyboard.press('e');
    const dialog = page.getByTestId('ticket-edit-modal');
    await dialog.waitFor();
    const subject = `E2E: předmět z dialogu ${Date.now().toString(36)}`;
    await page.getByTestId('edit-subject').fill(subject);
    await page.getByTestId('edit-description').fill('Popis z dialogu.');
    // Meanwhile someone else changes the description and the tags.
    await apiCall(page, 'PATCH', `/tickets/${printedInPraha}`, { version: before.version, description: 'Popis od kolegy.', tags: ['od-kolegy'] });
    await page.getByTestId('edit-save').click();

    // Refused as stale: the dialog stays with what was typed and says why; the page shows no banner of its own.
    const conflict = page.getByTestId('ticket-edit-conflict');
    await expect.poll(() => conflict.getAttribute('data-state'), { timeout: STEP_MS }).toBe('stale');
    expect(await conflict.innerText()).toContain('mezitím změnil někdo jiný');
    expect(await page.getByTestId('edit-subject').inputValue()).toBe(subject);
    expect(await page.getByTestId('ticket-stale').count()).toBe(0);
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-edit-conflict-reload');
    await shot(page, 'edit-conflict-stale');

    // The current version, with the user's changed fields over it; the description both changed is named.
    await page.keyboard.press('Enter');
    await expect.poll(() => conflict.getAttribute('data-state'), { timeout: STEP_MS }).toBe('rebased');
    expect(await page.getByTestId('ticket-edit-conflict-overlap').innerText()).toContain('Popis');
    expect(await page.getByTestId('edit-subject').inputValue()).toBe(subject);
    expect(await page.getByTestId('edit-description').inputValue()).toBe('Popis z dialogu.');
    expect(await dialog.innerText()).toContain('od-kolegy');
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('edit-save');
    await shot(page, 'edit-conflict-rebased');

    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('ticket-subject').textContent(), { timeout: STEP_MS }).toBe(subject);
    const after = await apiCall<TicketBody>(page, 'GET', `/tickets/${printedInPraha}`);
    expect(after).toMatchObject({ subject, description: 'Popis z dialogu.', tags: ['od-kolegy'], version: before.version + 2 });
    // The dialog is gone: focus is on the button that opened it, not on the page.
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-edit');
  }, JOURNEY_MS);

  test('watchers and related tickets: the edit dialog adds a colleague and a client contact; "Link a ticket" finds another by number, both tickets show the link, and it can be removed', async () => {
    const page = await newPage();
    await signIn(page);
    const other = await apiCall<{ number: string; subject: string }>(page, 'GET', `/tickets/${printedInPraha}`);
    await page.goto(`/tickets/${printedInBrno}`);
    await page.getByTestId('page-ticket-detail').waitFor();

    // Watchers: a colleague and the client's contact, picked by typing and Enter.
    await page.keyboard.press('e');
    const dialog = page.getByTestId('ticket-edit-modal');
    await dialog.waitFor();
    await page.getByTestId('edit-watcherUserIds').click();
    await page.keyboard.type('Tomáš Tech');
    await page.keyboard.press('Enter');
    await page.getByTestId('edit-watcherContactIds').click();
    await page.keyboard.type('Vrátný');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await shot(page, 'watchers-edit');
    await page.getByTestId('edit-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('ticket-watchers').innerText(), { timeout: STEP_MS }).toContain('Tomáš Technik');
    expect(await page.getByTestId('ticket-watchers').innerText()).toContain('Vrátný bez e-mailu');
    expect(await page.getByTestId('ticket-facts').innerText()).toContain('Sledující');
    const watched = await apiCall<{ watchers: { users: { name: string }[]; contacts: { id: number }[] } }>(page, 'GET', `/tickets/${printedInBrno}`);
    expect(watched.watchers.users.map((u) => u.name)).toEqual(['Tomáš Technik']);
    expect(watched.watchers.contacts.map((c) => c.id)).toEqual([contactWithoutEmail]);

    // Link the other ticket, found by its number; the ticket itself is never offered.
    await page.getByTestId('ticket-link-add').click();
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-link-ticket');
    await page.keyboard.type(other.number);
    await page.getByRole('option', { name: new RegExp(other.number) }).waitFor({ timeout: STEP_MS });
    await page.keyboard.press('Enter');
    await shot(page, 'link-pick');
    await page.getByTestId('ticket-link-save').click();
    await page.getByTestId(`ticket-link-${printedInPraha}`).waitFor({ timeout: STEP_MS });
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-link-add');
    expect(await page.getByTestId(`ticket-link-${printedInPraha}`).innerText()).toContain(other.subject);
    await shot(page, 'link-added');

    // The other ticket shows the link too.
    await page.goto(`/tickets/${printedInPraha}`);
    await page.getByTestId(`ticket-link-${printedInBrno}`).waitFor({ timeout: STEP_MS });
    // Removed from this side, it is gone on both.
    await page.getByTestId(`ticket-link-remove-${printedInBrno}`).click();
    await page.getByTestId(`ticket-link-${printedInBrno}`).waitFor({ state: 'detached', timeout: STEP_MS });
    expect(await page.getByTestId('ticket-links').innerText()).toContain('Zatím žádné související požadavky');
    const unlinked = await apiCall<{ linkedIds: number[] }>(page, 'GET', `/tickets/${printedInBrno}`);
    expect(unlinked.linkedIds).toEqual([]);
  }, JOURNEY_MS);

  test('the priority dialog: closed by Esc, Cancel or Save, focus goes back to "Priorita" ("Upravit" likewise); a conflict keeps the choice and moves it onto the current version', async () => {
    const page = await newPage();
    await signIn(page);
    await page.goto(`/tickets/${printedInPraha}`);
    await page.getByTestId('page-ticket-detail').waitFor();
    const dialog = page.getByTestId('priority-modal');

    // Opened by its key from the page on the impact's current value (not on Save), closed by Esc (nothing changed): back on its button.
    await page.keyboard.press('p');
    await dialog.waitFor();
    const focusedImpact = () => page.evaluate('(() => { const e = document.activeElement; return e?.closest("[data-testid]")?.getAttribute("data-testid") + ":" + (e?.checked ?? false); })()');
    await expect.poll(focusedImpact, { timeout: STEP_MS }).toBe('priority-impact:true');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-priority-button');
    // The edit dialog, closed by Cancel.
    await page.keyboard.press('e');
    await page.getByTestId('ticket-edit-modal').waitFor();
    await page.getByTestId('ticket-edit-modal').getByRole('button', { name: 'Zrušit' }).click();
    await page.getByTestId('ticket-edit-modal').waitFor({ state: 'detached' });
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-edit');
    // With a change, Escape that closes a picker's list closes only the list; the next one asks first and
    // "Pokračovat v úpravách" (Esc) keeps the change; "Zahodit" (Enter) drops it and closes.
    const { subject } = await apiCall<TicketBody>(page, 'GET', `/tickets/${printedInPraha}`);
    await page.keyboard.press('e');
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('edit-subject');
    await page.keyboard.press('End');
    await page.keyboard.type(' – změna');
    await page.getByTestId('edit-assigneeId').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('listbox').waitFor({ timeout: STEP_MS });
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached', timeout: STEP_MS });
    const ask = page.getByTestId('confirm-modal');
    expect(await ask.count()).toBe(0);
    await page.getByTestId('edit-subject').focus();
    await page.keyboard.press('Escape');
    await ask.waitFor({ timeout: STEP_MS });
    expect(await ask.innerText()).toContain('Zahodit změny?');
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('confirm-ok');
    await shot(page, 'edit-discard-ask');
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached', timeout: STEP_MS });
    await page.waitForTimeout(300);
    expect(await ask.count()).toBe(0);
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('edit-subject');
    expect(await page.getByTestId('edit-subject').inputValue()).toBe(`${subject} – změna`);
    await page.keyboard.press('Escape');
    await ask.getByRole('button', { name: 'Pokračovat v úpravách' }).waitFor({ timeout: STEP_MS });
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('confirm-ok');
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-edit-modal').waitFor({ state: 'detached' });
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-edit');
    expect((await apiCall<TicketBody>(page, 'GET', `/tickets/${printedInPraha}`)).subject).toBe(subject);

    // The urgency changed in the dialog; meanwhile someone else changes the impact.
    const before = await apiCall<TicketBody>(page, 'GET', `/tickets/${printedInPraha}`);
    const urgency = before.urgency === 'high' ? 'low' : 'high';
    const impact = before.impact === 'low' ? 'medium' : 'low';
    await page.keyboard.press('p');
    await dialog.waitFor();
    await page.getByTestId('priority-urgency').getByText(urgency === 'high' ? 'Vysoká' : 'Nízká').click();
    await apiCall(page, 'PATCH', `/tickets/${printedInPraha}`, { version: before.version, impact });
    await page.getByTestId('priority-save').click();
    const conflict = page.getByTestId('priority-conflict');
    await expect.poll(() => conflict.getAttribute('data-state'), { timeout: STEP_MS }).toBe('stale');
    expect(await page.getByTestId('ticket-stale').count()).toBe(0);
    await page.getByTestId('priority-conflict-reload').click();
    await expect.poll(() => conflict.getAttribute('data-state'), { timeout: STEP_MS }).toBe('rebased');
    expect(await page.getByTestId('priority-conflict-overlap').count()).toBe(0);
    await page.getByTestId('priority-save').click();
    await dialog.waitFor({ state: 'detached' });
    const after = await apiCall<TicketBody>(page, 'GET', `/tickets/${printedInPraha}`);
    expect(after).toMatchObject({ impact, urgency, version: before.version + 2 });
    // Saved: back on its button.
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-priority-button');
  }, JOURNEY_MS);

  test('someone else moves the ticket while the state-change dialog is open: the dialog keeps the text, says where the ticket is, offers the steps possible there, and makes the one that still is', async () => {
    const page = await newPage();
    await signIn(page);
    // A ticket without a requester, watched only by a contact without an e-mail address.
    const created = await apiCall<TicketBody & { id: number }>(page, 'POST', '/tickets', {
      clientId, subject: `E2E: souběh změny stavu ${Date.now().toString(36)}`, impact: 'medium', urgency: 'medium', watcherContactIds: [contactWithoutEmail],
    });
    const started = await apiCall<TicketBody>(page, 'POST', `/tickets/${created.id}/transition`, { version: created.version, toState: 'in_progress' });
    await page.goto(`/tickets/${created.id}`);
    await page.getByTestId('page-ticket-detail').waitFor();
    expect(await attr(page, 'ticket-state', 'data-state')).toBe('in_progress');
    const dialog = page.getByTestId('transition-modal');
    const conflict = page.getByTestId('transition-conflict');
    const moved = page.getByTestId('transition-conflict-moved');

    // 1. Waiting for the client, with the request typed; meanwhile someone else resolves the ticket.
    await page.keyboard.press('s');
    await page.getByTestId('ticket-transition-waiting_for_client').click();
    await dialog.waitFor();
    await page.getByTestId('transition-comment').fill(REQUEST);
    await apiCall(page, 'POST', `/tickets/${created.id}/transition`, { version: started.version, toState: 'resolved', resolutionNote: 'Vyřešeno po telefonu.' });
    await page.getByTestId('transition-comment').press('Control+Enter');
    // Refused: the dialog stays with the text and says why; the page shows no banner of its own.
    await expect.poll(() => conflict.getAttribute('data-state'), { timeout: STEP_MS }).toBe('stale');
    expect(await conflict.innerText()).toContain('mezitím změnil někdo jiný');
    expect(await page.getByTestId('transition-comment').inputValue()).toBe(REQUEST);
    expect(await page.getByTestId('ticket-stale').count()).toBe(0);
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('transition-conflict-reload');
    await page.keyboard.press('Enter');
    // The current version: resolved, from where waiting for the client is not possible. Said so, the text kept, not sent.
    await expect.poll(() => conflict.getAttribute('data-state'), { timeout: STEP_MS }).toBe('rebased');
    expect(await conflict.getAttribute('data-saveable')).toBe('false');
    expect(await moved.getAttribute('data-kind')).toBe('impossible');
    expect(await moved.innerText()).toBe('Někdo jiný mezitím přesunul požadavek do stavu Vyřešený. Ze stavu Vyřešený do stavu Čeká na klienta přejít nelze.');
    expect(await page.getByTestId('transition-comment').inputValue()).toBe(REQUEST);
    expect(await page.getByTestId('transition-submit').isDisabled()).toBe(true);
    expect(await attr(page, 'ticket-state', 'data-state')).toBe('resolved');
    // The steps possible from there instead, the keyboard on the first of them.
    const options = page.locator('[data-testid^="transition-conflict-option-"]');
    expect((await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).sort()).toEqual(['transition-conflict-option-closed', 'transition-conflict-option-open']);
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe(await options.first().getAttribute('data-testid'));
    await shot(page, 'transition-conflict-impossible');
    // Reopen instead: it asks nothing; the keyboard goes to the submit button.
    await page.getByTestId('transition-conflict-option-open').press('Enter');
    await expect.poll(() => dialog.getAttribute('data-to-state'), { timeout: STEP_MS }).toBe('open');
    expect(await conflict.getAttribute('data-saveable')).toBe('true');
    expect(await dialog.innerText()).toContain('Nic dalšího není potřeba');
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('transition-submit');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => attr(page, 'ticket-state', 'data-state'), { timeout: STEP_MS }).toBe('open');

    // 2. Resolve, with the note typed; meanwhile someone else starts work on it. Resolving is possible from there too.
    const reopened = await apiCall<TicketBody>(page, 'GET', `/tickets/${created.id}`);
    await page.getByTestId('ticket-state-menu').click();
    await page.getByTestId('ticket-transition-resolved').click();
    await dialog.waitFor();
    await page.getByTestId('transition-resolutionNote').fill(RESOLUTION);
    await apiCall(page, 'POST', `/tickets/${created.id}/transition`, { version: reopened.version, toState: 'in_progress' });
    await page.getByTestId('transition-submit').click();
    await expect.poll(() => conflict.getAttribute('data-state'), { timeout: STEP_MS }).toBe('stale');
    await page.getByTestId('transition-conflict-reload').click();
    await expect.poll(() => conflict.getAttribute('data-state'), { timeout: STEP_MS }).toBe('rebased');
    expect(await conflict.getAttribute('data-saveable')).toBe('true');
    expect(await moved.innerText()).toBe('Někdo jiný mezitím přesunul požadavek do stavu V řešení.');
    expect(await page.getByTestId('transition-resolutionNote').inputValue()).toBe(RESOLUTION);
    expect(await page.getByRole('dialog').getByText('V řešení → Vyřešený').count()).toBe(1);
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('transition-submit');
    await shot(page, 'transition-conflict-rebased');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => attr(page, 'ticket-state', 'data-state'), { timeout: STEP_MS }).toBe('resolved');
    expect(await apiCall<{ resolutionNote: string }>(page, 'GET', `/tickets/${created.id}`)).toMatchObject({ resolutionNote: RESOLUTION });
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('ticket-state-menu');

    // The watcher has no e-mail: a reply on the resolved ticket reaches nobody by mail, and the box says so.
    const finished = page.getByTestId('reply-finished-notice');
    await expect.poll(() => finished.getAttribute('data-category'), { timeout: STEP_MS }).toBe('resolved');
    expect(await finished.innerText()).toBe('Požadavek je vyřešený: zpráva se přidá do historie, ale stav se nezmění – požadavek zůstane vyřešený.');
    expect(await page.getByTestId('reply-hint').innerText()).toContain('E-mail nikomu neodejde');
  }, JOURNEY_MS);

  test('the new-ticket form keeps what was typed while the operator looks something up in the sidebar, and after a reload; created, the next form is empty', async () => {
    const page = await newPage();
    await signIn(page);
    const subject = `E2E: rozepsaný požadavek ${Date.now().toString(36)}`;
    const description = 'Volá paní z účtárny: tiskárna ve 2. patře tiskne prázdné stránky.';
    const openNewTicket = async () => {
      await page.getByTestId('nav-tickets').click();
      await page.getByTestId('tickets-new').click();
      await page.getByTestId('ticket-form').waitFor();
    };
    const field = (name: string) => page.getByTestId(`ticket-${name}`);
    const notice = page.getByTestId('ticket-draft-restored');

    await openNewTicket();
    expect(await notice.count()).toBe(0);
    await field('subject').fill(subject);
    await field('description').fill(description);
    // A phone number looked up under Klienti, then back to the form from the menu.
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('page-clients').waitFor();
    await openNewTicket();
    await notice.waitFor();
    expect(await field('subject').inputValue()).toBe(subject);
    expect(await field('description').inputValue()).toBe(description);
    expect(await notice.innerText()).toContain('Rozepsaný požadavek, který jste ještě nezaložili, je zpět.');
    await shot(page, 'create-draft-restored');

    // A reload (F5) keeps it too.
    await page.reload();
    await page.getByTestId('ticket-form').waitFor();
    await notice.waitFor();
    expect(await field('subject').inputValue()).toBe(subject);

    // Created: the draft is gone, the next new-ticket form is empty and says nothing.
    const client = field('clientId');
    await client.click();
    await client.fill('Strojír');
    await client.press('Enter');
    await expect.poll(() => client.inputValue(), { timeout: STEP_MS }).toBe(CLIENT);
    await field('create').click();
    await page.getByTestId('ticket-state').waitFor();
    await expect.poll(() => page.url(), { timeout: STEP_MS }).toMatch(/\/tickets\/\d+$/);
    await openNewTicket();
    expect(await field('subject').inputValue()).toBe('');
    expect(await field('description').inputValue()).toBe('');
    expect(await notice.count()).toBe(0);

    // "Zahodit" empties a restored form and forgets the draft.
    await field('subject').fill('Jen na zkoušku');
    await page.reload();
    await notice.waitFor();
    await page.getByTestId('ticket-draft-discard').click();
    await expect.poll(() => field('subject').inputValue(), { timeout: STEP_MS }).toBe('');
    expect(await notice.count()).toBe(0);
    await page.reload();
    await page.getByTestId('ticket-form').waitFor();
    expect(await field('subject').inputValue()).toBe('');
  }, JOURNEY_MS);
});
