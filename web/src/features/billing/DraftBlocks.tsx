// Why a draft cannot be issued, in the user's language, with the way forward: the earlier
// draft to issue first (linked) while the contract's previous prepaid period is not final;
// once it is, "the reason is gone — run billing again" with the button to do it.
import { Alert, Anchor, Badge, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPeriod } from '../../app/format';
import type { DraftBlock } from './api';
import { blockReasonText, blockTodoText, onlyRerunLeft } from './blockWords';
import { RerunPeriodButton } from './RerunPeriodButton';

/** Running again helps only once no earlier prepaid period still waits to be issued (a re-run would be blocked the same). */
const rerunHelps = (blocks: readonly DraftBlock[]) => !blocks.some((b) => b.code === 'previous_prepaid_not_final' && b.holds);

/** One reason: what it is, what to do, and the earlier draft to open. */
function BlockLine({ block, period, size, testId }: { block: DraftBlock; period: string | null; size: 'xs' | 'sm'; testId: string }) {
  const { t } = useTranslation();
  const previous = formatPeriod(block.previousPeriod);
  return (
    <Text size={size} data-testid={testId} data-code={block.code} data-holds={block.holds}>
      {block.holds ? <b>{blockReasonText(t, block.code, block.message)}. </b> : null}
      {blockTodoText(t, block, period)}
      {block.holds && block.earlierDraftId !== null ? (
        <>{' '}<Anchor component={Link} to={`/invoices/${block.earlierDraftId}`} size={size} c="inherit" underline="always" fw={600} data-testid={`${testId}-earlier`}>{t('billing.blocks.openEarlier', { previous })}</Anchor></>
      ) : null}
    </Text>
  );
}

/**
 * The draft page's alert: red while a reason holds, orange once only the run again is left.
 * `blocked` (the server's English text) is shown only by a server that does not send `blocks`.
 */
export function DraftBlocksAlert({ blocks, blocked, period }: { blocks: DraftBlock[] | undefined; blocked: string[]; period: string | null }) {
  const { t } = useTranslation();
  if (blocked.length === 0 && !blocks?.length) return null;
  const gone = onlyRerunLeft(blocks);
  return (
    <Alert color={gone ? 'orange' : 'red'} icon={<IconAlertTriangle size={18} />} title={t('billing.draft.blockedTitle')} role="alert" data-testid="draft-blocked" data-rerun-only={gone}>
      <Stack gap={6}>
        {blocks ? blocks.map((b, i) => <BlockLine key={`${b.code}-${i}`} block={b} period={period} size="sm" testId={`draft-block-${i}`} />)
          : blocked.map((b) => <Text key={b} size="sm">{b}</Text>)}
        {blocks && period && rerunHelps(blocks) ? (
          <div><RerunPeriodButton period={period} label={t('billing.blocks.rerunButton', { period: formatPeriod(period) })} variant="white" size="xs" testId="draft-blocked-rerun" /></div>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** The run page's state cell of a blocked draft: the badge, each reason and what to do, small. */
export function DraftBlocksCell({ blocks, blocked, period, invoiceId }: { blocks: DraftBlock[] | undefined; blocked: string[]; period: string; invoiceId: number }) {
  const { t } = useTranslation();
  const gone = onlyRerunLeft(blocks);
  return (
    <Stack gap={2} data-testid={`draft-blocks-${invoiceId}`} data-rerun-only={gone}>
      <div><Badge color={gone ? 'orange' : 'red'} variant="light">{t(gone ? 'billing.blocks.goneBadge' : 'billing.run.blockedBadge')}</Badge></div>
      {blocks ? blocks.map((b, i) => <BlockLine key={`${b.code}-${i}`} block={b} period={period} size="xs" testId={`draft-block-${invoiceId}-${i}`} />)
        : blocked.map((b) => <Text key={b} size="xs" c="red">{b}</Text>)}
      {blocks && gone ? <div><RerunPeriodButton period={period} size="compact-xs" variant="light" testId={`draft-rerun-${invoiceId}`} /></div> : null}
    </Stack>
  );
}
