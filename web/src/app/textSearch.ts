// Searching typed text in the browser the way the server's searches match, so that a list
// filtered here and one filtered by the server find the same things.
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';

/** Case and accents aside ("cesky" finds "Český"), as the server folds its search columns. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A Select's filter that matches what was typed anywhere in an option's label, case and
 * accents aside: "petr dvor" finds "Petr Dvořák <petr.dvorak@…>", and so does "dvorak@".
 */
export const foldedOptionsFilter: OptionsFilter = ({ options, search, limit }) => {
  const typed = foldForSearch(search);
  const matches = (item: ComboboxItem) => foldForSearch(item.label).includes(typed);
  const found: ComboboxParsedItem[] = [];
  for (const item of options) {
    const left = limit - found.length;
    if (left <= 0) break;
    if ('group' in item) {
      const inGroup = item.items.filter(matches).slice(0, left);
      if (inGroup.length) found.push({ group: item.group, items: inGroup });
    } else if (matches(item)) {
      found.push(item);
    }
  }
  return found;
};
