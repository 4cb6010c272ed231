/**
 * Downloading the ČNB's daily rate file for a day: `<base>?date=DD.MM.YYYY`.
 * On a day without a publication (a weekend, a holiday, today before 14:30)
 * the bank answers with the last list published before it, whose first line
 * names its own day; the import takes that day. The base address is in the
 * configuration, so tests serve the file from 127.0.0.1.
 */
import { AppError } from '../../shared/errors.ts';

const TIMEOUT_MS = 15_000;
/** A real file is a few kilobytes; anything this large is not it. */
const MAX_CHARS = 1_000_000;

export type CnbDownload = (day: string) => Promise<string>;

export function cnbDownloader(baseUrl: string): CnbDownload {
  return async (day) => {
    const [y, m, d] = day.split('-');
    const url = new URL(baseUrl);
    url.searchParams.set('date', `${d}.${m}.${y}`);
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'text/plain' } });
    } catch (error) {
      const why = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : 'the connection failed';
      throw unavailable(`The ČNB rate list at ${url.origin} could not be reached (${why}); try again later, or download the file and import it`);
    }
    if (!response.ok) throw unavailable(`The ČNB rate list answered ${response.status} ${response.statusText}; try again later, or download the file and import it`);
    const text = await response.text();
    if (text.length > MAX_CHARS) throw unavailable('The ČNB answered with something far larger than a daily rate list');
    return text;
  };
}

const unavailable = (message: string) => new AppError('bad_gateway', 'cnb_unavailable', message);
