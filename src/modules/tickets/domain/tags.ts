/** Tags are short lower-case labels; duplicates and blanks are dropped, order kept. */
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().toLowerCase().replace(/\s+/g, '-');
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}
