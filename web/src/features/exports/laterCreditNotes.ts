// Credit notes correcting a period's invoices but exported with a later period (by their own
// tax point, as the law has it): the preview's creditNotesInLaterPeriods worded so an accountant
// looking for them in this period's "Dobropisy 0" knows where they went.
import type { TFunction } from 'i18next';
import { formatPeriod } from '../../app/format';
import type { ExportPreview } from './api';

/** "1 dobropis k dokladům tohoto období se exportuje až s obdobím listopad 2026 …", one line per month. */
export function laterCreditNoteLines(t: TFunction, preview: Pick<ExportPreview, 'creditNotesInLaterPeriods'>): string[] {
  return preview.creditNotesInLaterPeriods.map((m) => t('exports.preview.laterCreditNotes', { count: m.count, period: formatPeriod(m.month) }));
}
