/**
 * Why a draft cannot be issued (BILLING.md §2–4), as codes with parameters (pure). A run
 * stores each reason with the contract and period it is about; the English `message`
 * stays for API users, screens word the code in the reader's language. Read later, a
 * reason about an earlier prepaid period may no longer hold (that period's invoice has
 * been issued since): the draft still waits for a re-run, whose figures take the final
 * ledger, but the way forward is then "run billing again", not "issue the earlier one".
 */

/** What a run reports as blocked (a record or a contract's period). */
export type BlockReason = 'missing_rate' | 'missing_vat_rate' | 'previous_prepaid_not_final' | 'prepaid_period_open' | 'prepaid_period_closed';

/**
 * Why a draft cannot be issued: a run's reason, or a record that used prepaid minutes taken
 * out of it by hand; `other`: a text stored by hand or by an older version, said as it is.
 */
export type DraftBlockCode = 'missing_rate' | 'missing_vat_rate' | 'previous_prepaid_not_final' | 'prepaid_rerun' | 'other';

/** The English text of each reason (the `message` of the API, and what older drafts stored). */
export const BLOCK_TEXT: Readonly<Record<BlockReason | DraftBlockCode, string>> = {
  missing_rate: 'missing rate',
  missing_vat_rate: 'missing VAT rate',
  previous_prepaid_not_final: 'previous prepaid period not final',
  prepaid_period_open: 'prepaid period not over',
  prepaid_period_closed: 'prepaid period already final',
  prepaid_rerun: 'prepaid minutes changed: re-run the period',
  other: 'blocked',
};

/** Reasons that stop a draft from being issued (a quarter's covered work waiting for its last month does not). */
export function blocksDraft(reason: BlockReason): reason is BlockReason & DraftBlockCode {
  return reason === 'missing_rate' || reason === 'missing_vat_rate' || reason === 'previous_prepaid_not_final';
}

/** A reason as a draft stores it. */
export interface DraftBlock {
  readonly code: DraftBlockCode;
  /** The English text (BLOCK_TEXT). */
  readonly message: string;
  /** The contract it is about, when one. */
  readonly contractId: number | null;
  readonly contractNumber: string | null;
  /** previous_prepaid_not_final: the contract period the run could not consume ('2026-11'); its previous one is not final. */
  readonly period: string | null;
}

/** A reason as it stands when read. */
export interface DraftBlockNow extends DraftBlock {
  /**
   * false: the reason is gone (the earlier prepaid period is final now). The draft is still
   * not issued as it is: its figures were computed without that ledger; billing runs again.
   */
  readonly holds: boolean;
  /** previous_prepaid_not_final: the contract period to issue first ('2026-10'). */
  readonly previousPeriod: string | null;
  /** previous_prepaid_not_final while it holds: the unissued draft of the previous period to issue first, when there is one. */
  readonly earlierDraftId: number | null;
}

const CODES = new Set<string>(Object.keys(BLOCK_TEXT));
const CODE_OF_TEXT = new Map(Object.entries(BLOCK_TEXT).map(([code, text]) => [text, code as DraftBlockCode]));

export function draftBlock(code: DraftBlockCode, about: { contractId?: number | null; contractNumber?: string | null; period?: string | null } = {}): DraftBlock {
  return { code, message: BLOCK_TEXT[code], contractId: about.contractId ?? null, contractNumber: about.contractNumber ?? null, period: about.period ?? null };
}

/**
 * The reasons stored with a draft. Drafts of older runs stored the English text alone: its
 * code is read back from it, the contract and period are then unknown (null).
 */
export function parseDraftBlocks(blockedJson: string | null): DraftBlock[] {
  if (blockedJson === null || blockedJson === '') return [];
  const parsed = JSON.parse(blockedJson) as unknown;
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map((item): DraftBlock => {
    if (typeof item === 'string') {
      const code = CODE_OF_TEXT.get(item);
      return code ? draftBlock(code) : { code: 'other', message: item, contractId: null, contractNumber: null, period: null };
    }
    const o = item as Partial<DraftBlock>;
    const code = typeof o.code === 'string' && CODES.has(o.code) ? o.code : 'other';
    return {
      code, message: typeof o.message === 'string' ? o.message : BLOCK_TEXT[code],
      contractId: typeof o.contractId === 'number' ? o.contractId : null, contractNumber: typeof o.contractNumber === 'string' ? o.contractNumber : null,
      period: typeof o.period === 'string' ? o.period : null,
    };
  });
}

/** The text a draft's blocked_json holds; null without reasons. */
export function draftBlocksJson(blocks: readonly DraftBlock[]): string | null {
  return blocks.length === 0 ? null : JSON.stringify(blocks);
}

/** The same reason twice (several records of one contract) is said once. */
export function distinctBlocks(blocks: readonly DraftBlock[]): DraftBlock[] {
  const seen = new Set<string>();
  return blocks.filter((b) => {
    const key = `${b.code}|${b.contractId ?? ''}|${b.period ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A reason as it stands now. Only "previous prepaid period not final" can go away by
 * itself (that period's invoice is issued); the others hold until billing runs again
 * (a rate set since is taken by the re-run, not by this draft).
 */
export function blockNow(block: DraftBlock, previous: { period: string; final: boolean; draftId: number | null } | null): DraftBlockNow {
  if (block.code !== 'previous_prepaid_not_final' || previous === null) return { ...block, holds: true, previousPeriod: previous?.period ?? null, earlierDraftId: null };
  return { ...block, holds: !previous.final, previousPeriod: previous.period, earlierDraftId: previous.final ? null : previous.draftId };
}

/** Every reason is gone: billing the period again gives a draft that can be issued (as far as these reasons go). */
export const onlyRerunNeeded = (blocks: readonly DraftBlockNow[]): boolean => blocks.length > 0 && blocks.every((b) => !b.holds);
