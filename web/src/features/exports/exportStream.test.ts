import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setCsrfToken } from '../../app/api/client';
import { ExportInterrupted, runExportWithProgress, type ExportProgress } from './exportStream';
import { stubStreamedAnswer as answer } from '../../app/api/streamedAnswer.testing';

const batch = { id: 5, format: 'isdoc', period: '2026-10', createdAt: '2026-11-01T08:00:00.000Z', createdBy: { id: 1, name: 'Účetní' }, documentCount: 300, fileName: 'isdoc-2026-10.zip', mediaType: 'application/zip', byteSize: 1234, sha256: 'ab', includeExported: false, downloadUrl: '/api/v1/exports/5/download' };
const body = { format: 'isdoc' as const, period: '2026-10', includeExported: false };

describe('running an export with progress', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('asks for JSON lines, reports how far it got and returns the batch', async () => {
    const fetchMock = answer(200, ['{"total":300}\n{"done":100}\n{"do', 'ne":200}\n{"done":300}\n', `{"batch":${JSON.stringify(batch)}}\n`]);
    const steps: ExportProgress[] = [];
    setCsrfToken('tok');
    const result = await runExportWithProgress(body, { onProgress: (p) => steps.push(p) });
    expect(result).toEqual(batch);
    expect(steps.map((s) => [s.done, s.total])).toEqual([[0, 300], [100, 300], [200, 300], [300, 300], [300, 300]]);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/exports');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ accept: 'application/x-ndjson', 'x-csrf-token': 'tok' });
    expect(JSON.parse(String(init.body))).toEqual(body);
  });

  it('turns a refusal before the lines into the API error', async () => {
    answer(409, ['{"error":{"code":"nothing_to_export","message":"Nothing to export","period":"2026-10","alreadyExported":3}}'], 'application/json');
    const error = await runExportWithProgress(body, { onProgress: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'nothing_to_export', extra: { period: '2026-10', alreadyExported: 3 } });
  });

  it('turns an error line into the same API error, facts included', async () => {
    answer(200, ['{"total":4}\n{"done":2}\n{"error":{"code":"vat_rate_not_mapped","message":"no rate","details":[{"path":"period","code":"vat_rate_not_mapped","message":"no rate"}],"documentNumber":"FV7","vatRateBp":1500,"country":"CZ"}}\n']);
    const error = await runExportWithProgress({ ...body, format: 'pohoda' }, { onProgress: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'vat_rate_not_mapped', message: 'no rate', details: [{ path: 'period', code: 'vat_rate_not_mapped' }], extra: { documentNumber: 'FV7', vatRateBp: 1500, country: 'CZ' } });
  });

  it('says how far it got when the answer ends without the batch', async () => {
    answer(200, ['{"total":300}\n{"done":100}\n']);
    const lost = await runExportWithProgress(body, { onProgress: () => undefined }).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(ExportInterrupted);
    expect(lost).toMatchObject({ done: 100, total: 300 });
  });

  it('says the network failed when the request cannot be made', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(runExportWithProgress(body, { onProgress: () => undefined })).rejects.toMatchObject({ code: 'network_error' });
  });
});
