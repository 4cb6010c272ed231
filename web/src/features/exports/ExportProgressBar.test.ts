// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import i18n, { setLanguage } from '../../i18n';
import { progressPercent, progressText } from './ExportProgressBar';

const t = (lang: string) => i18n.getFixedT(lang);
beforeAll(() => setLanguage('cs'));

describe('what the export progress bar says', () => {
  it('preparing until the total is known, then "k of N documents", then saving', () => {
    expect(progressText(t('en'), null)).toBe('Preparing the export…');
    expect(progressText(t('en'), { done: 0, total: 0 })).toBe('Preparing the export…');
    expect(progressText(t('en'), { done: 250, total: 10_000 })).toMatch(/^250 of 10\s000 documents$/);
    expect(progressText(t('cs'), { done: 3, total: 7 })).toBe('3 z 7 dokladů');
    expect(progressText(t('sk'), { done: 3, total: 7 })).toBe('3 z 7 dokladov');
    expect(progressText(t('en'), { done: 7, total: 7 })).toBe('All 7 documents written; saving the file…');
  });

  it('fills the bar by the share written', () => {
    expect(progressPercent(null)).toBe(0);
    expect(progressPercent({ done: 0, total: 0 })).toBe(0);
    expect(progressPercent({ done: 250, total: 1000 })).toBe(25);
    expect(progressPercent({ done: 1000, total: 1000 })).toBe(100);
  });
});
