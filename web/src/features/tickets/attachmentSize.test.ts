import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { attachmentSizeProblem } from './attachmentSize';

const MB = 1024 * 1024;
const plain = (s: string | null) => s?.replace(/[\u00a0\u202f]/g, ' ') ?? null;

describe('attachment size before upload', () => {
  it('refuses a file over the limit, naming the file and the limit as the language writes it', async () => {
    await i18n.changeLanguage('cs');
    expect(plain(attachmentSizeProblem(i18n.t, { name: 'záznam.mp4', size: 20 * MB + 1 }, 20 * MB))).toBe('Soubor záznam.mp4 je příliš velký. Limit je 20 MB.');
    expect(plain(attachmentSizeProblem(i18n.t, { name: 'log.txt', size: 2 * MB }, 1.5 * MB))).toBe('Soubor log.txt je příliš velký. Limit je 1,5 MB.');
    await i18n.changeLanguage('sk');
    expect(plain(attachmentSizeProblem(i18n.t, { name: 'foto.jpg', size: 600 * 1024 }, 512 * 1024))).toBe('Súbor foto.jpg je príliš veľký. Limit je 512 kB.');
    await i18n.changeLanguage('en');
    expect(plain(attachmentSizeProblem(i18n.t, { name: 'log.txt', size: 2 * MB }, 1.5 * MB))).toBe('log.txt is too large. The limit is 1.5 MB.');
  });

  it('lets a file up to the limit through, and any file while the limit is not known (the server still checks)', async () => {
    await i18n.changeLanguage('en');
    expect(attachmentSizeProblem(i18n.t, { name: 'a.pdf', size: 20 * MB }, 20 * MB)).toBeNull();
    expect(attachmentSizeProblem(i18n.t, { name: 'a.pdf', size: 0 }, 20 * MB)).toBeNull();
    expect(attachmentSizeProblem(i18n.t, { name: 'a.pdf', size: 99 * MB }, null)).toBeNull();
    expect(attachmentSizeProblem(i18n.t, { name: 'a.pdf', size: 99 * MB }, undefined)).toBeNull();
  });
});
