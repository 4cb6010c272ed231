// Why a draft cannot be issued, in the user's language (the server's reason codes and their
// contract and period), and what to do about it (pure).
import type { TFunction } from 'i18next';
import { formatPeriod, localeTag } from '../../app/format';
import type { DraftBlock, RunBlocked, RunDraft } from './api';

/** The period before a month ('2026-11' → '2026-10'), quarter ('2026-Q1' → '2025-Q4') or year; other text as it is. */
export function periodBefore(period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const index = Number(month[1]) * 12 + Number(month[2]) - 2;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const index = Number(quarter[1]) * 4 + Number(quarter[2]) - 2;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  return /^\d{4}$/.test(period) ? String(Number(period) - 1) : period;
}

/** The reason itself: "Předchozí období předplacené smlouvy ještě není vystaveno"; a reason known only by its text keeps it. */
export function blockReasonText(t: TFunction, code: string | undefined, message: string): string {
  return code && code !== 'other' ? t(`billing.blockReasons.${code}`, { defaultValue: message }) : message;
}

/**
 * What to do about one reason of a draft of `draftPeriod` (the month billing runs again for):
 * while the earlier prepaid period is not final, issue its draft first (or run it, when it has
 * none); once it is, the reason is gone and only the run again is left.
 */
export function blockTodoText(t: TFunction, block: DraftBlock, draftPeriod: string | null, locale: string = localeTag()): string {
  const period = formatPeriod(draftPeriod, locale);
  const contract = block.contractNumber ?? '';
  if (block.code === 'previous_prepaid_not_final') {
    const previous = formatPeriod(block.previousPeriod ?? (block.period ? periodBefore(block.period) : null), locale);
    if (!block.holds) return t('billing.blocks.gone', { contract, previous, period });
    return t(block.earlierDraftId !== null ? 'billing.blocks.issueFirst' : 'billing.blocks.runFirst', { contract, previous, period });
  }
  if (block.code === 'missing_rate' || block.code === 'missing_vat_rate') return t(`billing.blocks.${block.code === 'missing_rate' ? 'fixRate' : 'fixVat'}`, { period });
  return t('billing.blocks.rerun', { period });
}

/** Every reason of the draft is gone: running billing again is all that is left. */
export const onlyRerunLeft = (blocks: readonly DraftBlock[] | undefined): boolean => !!blocks && blocks.length > 0 && blocks.every((b) => !b.holds);

/**
 * The detail of a run's blocked entry, from its codes and parameters: "smlouva PRIKLAD-C: nejdřív
 * vystavte období říjen 2026". Null when the run is older than its parameters (its English detail
 * is not shown on a page in another language).
 */
export function runBlockedDetail(t: TFunction, b: RunBlocked, locale: string = localeTag()): string | null {
  const contract = b.contractNumber ?? null;
  const period = b.period ?? null;
  switch (b.code) {
    case 'previous_prepaid_not_final':
      return contract && period ? t('billing.blocks.detail.previous', { contract, previous: formatPeriod(periodBefore(period), locale) }) : null;
    case 'prepaid_period_open':
      return contract && period ? t('billing.blocks.detail.open', { contract, period: formatPeriod(period, locale) }) : null;
    case 'prepaid_period_closed':
      return contract && period ? t('billing.blocks.detail.closed', { contract, period: formatPeriod(period, locale) }) : null;
    case 'missing_rate':
    case 'missing_vat_rate': {
      const ids = b.recordIds ?? [];
      if (ids.length === 0) return null;
      const records = t('billing.blocks.detail.records', { count: ids.length, ids: ids.join(', ') });
      return contract ? t('billing.blocks.detail.ofContract', { contract, what: records }) : records;
    }
    default:
      return null;
  }
}

/**
 * Whether a reason a run stored for a blocked client is gone now: the client's draft of the run,
 * re-checked when the run is read, states the same reason (code, contract, period) and it no
 * longer holds. A reason no draft re-checks (an older run, a code drafts do not carry) stands as stored.
 */
export function runBlockedPassed(b: RunBlocked, drafts: readonly Pick<RunDraft, 'clientId' | 'blocks'>[]): boolean {
  const same = drafts
    .filter((d) => d.clientId === b.clientId)
    .flatMap((d) => d.blocks ?? [])
    .filter((block) => block.code === b.code && block.contractId === b.contractId && (b.period == null || block.period == null || block.period === b.period));
  return same.length > 0 && same.every((block) => !block.holds);
}
